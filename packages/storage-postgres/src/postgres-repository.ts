/**
 * `createPostgresRepository`: the repository port on PostgreSQL — `pg` pools, a schema of its own, migrations run
 * forward on open — built on the shared SQL storage core (`@freehold/storage-sql`).
 * @module
 */
import type { RepositoryCapabilities } from '@freehold/engine';
import {
  type CoreDatabase,
  createSqlRepository,
  type MigrationOutcome,
  migrateToLatest,
  type SqlRepository,
} from '@freehold/storage-sql';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { postgresMigrations } from './migrations/index.js';
import { checkSchemaName, DEFAULT_SCHEMA, type PostgresRepositoryConfig } from './postgres-config.js';
import { POSTGRES_DIALECT } from './postgres-dialect.js';
import { translatePostgresError } from './postgres-errors.js';
import { type KyselyPool, resolvePools } from './postgres-pool.js';

/** What the PostgreSQL adapter can do: data persist, many writers at once, units of work may await other I/O. */
export const POSTGRES_CAPABILITIES: RepositoryCapabilities = Object.freeze({
  persistent: true,
  concurrentWriters: true,
  longTransactions: true,
});

/** The package name, used in migration messages. */
const OWNER = '@freehold/storage-postgres';

/** The PostgreSQL repository: the port, the rollup maintenance of the SQL core, and what was opened. */
export interface PostgresRepository extends SqlRepository {
  /** The schema holding this repository's tables. */
  readonly schema: string;
  /** The schema version of the database after opening (the number of migrations applied). */
  readonly schemaVersion: number;
  /** Migrations this open executed (empty when the database was already current). */
  readonly migrated: readonly string[];
}

/** A kysely instance over `pool` that qualifies every table with `schema` (no `search_path` games). */
function kyselyOver(pool: KyselyPool, schema: string): Kysely<CoreDatabase> {
  return new Kysely<CoreDatabase>({ dialect: new PostgresDialect({ pool }) }).withSchema(schema);
}

/** Creates `schema` unless it exists (checked first, so a role without CREATE can open an existing schema). */
async function ensureSchema(db: Kysely<CoreDatabase>, schema: string): Promise<void> {
  const found = await sql<{
    one: number;
  }>`select 1 as one from pg_namespace where nspname = ${schema}`.execute(db);
  if (found.rows.length > 0) return;
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two repositories opening the same new schema at once: the loser's CREATE fails on the catalog's key.
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

/**
 * Opens a repository on PostgreSQL: connects (a `pg.Pool` for `connectionString`, or the given `pool`), creates
 * the `schema` if needed, migrates it forward to this version's schema (refusing, untouched, a schema written by
 * a newer version), and returns the repository. Units of work run in READ COMMITTED transactions with optimistic
 * version checks; analytics (`monthlyTotals`, `openAlerts`, `leasesEndingBetween`, `loanEventsBetween`) outside
 * units of work use `readPool` when given.
 *
 * Errors: a `ValidationError` for bad options; a `StorageError` when the server cannot be reached, the migration
 * fails, or the schema is newer than this version knows.
 *
 * @example
 * ```ts
 * import { createFreehold, systemClock, uuidV7Ids } from '@freehold/engine';
 * import { createPostgresRepository } from '@freehold/storage-postgres';
 *
 * const storage = await createPostgresRepository({ connectionString: process.env.DATABASE_URL, schema: 'freehold' });
 * const sdk = createFreehold({ storage, clock: systemClock, ids: uuidV7Ids({ clock: systemClock }) });
 * const me = await sdk.ensureLocalOwner();
 * const portfolio = await sdk.as(me.id).portfolios.create({ name: 'Main' });
 * console.log(portfolio.currency, storage.schemaVersion); // USD 3
 * await storage.close();
 * ```
 */
export async function createPostgresRepository(
  config: PostgresRepositoryConfig,
): Promise<PostgresRepository> {
  const schema = checkSchemaName(config.schema ?? DEFAULT_SCHEMA);
  const pools = resolvePools(config);
  const db = kyselyOver(pools.write, schema);
  const readDb = pools.separateRead ? kyselyOver(pools.read, schema) : db;
  const destroy = async () => {
    await db.destroy();
    if (readDb !== db) await readDb.destroy();
  };

  let outcome: MigrationOutcome;
  try {
    await ensureSchema(db, schema);
    outcome = await migrateToLatest({
      db,
      migrations: postgresMigrations(schema),
      owner: OWNER,
      migrationTableSchema: schema,
    });
  } catch (error) {
    await destroy().catch(() => undefined);
    throw translatePostgresError(error, 'open');
  }

  const core = createSqlRepository({
    db,
    // The core sends only the four analytics reads (and checkRollups) to readDb; get/list/listAudit and units of
    // work stay on the main pool, so a read after a write always sees it.
    readDb,
    dialect: POSTGRES_DIALECT,
    capabilities: POSTGRES_CAPABILITIES,
    close: destroy,
  });
  return { ...core, schema, schemaVersion: outcome.version, migrated: outcome.executed };
}
