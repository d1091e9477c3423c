/**
 * Alert: a condition the alert engine found (lease expiring, rent late, DSCR below covenant…).
 * @module
 */
import { z } from 'zod';
import { EntityTypeSchema } from './entity-types.js';
import {
  addFieldIssue,
  DateSchema,
  IdSchema,
  InstantSchema,
  JsonObjectSchema,
  nullableDefault,
  patchShape,
  recordFields,
  textSchema,
} from './values.js';

/** How urgent an alert or task is; also chooses the notifier channels. */
export const PrioritySchema = z.enum(['low', 'medium', 'high', 'critical']);
/** How urgent an alert or task is. */
export type Priority = z.output<typeof PrioritySchema>;

/** An alert's state: open, snoozed (until a date) or resolved. */
export const AlertStatusSchema = z.enum(['open', 'snoozed', 'resolved']);
/** An alert's state. */
export type AlertStatus = z.output<typeof AlertStatusSchema>;

/** The rule that raised an alert, in snake case (`lease_expiring`, `dscr_below_covenant`). */
export const AlertTypeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);

interface AlertChecked {
  status?: AlertStatus;
  snoozedUntil?: string | null;
  resolvedAt?: string | null;
}

function checkAlert(value: AlertChecked, ctx: z.RefinementCtx): void {
  if (value.status === 'snoozed' && value.snoozedUntil === null) {
    addFieldIssue(
      ctx,
      ['snoozedUntil'],
      'a calendar date YYYY-MM-DD (required when snoozed)',
      'is required when status is snoozed',
      null,
    );
  }
  if (value.status === 'resolved' && value.resolvedAt === null) {
    addFieldIssue(
      ctx,
      ['resolvedAt'],
      'an ISO-8601 UTC instant (required when resolved)',
      'is required when status is resolved',
      null,
    );
  }
}

const identity = {
  /** The property concerned, or null for a portfolio-wide alert. */
  propertyId: nullableDefault(IdSchema),
  /** The rule that raised it. */
  type: AlertTypeSchema,
  /** Stable key of the condition (rule + subject + period): re-running never duplicates an open alert. */
  dedupeKey: z.string().min(1).max(300),
  /** Type of the entity the alert is about (lease, loan…), or null. */
  entityType: nullableDefault(EntityTypeSchema),
  /** Id of the entity the alert is about, or null. */
  entityId: nullableDefault(IdSchema),
  /** When the alert was raised. */
  raisedAt: InstantSchema,
};
const alertFields = {
  /** Urgency. */
  priority: PrioritySchema,
  /** State (default open). */
  status: AlertStatusSchema.default('open'),
  /** One-line description for people. */
  message: textSchema(1000),
  /** Rule-specific facts (dates, amounts, thresholds) as JSON. */
  details: JsonObjectSchema.default(() => ({})),
  /** While snoozed: the date it reopens. */
  snoozedUntil: nullableDefault(DateSchema),
  /** When it was resolved (by a person or automatically). */
  resolvedAt: nullableDefault(InstantSchema),
  /** How it was resolved, when it was. */
  resolution: nullableDefault(z.enum(['manual', 'auto'])),
};

/**
 * A stored alert: rule type, subject, priority, state (open, snoozed until a date, resolved), de-duplication key,
 * message, details.
 */
export const AlertSchema = z
  .strictObject({ ...recordFields, portfolioId: IdSchema, ...identity, ...alertFields })
  .superRefine(checkAlert);
/** A stored alert. */
export type Alert = z.infer<typeof AlertSchema>;

/** What the alert engine passes to raise an alert (status open by default). */
export const AlertCreateSchema = z
  .strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...identity, ...alertFields })
  .superRefine(checkAlert);
/** What the alert engine passes to raise an alert. */
export type AlertCreate = z.input<typeof AlertCreateSchema>;

/** A patch of an alert: priority, status, message, details, snooze and resolution (its identity is fixed). */
export const AlertUpdateSchema = z.strictObject(patchShape(alertFields)).superRefine(checkAlert);
/** A patch of an alert. */
export type AlertUpdate = z.input<typeof AlertUpdateSchema>;
