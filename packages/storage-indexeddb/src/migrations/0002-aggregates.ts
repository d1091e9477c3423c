/**
 * Schema version 2: the derived stores that push the dashboard queries down to IndexedDB, built from the data
 * already stored.
 * - `transactionYear` and `transactionMonth`: the monthly rollup of transactions (see `rollup.ts`) — per
 *   property, one record per year with a line per month × kind × category, and one record per month with a line
 *   per day × kind × category. Every transaction write updates both in the same IndexedDB transaction, so
 *   `monthlyTotals` reads buckets instead of transactions.
 * - `loanEvent`: the maturity, balloon and rate-reset dates of every unarchived loan, keyed
 *   `[portfolioId, date, kind, loanId]`, written with the loan.
 * @module
 */
import type { Loan } from '@freehold/engine';
import { loanEventRows } from '../mappers.js';
import { firstFailure, forEachValue, settleAll } from '../requests.js';
import { RollupDelta, type RollupSource } from '../rollup.js';
import type { Migration } from './migration.js';

/** Version 2: monthly rollup and loan events, backfilled. */
export const aggregatesMigration: Migration = {
  version: 2,
  name: '0002-aggregates',
  async up({ db, tx }) {
    for (const name of ['transactionYear', 'transactionMonth']) {
      const rollup = db.createObjectStore(name, { keyPath: ['portfolioId', 'propertyId', 'period'] });
      rollup.createIndex('portfolioPeriod', ['portfolioId', 'period']);
    }
    const events = db.createObjectStore('loanEvent', { keyPath: ['portfolioId', 'date', 'kind', 'loanId'] });
    events.createIndex('by:loanId', 'loanId');

    const delta = new RollupDelta();
    await forEachValue(tx.objectStore('transaction'), (value) => delta.add(value as RollupSource, 1));
    const loans: Loan[] = [];
    await forEachValue(tx.objectStore('loan'), (value) => loans.push(value as Loan));
    const writes = settleAll<IDBValidKey>([
      ...delta.changes().flatMap((change) => {
        const bucket = change.merge(undefined);
        return bucket ? [tx.objectStore(change.store).put(bucket)] : [];
      }),
      ...loans.flatMap((loan) => loanEventRows(loan).map((row) => events.put(row))),
    ]);
    const failure = firstFailure(await writes);
    if (failure) throw failure.error;
  },
};
