/**
 * The in-memory reference adapter: the whole repository port, written to be obviously correct rather than
 * fast. The conformance kit compares every other adapter against it.
 *
 * - **Isolation**: records are deep-copied (`structuredClone`) on the way in and on the way out, so no caller
 *   can reach stored state.
 * - **Units of work** run one at a time (a promise-chain mutex), in call order. Each stages its writes in
 *   copy-on-write tables (a type's table is copied when the unit first writes it) and installs them only when
 *   its callback resolves; a throw drops them. Reads inside a unit see its own writes; reads outside see the
 *   committed state only.
 * - A write that fails leaves the unit's staged state as it was, except `insertMany`: any conflict in it fails the
 *   whole unit of work (later calls on it reject, and the unit rejects with that conflict even if the callback
 *   caught it), as the port states.
 * @module
 */
import { ENTITY_TYPES, type EntityMap, type EntityType } from '../domain/entities/index.js';
import { ConflictError, NotFoundError, StorageError, ValidationError } from '../errors.js';
import type {
  RecordOf,
  RecordType,
  Repository,
  RepositoryCapabilities,
  RepositoryReader,
  UnitOfWork,
} from '../ports/repository.js';
import { createReader, recordTable, type TableReader } from './memory-queries.js';
import { deepCopy, Staging, type StoredRow, type Tables, tableOf } from './memory-store.js';

/** Stored records and audit entries by entity type, as {@link MemoryRepository.dump} returns them. */
export type MemoryDump = { [K in EntityType]: EntityMap[K][] };

/** Options of {@link createMemoryRepository}. */
export interface MemoryRepositoryOptions {
  /**
   * Records and audit entries to start with (copied, not validated), e.g. another repository's
   * {@link MemoryRepository.dump}. A duplicate id or unique key is a `ConflictError`.
   */
  readonly data?: { readonly [K in EntityType]?: readonly EntityMap[K][] };
}

/** The memory adapter: a {@link Repository} plus a synchronous back door for tests. */
export interface MemoryRepository extends Repository {
  /**
   * Back door: a deep copy of exactly what is stored for `type` and `id` (`auditEntry` included), or `null`.
   * Bypasses the port (no unit of work, works after `close`), for conformance checks of what was really written.
   */
  raw<K extends EntityType>(type: K, id: string): EntityMap[K] | null;
  /** Back door: a deep copy of everything stored, every entity type present, each list ordered by id. */
  dump(): MemoryDump;
}

/** What the memory adapter can do: nothing survives `close`, one writer, units of work may await anything. */
const MEMORY_CAPABILITIES: RepositoryCapabilities = Object.freeze({
  persistent: false,
  concurrentWriters: false,
  longTransactions: true,
});

/**
 * Creates an empty in-memory repository (or one holding `options.data`). It implements every method of the
 * {@link Repository} port exactly as documented there; after {@link Repository.close} every method rejects with
 * a `StorageError` (a second `close` included).
 *
 * @example
 * ```ts
 * const user = { id: 'u1', version: 1, createdAt: '2026-01-31T12:00:00.000Z', updatedAt: '2026-01-31T12:00:00.000Z',
 *   email: 'ada@example.com', name: 'Ada', erasedAt: null };
 * const repo = createMemoryRepository();
 * await repo.transaction((tx) => tx.insert('user', user));
 * await repo.get('user', 'u1'); // a copy equal to `user` (never `user` itself)
 * ```
 */
export function createMemoryRepository(options: MemoryRepositoryOptions = {}): MemoryRepository {
  const tables: Tables = new Map();
  load(tables, options.data ?? {});
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  const assertOpen = () => {
    if (closed) throw new StorageError('the memory repository is closed');
  };
  const committed = guardReader(
    createReader((type) => tableOf(tables, type)),
    assertOpen,
  );

  /** Runs `task` after every unit of work queued before it (the mutex). */
  const serialise = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    ...committed,
    capabilities: MEMORY_CAPABILITIES,
    async transaction<T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T> {
      assertOpen();
      return serialise(async () => {
        assertOpen();
        const unit = openUnitOfWork(new Staging(tables), assertOpen);
        try {
          const result = await work(unit.tx);
          const failure = unit.failure();
          if (failure !== undefined) throw failure;
          assertOpen();
          unit.commit();
          return result;
        } finally {
          unit.end();
        }
      });
    },
    async close(): Promise<void> {
      assertOpen();
      closed = true;
      await queue;
    },
    raw<K extends EntityType>(type: K, id: string): EntityMap[K] | null {
      const row = tables.get(type)?.get(id);
      return row === undefined ? null : (deepCopy(row) as unknown as EntityMap[K]);
    },
    dump(): MemoryDump {
      const dump: Partial<Record<EntityType, StoredRow[]>> = {};
      for (const type of ENTITY_TYPES) {
        const rows = [...(tables.get(type)?.rows() ?? [])];
        dump[type] = rows
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((row) => deepCopy(row));
      }
      return dump as unknown as MemoryDump;
    },
  };
}

/** True when `repo` is a {@link MemoryRepository} (has the back-door methods). */
export function isMemoryRepository(repo: unknown): repo is MemoryRepository {
  const candidate = repo as Partial<MemoryRepository> | null;
  return typeof candidate?.raw === 'function' && typeof candidate.dump === 'function';
}

/**
 * A back door in the shape the conformance kit takes (`backdoor: memoryBackdoor()`): `read` returns exactly what
 * the memory repository `repo` stores for `type`/`id` (see {@link MemoryRepository.raw}).
 */
export function memoryBackdoor(): {
  read(type: EntityType, id: string, repo: Repository): Promise<unknown | null>;
} {
  return {
    async read(type, id, repo) {
      if (!isMemoryRepository(repo)) throw new TypeError('memoryBackdoor: not a memory repository');
      return repo.raw(type, id);
    },
  };
}

/** Puts initial data into empty tables. */
function load(tables: Tables, data: NonNullable<MemoryRepositoryOptions['data']>): void {
  for (const [type, rows] of Object.entries(data) as [EntityType, readonly StoredRow[] | undefined][]) {
    if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
      throw ValidationError.field(`data.${type}`, 'an entity type such as property or transaction');
    }
    const table = tableOf(tables, type);
    for (const row of rows ?? []) {
      const copy = deepCopy(row);
      const conflict = table.conflictOf(copy, true);
      if (conflict) throw conflict;
      table.put(copy);
    }
  }
}

/** `reader` with `check` run before every call (so a closed repository or a finished unit rejects). */
function guardReader(reader: RepositoryReader, check: () => void): RepositoryReader {
  return {
    async get(type, id) {
      check();
      return reader.get(type, id);
    },
    async list(type, query) {
      check();
      return reader.list(type, query);
    },
    async monthlyTotals(query) {
      check();
      return reader.monthlyTotals(query);
    },
    async openAlerts(query) {
      check();
      return reader.openAlerts(query);
    },
    async leasesEndingBetween(query) {
      check();
      return reader.leasesEndingBetween(query);
    },
    async loanEventsBetween(query) {
      check();
      return reader.loanEventsBetween(query);
    },
    async listAudit(query) {
      check();
      return reader.listAudit(query);
    },
  };
}

/** A unit of work over `staging`, and what the repository needs to finish it. */
interface OpenUnitOfWork {
  /** The object handed to the callback. */
  readonly tx: UnitOfWork;
  /** The conflict that failed the unit (from `insertMany`), if any. */
  failure(): unknown;
  /** Installs the staged writes. */
  commit(): void;
  /** Marks the unit finished: every later call on `tx` rejects. */
  end(): void;
}

function openUnitOfWork(staging: Staging, assertOpen: () => void): OpenUnitOfWork {
  let ended = false;
  let failure: unknown;
  const check = () => {
    assertOpen();
    if (ended) throw new StorageError('this unit of work has already finished');
    if (failure !== undefined) {
      throw new StorageError('this unit of work failed and can only be rolled back', { cause: failure });
    }
  };
  const read: TableReader = (type) => staging.read(type);
  /** The staged table of a record type, for writing (an unknown type is a ValidationError). */
  const writable = (type: RecordType) => {
    recordTable(read, type);
    return staging.write(type);
  };
  /** The stored record `type`/`id` at `expectedVersion`, or the port's NotFoundError / ConflictError. */
  const current = (type: RecordType, id: string, expectedVersion: number): StoredRow => {
    const stored = recordTable(read, type).get(id);
    if (!stored) throw new NotFoundError(type, id);
    if (stored.version !== expectedVersion) {
      throw new ConflictError(
        `${type} ${id} is at version ${String(stored.version)}, not the expected ${expectedVersion}`,
      );
    }
    return stored;
  };
  const insert = (type: RecordType, record: unknown) => {
    const table = writable(type);
    const row = deepCopy(record) as StoredRow;
    const conflict = table.conflictOf(row, true);
    if (conflict) throw conflict;
    table.put(row);
  };
  const append = (entries: readonly unknown[]) => {
    const rows = entries.map((entry) => deepCopy(entry) as StoredRow);
    const table = staging.read('auditEntry');
    const ids = new Set<string>();
    for (const row of rows) {
      if (ids.has(row.id)) throw new ConflictError(`auditEntry ${row.id} appears twice`);
      ids.add(row.id);
      const conflict = table.conflictOf(row, true);
      if (conflict) throw conflict;
    }
    const target = staging.write('auditEntry');
    for (const row of rows) target.put(row);
  };

  const tx: UnitOfWork = {
    ...guardReader(createReader(read), check),
    async insert<K extends RecordType>(type: K, record: RecordOf<K>) {
      check();
      insert(type, record);
    },
    async insertMany<K extends RecordType>(type: K, records: readonly RecordOf<K>[]) {
      check();
      try {
        for (const record of records) insert(type, record);
      } catch (error) {
        failure = error;
        throw error;
      }
    },
    async update<K extends RecordType>(type: K, record: RecordOf<K>, expectedVersion: number) {
      check();
      if (record.version !== expectedVersion + 1) {
        throw ValidationError.field(
          'version',
          `expectedVersion + 1 (${expectedVersion + 1})`,
          `version: expected ${expectedVersion + 1} (expectedVersion + 1), got ${record.version}`,
        );
      }
      current(type, record.id, expectedVersion);
      const table = writable(type);
      const row = deepCopy(record) as unknown as StoredRow;
      const conflict = table.conflictOf(row, false);
      if (conflict) throw conflict;
      table.put(row);
    },
    async delete<K extends RecordType>(type: K, id: string, expectedVersion: number) {
      check();
      current(type, id, expectedVersion);
      writable(type).remove(id);
    },
    async appendAudit(entry) {
      check();
      append([entry]);
    },
    async appendAuditMany(entries) {
      check();
      append(entries);
    },
    async redactAudit(entries) {
      check();
      const table = staging.read('auditEntry');
      const redacted = entries.map((entry) => {
        const stored = table.get(entry.id);
        if (!stored) throw new NotFoundError('auditEntry', entry.id);
        return deepCopy({ ...stored, before: entry.before, after: entry.after, details: entry.details });
      });
      const target = staging.write('auditEntry');
      for (const row of redacted) target.put(row);
    },
  };

  return {
    tx,
    failure: () => failure,
    commit: () => staging.commit(),
    end: () => {
      ended = true;
    },
  };
}
