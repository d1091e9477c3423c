/**
 * Schema versions: migrations (kysely's `Migrator`, ordered `{ up, down }` objects from a provider) run forward
 * on open and the schema version is recorded; a database written by a newer schema is refused before anything is
 * written to it.
 * @module
 */
import { StorageError } from '@freehold/engine';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { type CoreDatabase, META_TABLE } from './sql-schema.js';

/** Default name of the table recording executed migrations. */
export const MIGRATION_TABLE = 'freehold_migration';
/** Default name of kysely's migration lock table. */
export const MIGRATION_LOCK_TABLE = 'freehold_migration_lock';

/** Migrations by name; names sort in the order they run (`0001-initial`, `0002-…`). */
export type MigrationList = Readonly<Record<string, Migration>>;

/** A migration provider over a fixed list (kysely's provider interface). */
export function listMigrationProvider(migrations: MigrationList): MigrationProvider {
  return { getMigrations: async () => ({ ...migrations }) };
}

/** Options of {@link readSchemaState} and {@link migrateToLatest}. */
export interface SchemaMigrationOptions {
  /** The database. */
  readonly db: Kysely<CoreDatabase>;
  /** Every migration this build knows, by name. */
  readonly migrations: MigrationList;
  /** The package name, for messages (`@freehold/storage-sqlite`). */
  readonly owner: string;
  /** A PostgreSQL schema holding the migration and metadata tables (default: the search path's). */
  readonly migrationTableSchema?: string;
}

/** What a database says about its schema, read without writing anything. */
export interface SchemaState {
  /** Names of the migrations already executed, in order. */
  readonly applied: readonly string[];
  /** Names this build knows that are not executed yet. */
  readonly pending: readonly string[];
  /** Executed migrations this build does not know (a newer build wrote the database). */
  readonly unknown: readonly string[];
  /** The schema version recorded in the metadata table, or `null` (new database). */
  readonly recordedVersion: number | null;
  /** The schema version of this build: the number of migrations it knows. */
  readonly latestVersion: number;
}

function scoped(options: SchemaMigrationOptions): Kysely<CoreDatabase> {
  return options.migrationTableSchema ? options.db.withSchema(options.migrationTableSchema) : options.db;
}

/** Names of the tables that exist (in `schema`, when given), from kysely's introspection. */
async function existingTables(options: SchemaMigrationOptions): Promise<Set<string>> {
  const tables = await options.db.introspection.getTables({ withInternalKyselyTables: true });
  const schema = options.migrationTableSchema;
  return new Set(
    tables.filter((table) => schema === undefined || table.schema === schema).map((table) => table.name),
  );
}

/**
 * Reads the executed migrations and the recorded schema version without writing anything; a database without
 * the tables (a new one) reads as empty.
 */
export async function readSchemaState(options: SchemaMigrationOptions): Promise<SchemaState> {
  const known = Object.keys(options.migrations).sort();
  const tables = await existingTables(options);
  let applied: string[] = [];
  if (tables.has(MIGRATION_TABLE)) {
    const rows = await scoped(options).selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute();
    applied = rows.map((row) => String(row.name));
  }
  let recordedVersion: number | null = null;
  if (tables.has(META_TABLE)) {
    const row = await scoped(options)
      .selectFrom(META_TABLE)
      .select('value')
      .where('key', '=', 'schema_version')
      .executeTakeFirst();
    recordedVersion = row ? Number(row.value) : null;
  }
  return {
    applied,
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
    recordedVersion,
    latestVersion: known.length,
  };
}

/**
 * The `StorageError` for a database written by a newer schema than this build knows, or `undefined` when the
 * database is at this build's schema or older.
 */
export function newerSchemaError(state: SchemaState, owner: string): StorageError | undefined {
  const newer =
    state.unknown.length > 0 ||
    (state.recordedVersion !== null && state.recordedVersion > state.latestVersion);
  if (!newer) return undefined;
  const version = state.recordedVersion ?? state.applied.length;
  const names = state.unknown.length > 0 ? ` (unknown migrations: ${state.unknown.join(', ')})` : '';
  return new StorageError(
    `This database was written by a newer Freehold schema (version ${version}${names}); this ${owner} knows ` +
      `schema version ${state.latestVersion}. Upgrade ${owner} to open it. Nothing was changed.`,
  );
}

/** Result of {@link migrateToLatest}. */
export interface MigrationOutcome {
  /** The schema version now recorded. */
  readonly version: number;
  /** Migrations executed by this call, in order. */
  readonly executed: readonly string[];
}

/**
 * Brings the database to this build's latest schema: refuses (with a `StorageError`, before writing anything) a
 * database from a newer schema, runs the pending migrations with kysely's `Migrator`, and records the schema
 * version in the metadata table. A failed migration is a `StorageError` whose `cause` is the migration's error.
 */
export async function migrateToLatest(options: SchemaMigrationOptions): Promise<MigrationOutcome> {
  const state = await readSchemaState(options);
  const newer = newerSchemaError(state, options.owner);
  if (newer) throw newer;
  let executed: string[] = [];
  if (state.pending.length > 0) {
    const migrator = new Migrator({
      db: options.db,
      provider: listMigrationProvider(options.migrations),
      migrationTableName: MIGRATION_TABLE,
      migrationLockTableName: MIGRATION_LOCK_TABLE,
      ...(options.migrationTableSchema ? { migrationTableSchema: options.migrationTableSchema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((result) => result.status === 'Error')?.migrationName;
      throw new StorageError(
        `${options.owner}: migrating the database failed${failed ? ` in ${failed}` : ''}: ${
          error instanceof Error ? error.message : String(error)
        }`,
        { cause: error },
      );
    }
    executed = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }
  if (state.recordedVersion !== state.latestVersion) {
    await scoped(options)
      .insertInto(META_TABLE)
      .values({ key: 'schema_version', value: String(state.latestVersion) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(state.latestVersion) }))
      .execute();
  }
  return { version: state.latestVersion, executed };
}
