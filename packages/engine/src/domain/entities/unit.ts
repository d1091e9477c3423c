/**
 * Unit: a rentable space of a property (the whole house for a single-family home).
 * @module
 */
import { z } from 'zod';
import {
  ArchivedAtSchema,
  DEFAULT_MONEY_SCHEMAS,
  IdSchema,
  type MoneySchemas,
  nullableDefault,
  omitKeys,
  optionalTextSchema,
  patchShape,
  recordFields,
  textSchema,
} from './values.js';

/** Occupancy of a unit: occupied, vacant, notice (tenant gave notice) or offline (not rentable, e.g. renovation). */
export const UnitStatusSchema = z.enum(['occupied', 'vacant', 'notice', 'offline']);
/** Occupancy of a unit. */
export type UnitStatus = z.output<typeof UnitStatusSchema>;

/** Builds the unit schemas for a currency's money schemas. */
export function createUnitSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** The property the unit belongs to. */
    propertyId: IdSchema,
    /** Label within the property ("A", "2B", "Main house"). */
    label: textSchema(100),
    /** Bedrooms (0 for a studio). */
    bedrooms: z.int().min(0).max(1000).default(0),
    /** Bathrooms, in halves (1.5 = one full and one half bath). */
    bathrooms: z.number().min(0).max(1000).multipleOf(0.5).default(0),
    /** Interior area in square feet, when known. */
    sqft: nullableDefault(z.number().positive().max(100_000_000)),
    /** Monthly market rent: the basis of gross potential rent and economic occupancy. */
    marketRent: money.nonNegative,
    /** Occupancy (default vacant). */
    status: UnitStatusSchema.default('vacant'),
    /** Free-form notes. */
    notes: optionalTextSchema(10_000),
  };
  const record = z.strictObject({
    ...recordFields,
    portfolioId: IdSchema,
    ...fields,
    archivedAt: ArchivedAtSchema,
  });
  const create = z.strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...fields });
  const update = z.strictObject(patchShape(omitKeys(fields, ['propertyId'])));
  return { record, create, update };
}

const schemas = createUnitSchemas();

/** A stored unit: label, bedrooms, bathrooms, area, monthly market rent, occupancy status. */
export const UnitSchema = schemas.record;
/** A stored unit. */
export type Unit = z.infer<typeof UnitSchema>;

/** What a caller passes to create a unit. Defaults: 0 bedrooms and bathrooms, status vacant. */
export const UnitCreateSchema = schemas.create;
/** What a caller passes to create a unit. */
export type UnitCreate = z.input<typeof UnitCreateSchema>;

/** A patch of a unit (the property cannot change). */
export const UnitUpdateSchema = schemas.update;
/** A patch of a unit. */
export type UnitUpdate = z.input<typeof UnitUpdateSchema>;
