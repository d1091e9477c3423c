/**
 * The demo's transaction ledger: collects planned transactions, keeps only those within the history
 * (`historyStart`..`asOf`), writes amounts as exact money strings, and answers the sums later steps need
 * (management fees on rent collected, budgets from last year's actuals, owner distributions from cash flow).
 * @module
 */
import { type DateString, Decimal, formatMoney } from '@freehold/engine';
import type { DemoKey, PlannedTransaction } from './demo-plan.js';

/** One transaction to plan. `amount` is signed: positive = money in. */
export interface LedgerEntry {
  /** Date of the movement. */
  readonly date: DateString;
  /** Signed amount (rounded half-up to the cent when written). */
  readonly amount: Decimal;
  /** Category key. */
  readonly category: string;
  /** The property. */
  readonly property: DemoKey;
  /** The unit, when any. */
  readonly unit?: DemoKey | null;
  /** The lease, when any. */
  readonly lease?: DemoKey | null;
  /** The loan, when any. */
  readonly loan?: DemoKey | null;
  /** Who paid or was paid. */
  readonly payee?: string | null;
  /** Memo. */
  readonly memo?: string | null;
}

interface Stored {
  readonly entry: LedgerEntry;
  readonly amount: string;
  readonly order: number;
}

/** Collects the demo's transactions. */
export class DemoLedger {
  readonly #from: DateString;
  readonly #to: DateString;
  readonly #entries: Stored[] = [];

  /** A ledger keeping transactions dated `from`..`to` inclusive. */
  constructor(from: DateString, to: DateString) {
    this.#from = from;
    this.#to = to;
  }

  /** Whether `date` falls within the history. */
  covers(date: DateString): boolean {
    return date >= this.#from && date <= this.#to;
  }

  /** Plans `entry` when it is dated within the history and not zero; returns whether it was kept. */
  add(entry: LedgerEntry): boolean {
    if (!this.covers(entry.date)) return false;
    const amount = formatMoney(entry.amount, 2);
    if (amount === '0.00') return false;
    this.#entries.push({ entry, amount, order: this.#entries.length });
    return true;
  }

  /** Exact sum of the kept transactions that match `filter`. */
  sum(filter: (entry: LedgerEntry) => boolean): Decimal {
    let total = new Decimal(0);
    for (const stored of this.#entries) if (filter(stored.entry)) total = total.plus(stored.amount);
    return total;
  }

  /** Every kept entry with its amount as written, in the order added. */
  *entries(): Generator<{ readonly entry: LedgerEntry; readonly amount: string }> {
    for (const stored of this.#entries) yield stored;
  }

  /** The planned transactions in date order (ties in the order they were added). */
  planned(): PlannedTransaction[] {
    const sorted = [...this.#entries].sort((a, b) =>
      a.entry.date === b.entry.date ? a.order - b.order : a.entry.date < b.entry.date ? -1 : 1,
    );
    return sorted.map(({ entry, amount }, index) => ({
      key: `transaction:${index + 1}`,
      refs: {
        propertyId: entry.property,
        unitId: entry.unit ?? null,
        leaseId: entry.lease ?? null,
        loanId: entry.loan ?? null,
      },
      input: {
        date: entry.date,
        amount,
        category: entry.category,
        payee: entry.payee ?? null,
        memo: entry.memo ?? null,
      },
    }));
  }
}
