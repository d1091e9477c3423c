/**
 * The monthly rollups stay exact under random writes: after any sequence of transaction inserts, bulk inserts,
 * updates (moving amounts between properties, months and categories), deletes, and portfolios stored after
 * their transactions (whose currency rescales the minor units), the consistency check passes and
 * `monthlyTotals` — rollups for whole months, raw rows for partial ones — equals the memory reference adapter
 * for random date ranges.
 */
import type { Repository, Transaction } from '@freehold/engine';
import { createFixtureFactory } from '@freehold/engine/conformance';
import { createMemoryRepository } from '@freehold/engine/memory';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createSqliteRepository } from '../src/index.js';

const CATEGORIES = [
  { category: 'rent', kind: 'income' },
  { category: 'repairs', kind: 'operating_expense' },
  { category: 'mortgage_interest', kind: 'debt_service_interest' },
] as const;

const arbDate = fc
  .record({ month: fc.integer({ min: 1, max: 5 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
const arbAmount = fc
  .integer({ min: -500_000, max: 500_000 })
  .map(
    (cents) =>
      `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`,
  );
/** What a generated transaction is made of: indexes into the fixtures, a date and an amount. */
interface Fields {
  property: number;
  date: string;
  amount: string;
  category: number;
}

const arbFields: fc.Arbitrary<Fields> = fc.record({
  property: fc.integer({ min: 0, max: 3 }),
  date: arbDate,
  amount: arbAmount,
  category: fc.integer({ min: 0, max: CATEGORIES.length - 1 }),
});

type Op =
  | { op: 'insert'; fields: Fields }
  | { op: 'insertMany'; many: Fields[] }
  | { op: 'update'; slot: number; fields: Fields }
  | { op: 'delete'; slot: number }
  | { op: 'storeLatePortfolio' }
  | { op: 'dropLatePortfolio' }
  | { op: 'failingUnit'; fields: Fields };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: arbFields.map((fields) => ({ op: 'insert' as const, fields })) },
  {
    weight: 2,
    arbitrary: fc
      .array(arbFields, { minLength: 1, maxLength: 8 })
      .map((many) => ({ op: 'insertMany' as const, many })),
  },
  {
    weight: 3,
    arbitrary: fc.record({ slot: fc.nat(), fields: arbFields }).map((r) => ({ op: 'update' as const, ...r })),
  },
  { weight: 2, arbitrary: fc.nat().map((slot) => ({ op: 'delete' as const, slot })) },
  { weight: 1, arbitrary: fc.constant({ op: 'storeLatePortfolio' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'dropLatePortfolio' as const }) },
  { weight: 1, arbitrary: arbFields.map((fields) => ({ op: 'failingUnit' as const, fields })) },
);

const arbRange = fc
  .tuple(arbDate, arbDate)
  .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));

describe('monthly rollups under random writes', () => {
  test('stay consistent with the rows and give the memory reference’s totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbOp, { minLength: 1, maxLength: 25 }),
        fc.array(arbRange, { minLength: 3, maxLength: 3 }),
        async (ops, ranges) => {
          const f = createFixtureFactory();
          const usd = f.portfolio();
          // A KWD portfolio whose record is stored only later (or dropped again): its transactions' minor units are
          // rescaled from the default 2 digits to 3 and back.
          const late = f.portfolio({ currency: 'KWD' });
          const properties = [f.property(usd), f.property(usd), f.property(late), f.property(late)];
          const sqlite = await createSqliteRepository({ filename: ':memory:' });
          const memory = createMemoryRepository();
          const both = async (work: (repo: Repository) => Promise<void>) => {
            const results = await Promise.allSettled([work(sqlite), work(memory)]);
            const codes = results.map((r) =>
              r.status === 'fulfilled' ? 'ok' : (r.reason as { code?: string }).code,
            );
            expect(codes[0], 'same outcome as the memory reference').toBe(codes[1]);
          };
          try {
            await both((repo) =>
              repo.transaction(async (tx) => {
                await tx.insert('portfolio', usd);
                await tx.insertMany('property', properties);
              }),
            );
            const live: Transaction[] = [];
            let lateStored = false;
            const build = (fields: Fields, base?: Transaction) => {
              const property = properties[fields.property] ?? properties[0];
              const { category, kind } = CATEGORIES[fields.category] ?? CATEGORIES[0];
              const patch = {
                propertyId: property?.id ?? '',
                portfolioId: property?.portfolioId ?? '',
                date: fields.date,
                amount: fields.amount,
                category,
                kind,
              };
              return base
                ? f.next('transaction', base, patch)
                : f.transaction(property ?? { id: '', portfolioId: '' }, patch);
            };
            for (const op of ops) {
              if (op.op === 'insert') {
                const record = build(op.fields);
                await both((repo) => repo.transaction((tx) => tx.insert('transaction', record)));
                live.push(record);
              } else if (op.op === 'insertMany') {
                const records = op.many.map((fields) => build(fields));
                await both((repo) => repo.transaction((tx) => tx.insertMany('transaction', records)));
                live.push(...records);
              } else if (op.op === 'update' && live.length > 0) {
                const index = op.slot % live.length;
                const current = live[index] as Transaction;
                const next = build(op.fields, current);
                await both((repo) =>
                  repo.transaction((tx) => tx.update('transaction', next, current.version)),
                );
                live[index] = next;
              } else if (op.op === 'delete' && live.length > 0) {
                const [current] = live.splice(op.slot % live.length, 1);
                if (current)
                  await both((repo) =>
                    repo.transaction((tx) => tx.delete('transaction', current.id, current.version)),
                  );
              } else if (op.op === 'storeLatePortfolio' && !lateStored) {
                await both((repo) => repo.transaction((tx) => tx.insert('portfolio', late)));
                lateStored = true;
              } else if (op.op === 'dropLatePortfolio' && lateStored) {
                await both((repo) => repo.transaction((tx) => tx.delete('portfolio', late.id, late.version)));
                lateStored = false;
              } else if (op.op === 'failingUnit') {
                const record = build(op.fields);
                await both((repo) =>
                  repo.transaction(async (tx) => {
                    await tx.insert('transaction', record);
                    expect((await tx.get('transaction', record.id))?.id).toBe(record.id);
                    throw new Error('rolled back on purpose');
                  }),
                );
              }
            }
            expect(await sqlite.checkRollups()).toEqual({ ok: true, mismatches: [] });
            for (const portfolio of [usd, late]) {
              for (const range of [...ranges, { from: '2024-01-01', to: '2024-05-31' }]) {
                for (const granularity of ['category', 'kind'] as const) {
                  const query = { portfolioId: portfolio.id, ...range, granularity };
                  expect(await sqlite.monthlyTotals(query), JSON.stringify(query)).toEqual(
                    await memory.monthlyTotals(query),
                  );
                }
              }
            }
          } finally {
            await sqlite.close();
            await memory.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
