/**
 * The entity type keys, shared by every entity file (documents link to entities, audit entries name them).
 * @module
 */
import { z } from 'zod';

/** Every entity type of DATA-MODEL.md, as the key used in ports, snapshots (`"type"`), links and audit entries. */
export const ENTITY_TYPES = [
  'portfolio',
  'property',
  'valuation',
  'unit',
  'contact',
  'lease',
  'loan',
  'transaction',
  'category',
  'recurringCharge',
  'budget',
  'alert',
  'task',
  'deal',
  'dealAnalysis',
  'scenario',
  'document',
  'user',
  'roleAssignment',
  'auditEntry',
] as const;

/** One of {@link ENTITY_TYPES}. */
export type EntityType = (typeof ENTITY_TYPES)[number];

/** An entity type key. */
export const EntityTypeSchema = z.enum(ENTITY_TYPES);

/** True when `value` is one of {@link ENTITY_TYPES}. */
export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

/**
 * Entity types whose records carry `archivedAt`: history that money has touched is archived, never deleted
 * (DATA-MODEL.md "Every entity"), plus contacts and categories, which transactions and leases refer to.
 */
export const ARCHIVABLE_ENTITY_TYPES = [
  'portfolio',
  'property',
  'unit',
  'contact',
  'lease',
  'loan',
  'category',
] as const satisfies readonly EntityType[];

/** An entity type whose records carry `archivedAt`. */
export type ArchivableEntityType = (typeof ARCHIVABLE_ENTITY_TYPES)[number];
