/**
 * Money to the cent: amounts round-trip exactly through the adapter and through storage itself.
 * @module
 */
import { expect } from 'vitest';
import type { RecordOf } from '../../ports/repository.js';
import { listAll, put, putMany, seed, sortByDateId, storedHoldsMoney } from '../expectations.js';
import type { ConformanceRegistrar, ConformanceTestContext } from '../harness.js';

/** Amounts that binary floating point, a REAL column or a lossy mapper would damage. */
const TRICKY_AMOUNTS = [
  '0.01',
  '-0.01',
  '0.10',
  '0.00',
  '0.29',
  '1.15',
  '-99999999.99',
  '12345678901.23',
  '-12345678901.23',
  '999999999999.99',
  '4503599627370.49',
  '1500.50',
];

async function checkTransactions(
  ctx: ConformanceTestContext,
  transactions: readonly RecordOf<'transaction'>[],
  minorDigits: number,
): Promise<void> {
  for (const transaction of transactions) {
    const got = await ctx.repo.get('transaction', transaction.id);
    expect(got?.amount, `get amount ${transaction.amount}`).toBe(transaction.amount);
    expect(got).toEqual(transaction);
    const raw = await ctx.stored('transaction', transaction.id);
    expect(
      storedHoldsMoney(raw, transaction.amount, minorDigits),
      `storage holds ${transaction.amount} exactly (as the decimal string or integer minor units): ${safeText(raw)}`,
    ).toBe(true);
  }
  expect(sortByDateId(await listAll(ctx.repo, 'transaction'))).toEqual(sortByDateId(transactions));
}

function safeText(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  } catch {
    return String(value);
  }
}

/** Registers the `money.*` tests. */
export function moneyTests(t: ConformanceRegistrar): void {
  t.test('money.round-trip', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio, { purchasePrice: '12345678901.23', closingCosts: '0.01' });
    const unit = f.unit(property, { marketRent: '99999999.99' });
    const transactions = TRICKY_AMOUNTS.map((amount) => f.transaction(property, { amount }));
    const budget = f.budget(property, { amount: '-99999999.99' });
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', property),
      put('unit', unit),
      putMany('transaction', transactions),
      put('budget', budget),
    );
    await checkTransactions(ctx, transactions, 2);
    expect(await ctx.repo.get('property', property.id)).toEqual(property);
    expect(await ctx.repo.get('unit', unit.id)).toEqual(unit);
    expect(await ctx.repo.get('budget', budget.id)).toEqual(budget);
    expect(storedHoldsMoney(await ctx.stored('property', property.id), '12345678901.23', 2)).toBe(true);
    expect(storedHoldsMoney(await ctx.stored('unit', unit.id), '99999999.99', 2)).toBe(true);
    expect(storedHoldsMoney(await ctx.stored('budget', budget.id), '-99999999.99', 2)).toBe(true);
  });

  t.test('money.extremes', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio, { purchasePrice: '90071992547409.91' });
    const transactions = ['90071992547409.91', '-90071992547409.91', '90071992547409.90'].map((amount) =>
      f.transaction(property, { amount }),
    );
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', property),
      putMany('transaction', transactions),
    );
    await checkTransactions(ctx, transactions, 2);
    expect(await ctx.repo.get('property', property.id)).toEqual(property);
  });

  t.test('money.currency-digits', async (ctx) => {
    const { f } = ctx;
    const yen = f.portfolio({ currency: 'JPY' });
    const dinar = f.portfolio({ currency: 'KWD' });
    const tokyo = f.property(yen, { purchasePrice: '35000000' });
    const kuwait = f.property(dinar, { purchasePrice: '120000.125' });
    const yenAmounts = ['1', '-1', '0', '123456789', '9007199254740991', '-9007199254740991'];
    const dinarAmounts = ['1.234', '-0.001', '0.010', '0.000', '9007199254740.991', '-9007199254740.991'];
    const yenTransactions = yenAmounts.map((amount) => f.transaction(tokyo, { amount }));
    const dinarTransactions = dinarAmounts.map((amount) => f.transaction(kuwait, { amount }));
    expect(yenTransactions.map((x) => x.amount)).toEqual(yenAmounts);
    expect(dinarTransactions.map((x) => x.amount)).toEqual(dinarAmounts);
    await seed(
      ctx.repo,
      putMany('portfolio', [yen, dinar]),
      putMany('property', [tokyo, kuwait]),
      putMany('transaction', [...yenTransactions, ...dinarTransactions]),
    );
    expect(await ctx.repo.get('property', tokyo.id)).toEqual(tokyo);
    expect(await ctx.repo.get('property', kuwait.id)).toEqual(kuwait);
    for (const [transactions, digits] of [
      [yenTransactions, 0],
      [dinarTransactions, 3],
    ] as const) {
      for (const transaction of transactions) {
        expect(await ctx.repo.get('transaction', transaction.id)).toEqual(transaction);
        const raw = await ctx.stored('transaction', transaction.id);
        expect(storedHoldsMoney(raw, transaction.amount, digits), `storage holds ${transaction.amount}`).toBe(
          true,
        );
      }
    }
  });
}
