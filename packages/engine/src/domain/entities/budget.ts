/**
 * Budget: the planned amount of one category for a property in a year or a month.
 * @module
 */
import { z } from 'zod';
import { CategoryKeySchema } from './category.js';
import {
  DEFAULT_MONEY_SCHEMAS,
  IdSchema,
  type MoneySchemas,
  nullableDefault,
  optionalTextSchema,
  patchShape,
  recordFields,
} from './values.js';

/** Builds the budget schemas for a currency's money schemas. */
export function createBudgetSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const key = {
    /** The property budgeted. */
    propertyId: IdSchema,
    /** Calendar year (fiscal years are derived with the portfolio's fiscalYearStartMonth). */
    year: z.int().min(1900).max(9999),
    /** Month 1–12, or null for the whole year. */
    month: nullableDefault(z.int().min(1).max(12)),
    /** Category key budgeted. */
    category: CategoryKeySchema,
  };
  const fields = {
    /** Planned amount with the transaction sign convention (an expense budget is negative). */
    amount: money.signed,
    /** Free-form notes. */
    notes: optionalTextSchema(2000),
  };
  const record = z.strictObject({ ...recordFields, portfolioId: IdSchema, ...key, ...fields });
  const create = z.strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...key, ...fields });
  const update = z.strictObject(patchShape(fields));
  return { record, create, update };
}

const schemas = createBudgetSchemas();

/** A stored budget line: property, year, optional month, category, signed amount (expenses negative). */
export const BudgetSchema = schemas.record;
/** A stored budget line. */
export type Budget = z.infer<typeof BudgetSchema>;

/** What a caller passes to create a budget line (month omitted = the whole year). */
export const BudgetCreateSchema = schemas.create;
/** What a caller passes to create a budget line. */
export type BudgetCreate = z.input<typeof BudgetCreateSchema>;

/** A patch of a budget line: amount and notes (property, year, month and category identify the line). */
export const BudgetUpdateSchema = schemas.update;
/** A patch of a budget line. */
export type BudgetUpdate = z.input<typeof BudgetUpdateSchema>;
