/**
 * Property: a building or lot the portfolio owns (or owned), with its purchase and sale facts.
 * @module
 */
import { z } from 'zod';
import { AddressSchema, GeoLocationSchema } from './address.js';
import {
  ArchivedAtSchema,
  addFieldIssue,
  DateSchema,
  DEFAULT_MONEY_SCHEMAS,
  IdSchema,
  type MoneySchemas,
  nullableDefault,
  optionalTextSchema,
  patchShape,
  rateSchema,
  recordFields,
  textSchema,
} from './values.js';

/** The kind of real estate. */
export const PropertyTypeSchema = z.enum([
  'single_family',
  'multifamily',
  'condo',
  'townhouse',
  'commercial',
  'mixed_use',
  'land',
  'other',
]);
/** The kind of real estate. */
export type PropertyType = z.output<typeof PropertyTypeSchema>;

/** Where a property stands: owned and active, sold, or archived (kept for history only). */
export const PropertyStatusSchema = z.enum(['active', 'sold', 'archived']);
/** Where a property stands. */
export type PropertyStatus = z.output<typeof PropertyStatusSchema>;

/** Share of a property the portfolio owns: more than 0, at most 1 (default 1). Output: a number. */
export const OwnershipShareSchema = rateSchema({ min: 0, minExclusive: true, max: 1 }, 'an ownership share');

interface PropertyDates {
  purchaseDate: string;
  status?: PropertyStatus;
  saleDate?: string | null;
  salePrice?: string | null;
}

function checkProperty(value: PropertyDates, ctx: z.RefinementCtx): void {
  if (value.saleDate != null && value.saleDate < value.purchaseDate) {
    addFieldIssue(
      ctx,
      ['saleDate'],
      'a date on or after purchaseDate',
      `must be on or after purchaseDate (${value.purchaseDate})`,
      value.saleDate,
    );
  }
  if (value.status === 'sold') {
    if (value.saleDate == null) {
      addFieldIssue(
        ctx,
        ['saleDate'],
        'a calendar date YYYY-MM-DD (required when status is sold)',
        'required when status is sold',
        null,
      );
    }
    if (value.salePrice == null) {
      addFieldIssue(
        ctx,
        ['salePrice'],
        'a money amount (required when status is sold)',
        'required when status is sold',
        null,
      );
    }
  }
}

/** Builds the property schemas for a currency's money schemas (see `entitySchemasFor`). */
export function createPropertySchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** Display name ("12 Elm St"). */
    name: textSchema(200),
    /** Postal address. */
    address: AddressSchema,
    /** Optional map location. */
    location: nullableDefault(GeoLocationSchema),
    /** Kind of real estate. */
    propertyType: PropertyTypeSchema,
    /** Date of purchase (closing). */
    purchaseDate: DateSchema,
    /** Contract price. */
    purchasePrice: money.nonNegative,
    /** Acquisition costs added to the basis (default 0). */
    closingCosts: money.nonNegative.prefault('0'),
    /** Land value: excluded from the depreciation basis (default 0). */
    landValue: money.nonNegative.prefault('0'),
    /** Latest known market value, or null (see Valuation for the history). */
    currentValue: nullableDefault(money.nonNegative),
    /** Share the portfolio owns, 0 < share ≤ 1 (default 1); metrics scale by it. */
    ownershipShare: OwnershipShareSchema.default(1),
    /** active (default), sold or archived. */
    status: PropertyStatusSchema.default('active'),
    /** Sale closing date, when sold. */
    saleDate: nullableDefault(DateSchema),
    /** Contract sale price, when sold. */
    salePrice: nullableDefault(money.nonNegative),
    /** Year of construction, when known. */
    yearBuilt: nullableDefault(z.int().min(1000).max(9999)),
    /** Free-form notes. */
    notes: optionalTextSchema(10_000),
  };
  const record = z
    .strictObject({ ...recordFields, portfolioId: IdSchema, ...fields, archivedAt: ArchivedAtSchema })
    .superRefine(checkProperty);
  const create = z
    .strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...fields })
    .superRefine(checkProperty);
  const update = z.strictObject(patchShape(fields));
  return { record, create, update };
}

const schemas = createPropertySchemas();

/** A stored property: address, type, purchase facts (price, closing costs, land value), ownership share, status, sale facts. */
export const PropertySchema = schemas.record;
/** A stored property. */
export type Property = z.infer<typeof PropertySchema>;

/**
 * What a caller passes to create a property. Defaults: closingCosts and landValue 0, ownershipShare 1,
 * status active. Checks: saleDate ≥ purchaseDate; a sold property has saleDate and salePrice.
 */
export const PropertyCreateSchema = schemas.create;
/** What a caller passes to create a property. */
export type PropertyCreate = z.input<typeof PropertyCreateSchema>;

/** A patch of a property: any of its fields (`null` clears an optional one). Re-validate the merged record. */
export const PropertyUpdateSchema = schemas.update;
/** A patch of a property. */
export type PropertyUpdate = z.input<typeof PropertyUpdateSchema>;
