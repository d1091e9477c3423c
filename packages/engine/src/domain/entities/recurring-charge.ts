/**
 * RecurringCharge: money expected on a schedule (rent, mortgage payment, insurance premium, tax bill).
 * @module
 */
import { z } from 'zod';
import { CategoryKeySchema } from './category.js';
import { RRuleSchema } from './rrule.js';
import {
  addFieldIssue,
  DateSchema,
  DEFAULT_MONEY_SCHEMAS,
  IdSchema,
  type MoneySchemas,
  nullableDefault,
  omitKeys,
  optionalTextSchema,
  patchShape,
  recordFields,
} from './values.js';

/** Charges that come with a renewal date worth an alert: insurance policies, tax bills, licences. */
export const RenewalKindSchema = z.enum(['insurance', 'tax', 'licence']);
/** Kind of renewal a recurring charge tracks. */
export type RenewalKind = z.output<typeof RenewalKindSchema>;

interface RecurringChecked {
  renewalKind?: RenewalKind | null;
  renewalDate?: string | null;
}

function checkRenewal(value: RecurringChecked, ctx: z.RefinementCtx): void {
  if (value.renewalKind != null && value.renewalDate === null) {
    addFieldIssue(
      ctx,
      ['renewalDate'],
      'a calendar date YYYY-MM-DD (required with renewalKind)',
      'is required when renewalKind is set',
      null,
    );
  }
}

/** Builds the recurring charge schemas for a currency's money schemas. */
export function createRecurringChargeSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** The property charged. */
    propertyId: IdSchema,
    /** The unit, when it concerns one. */
    unitId: nullableDefault(IdSchema),
    /** The lease, when it concerns one (rent). */
    leaseId: nullableDefault(IdSchema),
    /** The loan, when it concerns one (mortgage payment). */
    loanId: nullableDefault(IdSchema),
    /** What the charge is ("Home insurance"). */
    description: optionalTextSchema(200),
    /** Category key of the transactions it produces. */
    category: CategoryKeySchema,
    /** Signed amount of each occurrence, with the transaction sign convention (rent +, premium −). */
    amount: money.signed,
    /** RFC 5545 recurrence rule (`FREQ=MONTHLY;BYMONTHDAY=1`). */
    rrule: RRuleSchema,
    /** Date of the next occurrence. */
    nextDueDate: DateSchema,
    /** Insurance, tax or licence when the charge has a renewal to watch, or null. */
    renewalKind: nullableDefault(RenewalKindSchema),
    /** Next renewal date (required with renewalKind). */
    renewalDate: nullableDefault(DateSchema),
    /** Whether it still recurs (default true). */
    active: z.boolean().default(true),
  };
  const record = z
    .strictObject({ ...recordFields, portfolioId: IdSchema, ...fields })
    .superRefine(checkRenewal);
  const create = z
    .strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...fields })
    .superRefine(checkRenewal);
  const update = z.strictObject(patchShape(omitKeys(fields, ['propertyId'])));
  return { record, create, update };
}

const schemas = createRecurringChargeSchemas();

/**
 * A stored recurring charge: property (and optional unit, lease, loan), category, signed amount, RRULE, next due
 * date, optional renewal kind and date, active flag.
 */
export const RecurringChargeSchema = schemas.record;
/** A stored recurring charge. */
export type RecurringCharge = z.infer<typeof RecurringChargeSchema>;

/** What a caller passes to create a recurring charge (active by default; renewalKind needs renewalDate). */
export const RecurringChargeCreateSchema = schemas.create;
/** What a caller passes to create a recurring charge. */
export type RecurringChargeCreate = z.input<typeof RecurringChargeCreateSchema>;

/** A patch of a recurring charge (the property cannot change). */
export const RecurringChargeUpdateSchema = schemas.update;
/** A patch of a recurring charge. */
export type RecurringChargeUpdate = z.input<typeof RecurringChargeUpdateSchema>;
