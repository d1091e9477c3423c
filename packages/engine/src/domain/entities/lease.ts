/**
 * Lease: an agreement renting a unit to tenants. A renewal is a new lease pointing at the previous one;
 * history is never overwritten.
 * @module
 */
import { z } from 'zod';
import {
  ArchivedAtSchema,
  addFieldIssue,
  DateSchema,
  DEFAULT_MONEY_SCHEMAS,
  IdSchema,
  InterestRateSchema,
  type MoneySchemas,
  NonNegativeRateSchema,
  nullableDefault,
  omitKeys,
  optionalTextSchema,
  patchShape,
  RateSchema,
  recordFields,
} from './values.js';

/** How a rent escalation changes the rent. */
export const RentEscalationKindSchema = z.enum(['fixed_amount', 'percent', 'cpi']);
/** How a rent escalation changes the rent. */
export type RentEscalationKind = z.output<typeof RentEscalationKindSchema>;

/** Builds the rent escalation schema for a currency's money schemas. */
export function createRentEscalationSchema(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  return z.discriminatedUnion('kind', [
    z.strictObject({
      /** From this date the monthly rent changes. */
      effectiveDate: DateSchema,
      /** Add a fixed amount to the monthly rent. */
      kind: z.literal('fixed_amount'),
      /** Amount added to the monthly rent (negative lowers it). */
      value: money.signed,
    }),
    z.strictObject({
      effectiveDate: DateSchema,
      /** Multiply the monthly rent by (1 + value). */
      kind: z.literal('percent'),
      /** Fractional change, e.g. 0.03 for +3 %; greater than −1. */
      value: InterestRateSchema,
    }),
    z.strictObject({
      effectiveDate: DateSchema,
      /** Change the monthly rent by the CPI change over the past year plus `value`, within floor and cap. */
      kind: z.literal('cpi'),
      /** Margin added to the CPI change, as a fraction (default 0). */
      value: RateSchema.default(0),
      /** Largest change applied, as a fraction (e.g. 0.05), or null for none. */
      cap: nullableDefault(NonNegativeRateSchema),
      /** Smallest change applied, as a fraction (e.g. 0), or null for none. */
      floor: nullableDefault(RateSchema),
    }),
  ]);
}

/**
 * A scheduled change of the monthly rent from `effectiveDate`: `fixed_amount` adds `value` (money),
 * `percent` multiplies by 1 + `value`, `cpi` applies the CPI change plus `value` within optional floor and cap.
 */
export const RentEscalationSchema = createRentEscalationSchema();
/** A scheduled change of the monthly rent. */
export type RentEscalation = z.output<typeof RentEscalationSchema>;

/** Lifecycle of a lease: draft (not signed), active, ended (ran its term) or terminated (ended early). */
export const LeaseStatusSchema = z.enum(['draft', 'active', 'ended', 'terminated']);
/** Lifecycle of a lease. */
export type LeaseStatus = z.output<typeof LeaseStatusSchema>;

interface LeaseChecked {
  startDate?: string;
  endDate?: string | null;
  status?: LeaseStatus;
  tenantIds?: readonly string[];
  escalations?: readonly { effectiveDate: string }[];
  terminationDate?: string | null;
}

function checkLease(value: LeaseChecked, ctx: z.RefinementCtx): void {
  const { startDate, endDate } = value;
  if (startDate !== undefined && endDate != null && endDate < startDate) {
    addFieldIssue(
      ctx,
      ['endDate'],
      'a date on or after startDate, or null (month-to-month)',
      `must be on or after startDate (${startDate})`,
      endDate,
    );
  }
  if (startDate !== undefined && value.terminationDate != null && value.terminationDate < startDate) {
    addFieldIssue(
      ctx,
      ['terminationDate'],
      'a date on or after startDate',
      `must be on or after startDate (${startDate})`,
      value.terminationDate,
    );
  }
  value.escalations?.forEach((escalation, index) => {
    if (startDate !== undefined && escalation.effectiveDate <= startDate) {
      addFieldIssue(
        ctx,
        ['escalations', index, 'effectiveDate'],
        'a date after startDate',
        `must be after startDate (${startDate})`,
        escalation.effectiveDate,
      );
    }
    const previous = value.escalations?.[index - 1];
    if (previous && escalation.effectiveDate <= previous.effectiveDate) {
      addFieldIssue(
        ctx,
        ['escalations', index, 'effectiveDate'],
        'a date after the previous escalation',
        'escalations must be in increasing effectiveDate order',
        escalation.effectiveDate,
      );
    }
  });
  if (value.tenantIds !== undefined) {
    if (new Set(value.tenantIds).size !== value.tenantIds.length) {
      addFieldIssue(
        ctx,
        ['tenantIds'],
        'a list of distinct contact ids',
        'lists a tenant twice',
        value.tenantIds,
      );
    }
    if (value.status !== undefined && value.status !== 'draft' && value.tenantIds.length === 0) {
      addFieldIssue(
        ctx,
        ['tenantIds'],
        'at least one tenant contact id (only a draft lease may have none)',
        'needs at least one tenant unless the lease is a draft',
        value.tenantIds,
      );
    }
  }
}

/** Builds the lease schemas for a currency's money schemas. */
export function createLeaseSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** The property of the unit (denormalised for per-property queries). */
    propertyId: IdSchema,
    /** The unit rented. */
    unitId: IdSchema,
    /** Contact ids of the tenants (kind tenant). */
    tenantIds: z.array(IdSchema).max(50).default([]),
    /** First day of the term. */
    startDate: DateSchema,
    /** Last day of the term; `null` for month-to-month. Required: pass `null` explicitly. */
    endDate: DateSchema.nullable(),
    /** Monthly rent at the start of the term. */
    rent: money.nonNegative,
    /** Day of the month rent is due, 1–31 (default 1); past a short month's end it is due on its last day. */
    rentDueDay: z.int().min(1).max(31).default(1),
    /** Days after the due day before rent is late (default 0). */
    graceDays: z.int().min(0).max(60).default(0),
    /** Fee charged when rent is late (default 0). */
    lateFee: money.nonNegative.prefault('0'),
    /** Security deposit held (default 0): a liability, never income. */
    deposit: money.nonNegative.prefault('0'),
    /** Scheduled rent changes, in increasing date order. */
    escalations: z.array(createRentEscalationSchema(money)).max(100).default([]),
    /** Lifecycle status (default active). */
    status: LeaseStatusSchema.default('active'),
    /** Date the lease actually ended early, when terminated. */
    terminationDate: nullableDefault(DateSchema),
    /** The lease this one renews. */
    previousLeaseId: nullableDefault(IdSchema),
    /** Free-form notes. */
    notes: optionalTextSchema(10_000),
  };
  const record = z
    .strictObject({ ...recordFields, portfolioId: IdSchema, ...fields, archivedAt: ArchivedAtSchema })
    .superRefine(checkLease);
  const create = z
    .strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...fields })
    .superRefine(checkLease);
  const update = z
    .strictObject(patchShape(omitKeys(fields, ['propertyId', 'unitId'])))
    .superRefine(checkLease);
  return { record, create, update };
}

const schemas = createLeaseSchemas();

/**
 * A stored lease: unit, tenants, term (endDate null = month-to-month), monthly rent, due day, grace days,
 * late fee, deposit, escalations, status, and the lease it renews.
 */
export const LeaseSchema = schemas.record;
/** A stored lease. */
export type Lease = z.infer<typeof LeaseSchema>;

/**
 * What a caller passes to create a lease. Defaults: rentDueDay 1, graceDays 0, lateFee and deposit 0, no
 * escalations, status active. Checks: endDate ≥ startDate; escalations after startDate and in order; distinct
 * tenants, at least one unless draft.
 */
export const LeaseCreateSchema = schemas.create;
/** What a caller passes to create a lease. */
export type LeaseCreate = z.input<typeof LeaseCreateSchema>;

/**
 * A patch of a lease (property and unit cannot change; a renewal is a new lease). Dates are cross-checked when
 * both are in the patch; re-validate the merged record with {@link LeaseSchema}.
 */
export const LeaseUpdateSchema = schemas.update;
/** A patch of a lease. */
export type LeaseUpdate = z.input<typeof LeaseUpdateSchema>;
