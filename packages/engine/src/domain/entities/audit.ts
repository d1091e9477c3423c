/**
 * AuditEntry: one append-only record of a mutation (or of a bulk operation as a whole).
 * @module
 */
import { z } from 'zod';
import { EntityTypeSchema } from './entity-types.js';
import { IdSchema, InstantSchema, JsonObjectSchema, nullableDefault } from './values.js';

/** What was done. */
export const AuditActionSchema = z.enum([
  'create',
  'update',
  'archive',
  'restore',
  'delete',
  'import',
  'export',
  'erase',
]);
/** What was done. */
export type AuditAction = z.output<typeof AuditActionSchema>;

const auditFields = {
  /** The portfolio concerned, or null (users, global operations). */
  portfolioId: nullableDefault(IdSchema),
  /** When it happened (injected clock). */
  at: InstantSchema,
  /** The user who acted. */
  actorId: IdSchema,
  /** What was done. */
  action: AuditActionSchema,
  /** Type of the entity acted on (for a bulk operation: of its records). */
  entityType: EntityTypeSchema,
  /** Id of the entity acted on, or null for a bulk operation. */
  entityId: nullableDefault(IdSchema),
  /** The record before (update, archive, delete), or null. */
  before: nullableDefault(JsonObjectSchema),
  /** The record after (create, update, archive), or null. */
  after: nullableDefault(JsonObjectSchema),
  /** Other facts: for a bulk operation its source, counts and id range. */
  details: nullableDefault(JsonObjectSchema),
};

/**
 * A stored audit entry: when, who, what action on which entity, before and after images, details. Append-only:
 * it has no version and is never updated.
 */
export const AuditEntrySchema = z.strictObject({ id: IdSchema, ...auditFields });
/** A stored audit entry. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** What a service passes to append an audit entry (`id` optional). */
export const AuditEntryCreateSchema = z.strictObject({ id: IdSchema.optional(), ...auditFields });
/** What a service passes to append an audit entry. */
export type AuditEntryCreate = z.input<typeof AuditEntryCreateSchema>;

/** Audit entries are append-only: every patch is rejected. */
export const AuditEntryUpdateSchema = z.never();
/** Audit entries are append-only: there is no patch. */
export type AuditEntryUpdate = z.input<typeof AuditEntryUpdateSchema>;
