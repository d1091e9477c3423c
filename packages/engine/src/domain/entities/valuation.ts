/**
 * Valuation: one dated estimate of a property's market value; the list of them is the value history.
 * @module
 */
import { z } from 'zod';
import {
  DateSchema,
  DEFAULT_MONEY_SCHEMAS,
  IdSchema,
  type MoneySchemas,
  omitKeys,
  optionalTextSchema,
  patchShape,
  recordFields,
} from './values.js';

/** Where a valuation came from. */
export const ValuationSourceSchema = z.enum([
  'appraisal',
  'broker_opinion',
  'automated',
  'owner_estimate',
  'tax_assessment',
  'purchase',
  'sale',
  'other',
]);
/** Where a valuation came from. */
export type ValuationSource = z.output<typeof ValuationSourceSchema>;

/** Builds the valuation schemas for a currency's money schemas. */
export function createValuationSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** The property valued. */
    propertyId: IdSchema,
    /** Date of the valuation. */
    date: DateSchema,
    /** Estimated market value of the whole property (before the ownership share). */
    value: money.nonNegative,
    /** Where the estimate came from. */
    source: ValuationSourceSchema,
    /** Free-form notes (appraiser, method). */
    notes: optionalTextSchema(2000),
  };
  const record = z.strictObject({ ...recordFields, portfolioId: IdSchema, ...fields });
  const create = z.strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...fields });
  const update = z.strictObject(patchShape(omitKeys(fields, ['propertyId'])));
  return { record, create, update };
}

const schemas = createValuationSchemas();

/** A stored valuation: a property's estimated value on a date, and its source. */
export const ValuationSchema = schemas.record;
/** A stored valuation. */
export type Valuation = z.infer<typeof ValuationSchema>;

/** What a caller passes to record a valuation. */
export const ValuationCreateSchema = schemas.create;
/** What a caller passes to record a valuation. */
export type ValuationCreate = z.input<typeof ValuationCreateSchema>;

/** A patch of a valuation: date, value, source, notes (the property cannot change). */
export const ValuationUpdateSchema = schemas.update;
/** A patch of a valuation. */
export type ValuationUpdate = z.input<typeof ValuationUpdateSchema>;
