/**
 * `createSqliteRepository`: Freehold's embedded default storage — a SQLite file (or `:memory:`) through
 * better-sqlite3 and kysely, in WAL mode, migrated forward on open.
 * @module
 */
import { FreeholdError, StorageError, ValidationError } from '@freehold/engine';
import {
  type CoreDatabase,
  createSqlRepository,
  migrateToLatest,
  newerSchemaError,
  readSchemaState,
  type SqlRepository,
} from '@freehold/storage-sql';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { SQLITE_MIGRATIONS } from './migrations/index.js';
import type { SqliteDatabase, SqliteRepositoryConfig } from './sqlite-config.js';
import { cachingDatabase, FreeholdSqliteDialect, sqliteDialectAdapter } from './sqlite-dialect.js';

const OWNER = '@freehold/storage-sqlite';

/** A SQLite repository: the port, rollup maintenance, and the schema version of the open database. */
export interface SqliteRepository extends SqlRepository {
  /** The schema version of the open database (the number of migrations it has executed). */
  readonly schemaVersion: number;
}

async function openDatabase(config: SqliteRepositoryConfig): Promise<SqliteDatabase> {
  const { filename, database } = config;
  if ((filename === undefined) === (database === undefined)) {
    throw ValidationError.field('filename', 'exactly one of `filename` and `database`');
  }
  if (database !== undefined) return typeof database === 'function' ? await database() : database;
  const readonly = config.readonly === true;
  try {
    return new Database(filename as string, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw new StorageError(`${OWNER}: cannot open ${String(filename)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Opens (creating when missing) a SQLite database as a Freehold repository.
 *
 * On open: a database written by a newer schema is refused with a `StorageError` before anything is written to
 * it; otherwise the connection is set up (WAL for files, `synchronous = NORMAL`, `foreign_keys = ON`, a busy
 * timeout, a page cache) and pending migrations run, each atomically, with the schema version recorded (also in
 * `PRAGMA user_version`). Units of work are `BEGIN IMMEDIATE` transactions, run one at a time; data survive
 * closing for files (`capabilities.persistent`).
 *
 * @example
 * ```ts
 * const repo = await createSqliteRepository({ filename: 'portfolio.db' });
 * await repo.transaction(async (tx) => tx.insert('portfolio', portfolio));
 * await repo.close();
 * ```
 */
export async function createSqliteRepository(config: SqliteRepositoryConfig): Promise<SqliteRepository> {
  const raw = await openDatabase(config);
  let db: Kysely<CoreDatabase> | undefined;
  try {
    raw.defaultSafeIntegers(true);
    raw.pragma(`busy_timeout = ${Math.max(0, Math.trunc(config.busyTimeoutMs ?? 5000))}`);
    const database = cachingDatabase(raw);
    db = new Kysely<CoreDatabase>({ dialect: new FreeholdSqliteDialect({ database }) });
    const migrations = config.migrations ?? SQLITE_MIGRATIONS;
    const readonly = config.readonly === true || raw.readonly;

    // Read the schema state before anything writes to the file (a newer database must stay untouched).
    const state = await readSchemaState({ db, migrations, owner: OWNER });
    const newer = newerSchemaError(state, OWNER);
    if (newer) throw newer;
    let schemaVersion = state.applied.length;
    if (readonly) {
      if (state.pending.length > 0) {
        throw new StorageError(
          `${OWNER}: the database is at schema version ${state.applied.length} and needs migrating to ` +
            `${state.latestVersion}; open it once without \`readonly\` first`,
        );
      }
      raw.pragma('query_only = ON');
    } else {
      if (!raw.memory) raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.pragma('foreign_keys = ON');
      raw.pragma('temp_store = MEMORY');
      raw.pragma(`cache_size = -${Math.max(1024, Math.trunc(config.cacheSizeKiB ?? 65_536))}`);
      schemaVersion = (await migrateToLatest({ db, migrations, owner: OWNER })).version;
      raw.pragma(`user_version = ${schemaVersion}`);
    }

    const kysely = db;
    const repository = createSqlRepository({
      db: kysely,
      dialect: sqliteDialectAdapter(database),
      capabilities: { persistent: !raw.memory, concurrentWriters: false, longTransactions: true },
      close: () => kysely.destroy(),
    });
    return Object.assign(repository, { schemaVersion });
  } catch (error) {
    try {
      raw.close();
    } catch {
      // Already closed.
    }
    if (error instanceof FreeholdError) throw error;
    throw new StorageError(`${OWNER}: opening the database failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
