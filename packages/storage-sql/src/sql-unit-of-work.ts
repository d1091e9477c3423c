/**
 * The writes of a unit of work: one kysely transaction, every write checked against the stored version and
 * kept consistent with the derived tables (monthly rollups, loan events) in the same database transaction.
 * @module
 */
import {
  type AuditEntry,
  ConflictError,
  currencyMinorDigits,
  type Loan,
  loanEvents,
  NotFoundError,
  type RecordOf,
  type RecordType,
  StorageError,
  type UnitOfWork,
  ValidationError,
} from '@freehold/engine';
import { type Kysely, sql } from 'kysely';
import { auditToRow, recordIdentity, recordToRow, rowColumns, rowValues, toSafeNumber } from './mappers.js';
import { ROLLUP_TABLES, RollupDeltas, type RollupSource } from './rollups.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';
import { translateDriverError } from './sql-errors.js';
import { SqlReader, specOf } from './sql-reader.js';
import { AUDIT_TABLE, type CoreDatabase, LOAN_EVENTS_TABLE, type RecordTableSpec } from './sql-schema.js';

/** Columns of a transaction row the rollups need. */
const ROLLUP_COLUMNS = ['portfolio_id', 'property_id', 'date', 'kind', 'category', 'amount_minor'] as const;

/** Record types whose writes touch more than one statement (rollups, loan events, currency rescaling). */
const MULTI_STATEMENT_TYPES: ReadonlySet<RecordType> = new Set(['transaction', 'loan', 'portfolio']);

/** The portfolio id of a record, when it has one. */
function portfolioIdOf(record: unknown): string | null {
  const id = (record as { portfolioId?: unknown } | null)?.portfolioId;
  return typeof id === 'string' ? id : null;
}

/** The unit of work handed to a `transaction` callback. */
export class SqlUnitOfWork extends SqlReader implements UnitOfWork {
  /** Minor digits of portfolio currencies this unit has looked up. */
  readonly #digits = new Map<string, number>();
  /** Rollup changes of this unit's successful writes, applied before its next read and before it commits. */
  #pendingRollups = new RollupDeltas();
  #queue: Promise<unknown> = Promise.resolve();
  #savepoints = 0;
  #ended = false;
  #failure: unknown;

  /** Creates the unit of work over the transaction `trx`. */
  constructor(trx: Kysely<CoreDatabase>, dialect: SqlDialectAdapter, checkOpen: () => void = () => {}) {
    super(trx, dialect, checkOpen);
  }

  /** Reads also need the unit to be open and not failed. */
  protected override checkReadable(): void {
    this.#check();
  }

  /** Reads see the unit's own writes: pending rollup changes are applied first. */
  protected override async guard<T>(what: string, op: () => Promise<T>): Promise<T> {
    await this.flush();
    return super.guard(what, op);
  }

  /**
   * Applies the rollup changes of the unit's writes so far (after those writes). A failure fails the unit: it can
   * then only roll back.
   */
  async flush(): Promise<void> {
    if (this.#pendingRollups.isEmpty) return;
    try {
      await this.#write('updating the monthly rollups', true, async () => {
        const pending = this.#pendingRollups;
        this.#pendingRollups = new RollupDeltas();
        await pending.apply(this.executor, this.dialect);
      });
    } catch (error) {
      if (this.#failure === undefined && !this.#ended) this.#failure = error;
      throw error;
    }
  }

  /** Resolves once every write started so far has finished. */
  async settled(): Promise<void> {
    await this.#queue;
  }

  /** The conflict that failed the unit (a failed `insertMany`), if any: the unit must then roll back. */
  get failure(): unknown {
    return this.#failure;
  }

  /** Marks the unit finished: every later call rejects. */
  end(): void {
    this.#ended = true;
  }

  #check(): void {
    super.checkReadable();
    if (this.#ended) throw new StorageError('this unit of work has already finished');
    if (this.#failure !== undefined) {
      throw new StorageError('this unit of work failed and can only be rolled back', {
        cause: this.#failure,
      });
    }
  }

  /**
   * Runs one write, after the unit's earlier writes (so savepoints nest properly even when the caller does not
   * await each call), inside a savepoint when it has several statements or the dialect needs one, translating
   * driver errors.
   */
  #write<T>(what: string, multiStatement: boolean, op: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      this.#check();
      const savepoint =
        multiStatement || this.dialect.statementErrorAbortsTransaction
          ? `fh_${++this.#savepoints}`
          : undefined;
      try {
        if (savepoint) await sql.raw(`savepoint ${savepoint}`).execute(this.executor);
        const result = await op();
        if (savepoint) await sql.raw(`release savepoint ${savepoint}`).execute(this.executor);
        return result;
      } catch (error) {
        if (savepoint) {
          try {
            await sql.raw(`rollback to savepoint ${savepoint}`).execute(this.executor);
            await sql.raw(`release savepoint ${savepoint}`).execute(this.executor);
          } catch {
            // The transaction itself is gone; the unit of work rolls back as a whole.
          }
        }
        throw translateDriverError(this.dialect, error, what);
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Minor digits of `portfolioId`'s currency (2 when the portfolio is not stored: USD is the default). */
  async #digitsOf(portfolioId: string | null): Promise<number> {
    if (portfolioId === null) return 2;
    const cached = this.#digits.get(portfolioId);
    if (cached !== undefined) return cached;
    const row = await this.executor
      .selectFrom('portfolios')
      .select('currency')
      .where('id', '=', portfolioId)
      .executeTakeFirst();
    const digits = typeof row?.currency === 'string' ? currencyMinorDigits(row.currency) : 2;
    this.#digits.set(portfolioId, digits);
    return digits;
  }

  /** The row values of `records` (see `rowValues`), with `amount_minor` at each portfolio's currency. */
  async #valuesOf(spec: RecordTableSpec, records: readonly unknown[]): Promise<unknown[][]> {
    if (spec.type !== 'transaction') return records.map((record) => rowValues(spec, record, 2));
    const digits = new Map<string | null, number>();
    for (const record of records) {
      const portfolioId = portfolioIdOf(record);
      if (!digits.has(portfolioId)) digits.set(portfolioId, await this.#digitsOf(portfolioId));
    }
    return records.map((record) => rowValues(spec, record, digits.get(portfolioIdOf(record)) ?? 2));
  }

  /**
   * Inserts rows given as value arrays in `columns` order: the dialect's repeated-statement fast path, or
   * multi-row `INSERT`s within the dialect's bind-parameter limit.
   */
  async #insertValues(table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
    const [first] = rows;
    if (!first) return;
    const objectOf = (values: readonly unknown[]) => {
      const row: Record<string, unknown> = {};
      columns.forEach((column, i) => {
        row[column] = values[i] ?? null;
      });
      return row;
    };
    if (rows.length > 1 && this.dialect.executeRepeated) {
      const compiled = this.executor.insertInto(table).values(objectOf(first)).compile();
      await this.dialect.executeRepeated(this.executor, compiled.sql, rows);
      return;
    }
    const perStatement = Math.max(1, Math.floor(this.dialect.maxBindParameters / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      await this.executor
        .insertInto(table)
        .values(rows.slice(start, start + perStatement).map(objectOf))
        .execute();
    }
  }

  /** Inserts row objects (all with the same columns). */
  async #insertRows(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    const [first] = rows;
    if (!first) return;
    const columns = Object.keys(first);
    await this.#insertValues(
      table,
      columns,
      rows.map((row) => columns.map((column) => row[column])),
    );
  }

  /** Inserts `records` of `spec`, then keeps the derived tables in step. */
  async #insertRecords(spec: RecordTableSpec, records: readonly unknown[]): Promise<void> {
    const values = await this.#valuesOf(spec, records);
    const columns = rowColumns(spec);
    await this.#insertValues(spec.table, columns, values);
    if (spec.type === 'transaction') {
      const at = (name: string) => columns.indexOf(name);
      const [portfolio, property, date, kind, category, amount] = [
        at('portfolio_id'),
        at('property_id'),
        at('date'),
        at('kind'),
        at('category'),
        at('amount_minor'),
      ];
      const deltas = new RollupDeltas();
      for (const row of values) {
        deltas.addParts(row[portfolio], row[property], row[date], row[kind], row[category], row[amount], 1);
      }
      this.#pendingRollups.merge(deltas);
    } else if (spec.type === 'loan') {
      await this.#insertLoanEvents(records as readonly Loan[]);
    } else if (spec.type === 'portfolio') {
      for (const record of records) {
        const { id, currency } = record as { id: string; currency?: unknown };
        await this.#rescale(id, 2, typeof currency === 'string' ? currencyMinorDigits(currency) : 2);
      }
    }
  }

  /** Materialises the events of `loans` (see `loanEvents`) into the loan events table. */
  async #insertLoanEvents(loans: readonly Loan[]): Promise<void> {
    const rows = loans.flatMap((loan) =>
      loanEvents(loan).map((event) => ({
        loan_id: loan.id,
        date: event.date,
        kind: event.kind,
        portfolio_id: loan.portfolioId,
      })),
    );
    await this.#insertRows(LOAN_EVENTS_TABLE, rows);
  }

  /**
   * Keeps `transactions.amount_minor` (and the rollups) in the minor units of the portfolio's currency when a
   * portfolio row appears, disappears or changes currency: transactions written before their portfolio was
   * stored were kept at USD's 2 digits.
   */
  async #rescale(portfolioId: string, fromDigits: number, toDigits: number): Promise<void> {
    this.#digits.delete(portfolioId);
    if (fromDigits === toDigits) return;
    const any = await this.executor
      .selectFrom('transactions')
      .select('id')
      .where('portfolio_id', '=', portfolioId)
      .limit(1)
      .executeTakeFirst();
    if (!any) return;
    // The rollups are rescaled below: this unit's pending changes (at the old scale) must be in them first. If
    // anything fails from here on, those changes are lost with the savepoint, so the whole unit fails.
    try {
      await this.#pendingRollups.apply(this.executor, this.dialect);
      await this.#rescaleRows(portfolioId, fromDigits, toDigits);
    } catch (error) {
      this.#failure ??= error;
      throw error;
    }
  }

  /** Multiplies or divides the portfolio's `amount_minor` and rollup totals by the power of ten between the digits. */
  async #rescaleRows(portfolioId: string, fromDigits: number, toDigits: number): Promise<void> {
    const factor = 10 ** Math.abs(toDigits - fromDigits);
    if (toDigits < fromDigits) {
      const inexact = await this.executor
        .selectFrom('transactions')
        .select('id')
        .where('portfolio_id', '=', portfolioId)
        .where(sql<boolean>`${sql.ref('amount_minor')} % ${sql.lit(factor)} <> 0`)
        .limit(1)
        .executeTakeFirst();
      if (inexact) {
        throw ValidationError.field(
          'currency',
          `a currency whose minor digits (${toDigits}) fit the portfolio's stored transactions`,
          `currency: transaction ${String(inexact.id)} has more decimals than ${toDigits}`,
        );
      }
    }
    const scale = (column: string) =>
      toDigits > fromDigits
        ? sql<number>`${sql.ref(column)} * ${sql.lit(factor)}`
        : sql<number>`${sql.ref(column)} / ${sql.lit(factor)}`;
    await this.executor
      .updateTable('transactions')
      .set({ amount_minor: scale('amount_minor') })
      .where('portfolio_id', '=', portfolioId)
      .execute();
    for (const table of ROLLUP_TABLES) {
      await this.executor
        .updateTable(table)
        .set({ total_minor: scale('total_minor') })
        .where('portfolio_id', '=', portfolioId)
        .execute();
    }
  }

  /** The stored version of `spec`'s record `id`, or null. */
  async #storedVersion(spec: RecordTableSpec, id: string): Promise<number | null> {
    const row = await this.executor
      .selectFrom(spec.table)
      .select('version')
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : toSafeNumber(row.version);
  }

  /** The port's error for a write that matched no row: `NotFoundError`, or `ConflictError` for a stale version. */
  async #missed(spec: RecordTableSpec, id: string, expectedVersion: number): Promise<never> {
    const stored = await this.#storedVersion(spec, id);
    if (stored === null) throw new NotFoundError(spec.type, id);
    throw new ConflictError(
      `${spec.type} ${id} is at version ${stored}, not the expected ${expectedVersion}`,
    );
  }

  /** See {@link UnitOfWork.insert}. */
  async insert<K extends RecordType>(type: K, record: RecordOf<K>): Promise<void> {
    const spec = specOf(type);
    const id = (record as { id?: unknown } | null)?.id;
    await this.#write(`insert ${type} ${String(id)}`, MULTI_STATEMENT_TYPES.has(spec.type), async () => {
      await this.#insertRecords(spec, [record]);
    });
  }

  /** See {@link UnitOfWork.insertMany}. */
  async insertMany<K extends RecordType>(type: K, records: readonly RecordOf<K>[]): Promise<void> {
    const spec = specOf(type);
    if (!Array.isArray(records)) throw ValidationError.field('records', 'an array of records');
    if (records.length === 0) {
      this.#check();
      return;
    }
    try {
      await this.#write(`insertMany ${type} (${records.length} records)`, true, async () => {
        await this.#insertRecords(spec, records);
      });
    } catch (error) {
      // As the port states, any conflict in insertMany fails the whole unit of work.
      if (this.#failure === undefined && !this.#ended) this.#failure = error;
      throw error;
    }
  }

  /** See {@link UnitOfWork.update}. */
  async update<K extends RecordType>(type: K, record: RecordOf<K>, expectedVersion: number): Promise<void> {
    const spec = specOf(type);
    const { id, version } = recordIdentity(type, record);
    await this.#write(`update ${type} ${id}`, MULTI_STATEMENT_TYPES.has(spec.type), async () => {
      if (version !== expectedVersion + 1) {
        throw ValidationError.field(
          'version',
          `expectedVersion + 1 (${expectedVersion + 1})`,
          `version: expected ${expectedVersion + 1} (expectedVersion + 1), got ${version}`,
        );
      }
      let old: Record<string, unknown> | undefined;
      if (spec.type === 'transaction' || spec.type === 'portfolio') {
        let select = this.executor
          .selectFrom(spec.table)
          .select(spec.type === 'transaction' ? ['version', ...ROLLUP_COLUMNS] : ['version', 'currency'])
          .where('id', '=', id);
        if (this.dialect.supportsForUpdate) select = select.forUpdate();
        old = await select.executeTakeFirst();
        if (old === undefined) throw new NotFoundError(type, id);
        if (toSafeNumber(old.version) !== expectedVersion) await this.#missed(spec, id, expectedVersion);
      }
      const digits = spec.type === 'transaction' ? await this.#digitsOf(portfolioIdOf(record)) : 2;
      const { id: _id, ...changes } = recordToRow(spec, record, digits);
      const result = await this.executor
        .updateTable(spec.table)
        .set(changes)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) await this.#missed(spec, id, expectedVersion);
      if (spec.type === 'transaction' && old) {
        const deltas = new RollupDeltas();
        deltas.add(old as unknown as RollupSource, -1);
        deltas.add(changes as unknown as RollupSource, 1);
        this.#pendingRollups.merge(deltas);
      } else if (spec.type === 'loan') {
        await this.executor.deleteFrom(LOAN_EVENTS_TABLE).where('loan_id', '=', id).execute();
        await this.#insertLoanEvents([record as unknown as Loan]);
      } else if (spec.type === 'portfolio' && old) {
        const before = typeof old.currency === 'string' ? currencyMinorDigits(old.currency) : 2;
        const currency = (record as { currency?: unknown }).currency;
        await this.#rescale(id, before, typeof currency === 'string' ? currencyMinorDigits(currency) : 2);
      }
    });
  }

  /** See {@link UnitOfWork.delete}. */
  async delete<K extends RecordType>(type: K, id: string, expectedVersion: number): Promise<void> {
    const spec = specOf(type);
    if (typeof id !== 'string') throw ValidationError.field('id', 'an id string');
    await this.#write(`delete ${type} ${id}`, MULTI_STATEMENT_TYPES.has(spec.type), async () => {
      const returning =
        spec.type === 'transaction' ? [...ROLLUP_COLUMNS] : spec.type === 'portfolio' ? ['currency'] : ['id'];
      const deleted = await this.executor
        .deleteFrom(spec.table)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returning(returning)
        .executeTakeFirst();
      if (deleted === undefined) await this.#missed(spec, id, expectedVersion);
      if (spec.type === 'transaction' && deleted) {
        const deltas = new RollupDeltas();
        deltas.add(deleted as unknown as RollupSource, -1);
        this.#pendingRollups.merge(deltas);
      } else if (spec.type === 'loan') {
        await this.executor.deleteFrom(LOAN_EVENTS_TABLE).where('loan_id', '=', id).execute();
      } else if (spec.type === 'portfolio' && deleted) {
        const before = typeof deleted.currency === 'string' ? currencyMinorDigits(deleted.currency) : 2;
        await this.#rescale(id, before, 2);
      }
    });
  }

  /** See {@link UnitOfWork.appendAudit}. */
  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.#write(`appendAudit ${String(entry?.id)}`, false, async () => {
      await this.#insertRows(AUDIT_TABLE, [auditToRow(entry)]);
    });
  }

  /** See {@link UnitOfWork.appendAuditMany}. */
  async appendAuditMany(entries: readonly AuditEntry[]): Promise<void> {
    if (!Array.isArray(entries)) throw ValidationError.field('entries', 'an array of audit entries');
    if (entries.length === 0) {
      this.#check();
      return;
    }
    await this.#write(`appendAuditMany (${entries.length} entries)`, true, async () => {
      await this.#insertRows(AUDIT_TABLE, entries.map(auditToRow));
    });
  }

  /** See {@link UnitOfWork.redactAudit}. */
  async redactAudit(
    entries: readonly Pick<AuditEntry, 'id' | 'before' | 'after' | 'details'>[],
  ): Promise<void> {
    if (!Array.isArray(entries)) throw ValidationError.field('entries', 'an array of redactions');
    await this.#write(`redactAudit (${entries.length} entries)`, true, async () => {
      for (const entry of entries) {
        const stored = await this.executor
          .selectFrom(AUDIT_TABLE)
          .select('data')
          .where('id', '=', entry.id)
          .executeTakeFirst();
        if (!stored) throw new NotFoundError('auditEntry', entry.id);
        const current =
          typeof stored.data === 'string' ? (JSON.parse(stored.data) as object) : (stored.data as object);
        const redacted = { ...current, before: entry.before, after: entry.after, details: entry.details };
        await this.executor
          .updateTable(AUDIT_TABLE)
          .set({ data: JSON.stringify(redacted) })
          .where('id', '=', entry.id)
          .execute();
      }
    });
  }
}
