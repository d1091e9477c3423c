/**
 * A unit of work on one IndexedDB `readwrite` transaction spanning every store, so nothing is ever half-written.
 *
 * - Inside, only IndexedDB requests are awaited; each method resolves in its request's success event, so the
 *   caller's next call lands while the transaction is still active.
 * - Methods run one at a time, in call order (a promise chain), so read-modify-write steps (version checks, the
 *   monthly rollup) never interleave even when the caller does not await between calls.
 * - Request errors never abort the IndexedDB transaction by themselves (they are `preventDefault`ed): a
 *   unique-key violation becomes a `ConflictError` and leaves the unit usable, as in the reference adapter; any
 *   other failure — or a conflict inside `insertMany` — fails the unit: the transaction is aborted, later calls
 *   reject, and the unit of work rejects.
 * @internal
 * @module
 */
import {
  type AuditEntry,
  ConflictError,
  type Loan,
  NotFoundError,
  type RecordOf,
  type RecordType,
  StorageError,
  UNIQUE_KEYS,
  type UnitOfWork,
  ValidationError,
} from '@freehold/engine';
import { isConstraintError, toStorageError } from './driver-errors.js';
import { type LoanEventRow, loanEventRows } from './mappers.js';
import type { StoredRow } from './paging.js';
import { assertRecordType, createReader, type ReadEnvironment } from './reads.js';
import { firstFailure, type RequestLike, request, type Settled, settleAll } from './requests.js';
import { type RollupBucket, RollupDelta, type RollupSource } from './rollup.js';
import { AUDIT_STORE, filterIndexName, LOAN_EVENT_STORE, uniqueIndexName } from './store-layout.js';

/** The changes a record write makes to the derived stores. */
interface Derived {
  /** Rollup buckets to adjust (transaction writes). */
  rollup?: RollupDelta;
  /** Loan events to replace (loan writes): every event of the `stale` loans goes, `rows` are stored. */
  loans?: { stale: readonly string[]; rows: readonly LoanEventRow[] };
}

/** A unit of work and what the repository needs to finish it. */
export interface OpenUnitOfWork {
  /** The object handed to the caller's callback. */
  readonly tx: UnitOfWork;
  /** The error that failed the unit (a conflict in `insertMany`, a storage failure), if any. */
  failure(): unknown;
  /** Marks the unit finished: every later call on `tx` rejects. */
  end(): void;
}

/** Opens a unit of work on `idbTx` (a `readwrite` transaction over every store). */
export function openUnitOfWork(
  idbTx: IDBTransaction,
  env: ReadEnvironment,
  assertOpen: () => void,
): OpenUnitOfWork {
  let ended = false;
  let failure: unknown;
  let queue: Promise<unknown> = Promise.resolve();
  // Keep the transaction alive through failed requests; this module decides what a failure means.
  idbTx.addEventListener('error', (event) => event.preventDefault());

  const check = () => {
    assertOpen();
    if (ended) throw new StorageError('this unit of work has already finished');
    if (failure !== undefined) {
      throw new StorageError('this unit of work failed and can only be rolled back', { cause: failure });
    }
  };
  /** Runs `task` after every call made before it on this unit (the unit's mutex). */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(() => {
      check();
      return task();
    });
    queue = run.catch(() => undefined);
    return run;
  };
  /** Fails the unit: remembers `error` and aborts the IndexedDB transaction. */
  const fail = (error: unknown): unknown => {
    if (failure === undefined) failure = error;
    try {
      idbTx.abort();
    } catch {
      // Already finished or aborted.
    }
    return error;
  };
  const store = (name: string): IDBObjectStore => {
    try {
      return idbTx.objectStore(name);
    } catch (error) {
      throw toStorageError(error, `unit of work: ${name}`);
    }
  };
  /** Issues one request; a constraint error is rethrown raw (callers translate it), anything else fails the unit. */
  const send = async <T>(what: string, make: () => IDBRequest<T>): Promise<T> => {
    let req: IDBRequest<T>;
    try {
      req = make();
    } catch (error) {
      // Synchronous refusals (an invalid key, an uncloneable value, a finished transaction) write nothing.
      throw toStorageError(error, what);
    }
    try {
      return await request(req);
    } catch (error) {
      if (isConstraintError(error)) throw error;
      throw fail(toStorageError(error, what));
    }
  };
  /** Issues a batch; any failure fails the unit (used for derived data, whose writes never conflict). */
  const sendAll = async <T>(what: string, make: () => RequestLike<T>[]): Promise<Settled<T>[]> => {
    let requests: RequestLike<T>[];
    try {
      requests = make();
    } catch (error) {
      throw fail(toStorageError(error, what));
    }
    const outcomes = await settleAll(requests);
    const failed = firstFailure(outcomes);
    if (failed) throw fail(toStorageError(failed.error, what));
    return outcomes;
  };

  /** The `ConflictError` for a rejected write of `record`, naming the id or the unique key it collided with. */
  const conflictFor = async (type: RecordType, record: StoredRow, isNew: boolean, cause: unknown) => {
    const target = store(type);
    if (isNew && (await send(`${type} conflict`, () => target.count(record.id))) > 0) {
      return new ConflictError(`${type} ${record.id} already exists`, { cause });
    }
    const keys = (UNIQUE_KEYS as Partial<Record<RecordType, readonly (readonly string[])[]>>)[type] ?? [];
    for (const fields of keys) {
      const values = fields.map((field) => record[field]);
      if (values.some((value) => value == null)) continue;
      const holder = await send(`${type} conflict`, () =>
        target.index(uniqueIndexName(fields)).getKey(values as IDBValidKey[]),
      );
      if (holder !== undefined && holder !== record.id) {
        const described = fields.map((field) => `${field}=${JSON.stringify(record[field])}`).join(', ');
        return new ConflictError(`${type} with ${described} already exists (${String(holder)})`, { cause });
      }
    }
    return new ConflictError(`${type} ${record.id} conflicts with a stored record`, { cause });
  };

  /**
   * What a write of `type` changes in the derived stores (old records `before`, new records `after`), computed —
   * and the amounts and loan terms checked — before anything is written.
   */
  const prepare = (type: RecordType, before: readonly StoredRow[], after: readonly StoredRow[]): Derived => {
    const derived: Derived = {};
    if (type === 'transaction') {
      const delta = new RollupDelta();
      for (const row of before) delta.add(row as unknown as RollupSource, -1);
      for (const row of after) delta.add(row as unknown as RollupSource, 1);
      derived.rollup = delta;
    }
    if (type === 'loan') {
      derived.loans = {
        stale: before.map((row) => row.id),
        rows: after.flatMap((row) => loanEventRows(row as unknown as Loan)),
      };
    }
    return derived;
  };
  /** Applies a rollup change: every bucket it touches read, then every one written, pipelined. */
  const applyRollup = async (delta: RollupDelta) => {
    if (delta.isEmpty) return;
    const changes = delta.changes();
    const stored = await sendAll('monthly rollup', () =>
      changes.map(({ store: name, key }) => store(name).get(key)),
    );
    await sendAll<unknown>('monthly rollup', () =>
      changes.map((change, i) => {
        const outcome = stored[i];
        const merged = change.merge((outcome?.ok ? outcome.value : undefined) as RollupBucket | undefined);
        return merged ? store(change.store).put(merged) : store(change.store).delete(change.key);
      }),
    );
  };
  /** Replaces stored loan events: removes every event of the `stale` loans, then stores `rows`. */
  const applyLoanEvents = async ({
    stale,
    rows,
  }: {
    stale: readonly string[];
    rows: readonly LoanEventRow[];
  }) => {
    if (stale.length === 0 && rows.length === 0) return;
    const events = store(LOAN_EVENT_STORE);
    const byLoan = events.index(filterIndexName('loanId'));
    const found = await sendAll('loan events', () => stale.map((loanId) => byLoan.getAllKeys(loanId)));
    const staleKeys = found.flatMap((outcome) => (outcome.ok ? outcome.value : []));
    await sendAll<unknown>('loan events', () => [
      ...staleKeys.map((key) => events.delete(key)),
      ...rows.map((row) => events.put(row)),
    ]);
  };
  /** Brings the derived stores in step with a write that has landed. */
  const derive = async ({ rollup, loans }: Derived) => {
    if (rollup) await applyRollup(rollup);
    if (loans) await applyLoanEvents(loans);
  };
  /** The stored record `type`/`id` at `expectedVersion`, or the port's NotFoundError / ConflictError. */
  const current = async (type: RecordType, id: string, expectedVersion: number): Promise<StoredRow> => {
    const stored = (await send(`get ${type}`, () => store(type).get(id))) as StoredRow | undefined;
    if (!stored) throw new NotFoundError(type, id);
    if (stored.version !== expectedVersion) {
      throw new ConflictError(
        `${type} ${id} is at version ${String(stored.version)}, not the expected ${expectedVersion}`,
      );
    }
    return stored;
  };

  const reader = createReader(env, async (_stores, work) => {
    try {
      return await work(idbTx);
    } catch (error) {
      throw toStorageError(error, 'read in a unit of work');
    }
  });

  const tx: UnitOfWork = {
    get: (type, id) => serial(() => reader.get(type, id)),
    list: (type, query) => serial(() => reader.list(type, query)),
    monthlyTotals: (query) => serial(() => reader.monthlyTotals(query)),
    openAlerts: (query) => serial(() => reader.openAlerts(query)),
    leasesEndingBetween: (query) => serial(() => reader.leasesEndingBetween(query)),
    loanEventsBetween: (query) => serial(() => reader.loanEventsBetween(query)),
    listAudit: (query) => serial(() => reader.listAudit(query)),

    insert: <K extends RecordType>(type: K, record: RecordOf<K>) =>
      serial(async () => {
        assertRecordType(type);
        const row = record as unknown as StoredRow;
        const derived = prepare(type, [], [row]);
        try {
          await send(`insert ${type}`, () => store(type).add(record));
        } catch (error) {
          if (isConstraintError(error)) throw await conflictFor(type, row, true, error);
          throw error;
        }
        await derive(derived);
      }),

    insertMany: <K extends RecordType>(type: K, records: readonly RecordOf<K>[]) =>
      serial(async () => {
        assertRecordType(type);
        if (records.length === 0) return;
        const rows = records as unknown as readonly StoredRow[];
        const derived = prepare(type, [], rows);
        const target = store(type);
        let requests: IDBRequest<IDBValidKey>[];
        try {
          requests = rows.map((row) => target.add(row));
        } catch (error) {
          throw fail(toStorageError(error, `insertMany ${type}`));
        }
        const failed = firstFailure(await settleAll(requests));
        if (failed) {
          const row = rows[failed.index];
          if (!isConstraintError(failed.error) || !row)
            throw fail(toStorageError(failed.error, `insertMany ${type}`));
          // The whole unit of work fails; the message still names what the record collided with.
          const conflict = await conflictFor(type, row, true, failed.error).catch(
            () =>
              new ConflictError(`${type} ${row.id} conflicts with a stored record`, { cause: failed.error }),
          );
          throw fail(conflict);
        }
        await derive(derived);
      }),

    update: <K extends RecordType>(type: K, record: RecordOf<K>, expectedVersion: number) =>
      serial(async () => {
        assertRecordType(type);
        if (record.version !== expectedVersion + 1) {
          throw ValidationError.field(
            'version',
            `expectedVersion + 1 (${expectedVersion + 1})`,
            `version: expected ${expectedVersion + 1} (expectedVersion + 1), got ${record.version}`,
          );
        }
        const row = record as unknown as StoredRow;
        const stored = await current(type, row.id, expectedVersion);
        const derived = prepare(type, [stored], [row]);
        try {
          await send(`update ${type}`, () => store(type).put(record));
        } catch (error) {
          if (isConstraintError(error)) throw await conflictFor(type, row, false, error);
          throw error;
        }
        await derive(derived);
      }),

    delete: <K extends RecordType>(type: K, id: string, expectedVersion: number) =>
      serial(async () => {
        assertRecordType(type);
        const stored = await current(type, id, expectedVersion);
        const derived = prepare(type, [stored], []);
        await send(`delete ${type}`, () => store(type).delete(id));
        await derive(derived);
      }),

    appendAudit: (entry: AuditEntry) =>
      serial(async () => {
        try {
          await send('append audit entry', () => store(AUDIT_STORE).add(entry));
        } catch (error) {
          if (isConstraintError(error)) {
            throw new ConflictError(`auditEntry ${entry.id} already exists`, { cause: error });
          }
          throw error;
        }
      }),

    appendAuditMany: (entries: readonly AuditEntry[]) =>
      serial(async () => {
        if (entries.length === 0) return;
        const audit = store(AUDIT_STORE);
        let requests: IDBRequest<IDBValidKey>[];
        try {
          requests = entries.map((entry) => audit.add(entry));
        } catch (error) {
          throw fail(toStorageError(error, 'append audit entries'));
        }
        const outcomes = await settleAll(requests);
        const failed = firstFailure(outcomes);
        if (!failed) return;
        if (!isConstraintError(failed.error))
          throw fail(toStorageError(failed.error, 'append audit entries'));
        // A duplicate id: take back the entries of this call that did land, so the call writes nothing.
        const landed = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : []));
        await sendAll<undefined>('append audit entries', () => landed.map((key) => audit.delete(key)));
        const entry = entries[failed.index];
        throw new ConflictError(`auditEntry ${entry?.id ?? '?'} already exists`, { cause: failed.error });
      }),

    redactAudit: (entries) =>
      serial(async () => {
        if (entries.length === 0) return;
        const audit = store(AUDIT_STORE);
        const stored = await sendAll('redact audit entries', () =>
          entries.map((entry) => audit.get(entry.id)),
        );
        const redacted = entries.map((entry, i) => {
          const outcome = stored[i];
          const found = (outcome?.ok ? outcome.value : undefined) as AuditEntry | undefined;
          if (!found) throw new NotFoundError('auditEntry', entry.id);
          return { ...found, before: entry.before, after: entry.after, details: entry.details };
        });
        await sendAll('redact audit entries', () => redacted.map((entry) => audit.put(entry)));
      }),
  };

  return {
    tx,
    failure: () => failure,
    end: () => {
      ended = true;
    },
  };
}
