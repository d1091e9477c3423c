/**
 * Schema version 1: the SQL core's schema (every table and index of `@freehold/storage-sql`), with PostgreSQL's
 * column types.
 * @module
 */
import { type CoreDatabase, createCoreSchema, dropCoreSchema } from '@freehold/storage-sql';
import type { Kysely, Migration } from 'kysely';
import { POSTGRES_DIALECT } from '../postgres-dialect.js';

/** The first migration: the core schema. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createCoreSchema(db as Kysely<CoreDatabase>, POSTGRES_DIALECT);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await dropCoreSchema(db as Kysely<CoreDatabase>);
  },
};
