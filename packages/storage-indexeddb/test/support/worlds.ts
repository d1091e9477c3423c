/**
 * Small data sets for the adapter's own tests (Node and browser): a portfolio with properties, transactions over
 * several months, and loans with dated events. No Node built-ins.
 */
import type { Loan, RecordOf, Transaction } from '@freehold/engine';
import type { FixtureFactory } from '@freehold/engine/conformance';

/** A portfolio and what hangs from it. */
export interface LedgerWorld {
  readonly portfolio: RecordOf<'portfolio'>;
  readonly properties: RecordOf<'property'>[];
  readonly transactions: Transaction[];
  readonly loans: Loan[];
}

const CATEGORIES = [
  { category: 'rent', sign: 1 },
  { category: 'repairs', sign: -1 },
  { category: 'insurance', sign: -1 },
  { category: 'mortgage_interest', sign: -1 },
] as const;

/** A deterministic ledger: `properties` properties, `perMonth` transactions a month from `start` for `months`. */
export function ledgerWorld(
  f: FixtureFactory,
  options: { properties?: number; months?: number; perMonth?: number; start?: string } = {},
): LedgerWorld {
  const { properties: count = 2, months = 14, perMonth = 6, start = '2023-11' } = options;
  const portfolio = f.portfolio();
  const properties = Array.from({ length: count }, () => f.property(portfolio));
  const transactions: Transaction[] = [];
  let n = 0;
  for (const property of properties) {
    for (let m = 0; m < months; m++) {
      const year = Number(start.slice(0, 4)) + Math.floor((Number(start.slice(5, 7)) - 1 + m) / 12);
      const month = ((Number(start.slice(5, 7)) - 1 + m) % 12) + 1;
      for (let i = 0; i < perMonth; i++) {
        n += 1;
        const spec = CATEGORIES[n % CATEGORIES.length] ?? CATEGORIES[0];
        const day = 1 + ((n * 7) % 28);
        const cents = (n * 7919) % 100_000;
        const amount = `${spec.sign < 0 ? '-' : ''}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        transactions.push(
          f.transaction(property, {
            date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            amount,
            category: spec.category,
          }),
        );
      }
    }
  }
  const [first, second] = properties;
  const loans: Loan[] = [];
  if (first) loans.push(f.loan(first, { startDate: '2020-01-15', termMonths: 60, balloonMonth: 48 }));
  if (second) {
    loans.push(
      f.loan(second, {
        startDate: '2021-03-31',
        termMonths: 84,
        rateResets: [{ period: 36, annualRate: 0.07 }],
      }),
    );
  }
  return { portfolio, properties, transactions, loans };
}
