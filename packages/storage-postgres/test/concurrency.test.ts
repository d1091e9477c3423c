/**
 * Issue 4: 50 concurrent writers, each on its own pooled connection, update the same records. Stale writes get
 * `ConflictError`; each writer re-reads, re-applies and retries until it lands; no update is lost.
 */
import { isFreeholdError, type Repository } from '@freehold/engine';
import { createFixtureFactory } from '@freehold/engine/conformance';
import { expect, it } from 'vitest';
import { createPostgresRepository } from '../src/index.js';
import { describeWithServer, HOW_TO_RUN, testSchemas, testServer } from './support/postgres-server.js';

const WRITERS = 50;
const INCREMENTS = 4;

/** Adds `cents` to a two-decimal money string exactly. */
function addCents(amount: string, cents: number): string {
  const units = BigInt(amount.replace('.', '')) + BigInt(cents);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

describeWithServer('PostgreSQL: concurrent writers', () => {
  const schemas = testSchemas();

  it(`${WRITERS} writers × ${INCREMENTS} increments of the same records lose no update`, async () => {
    const server = await testServer();
    if (!server) throw new Error(HOW_TO_RUN);
    const schema = schemas.create('conc');
    const repo: Repository = await createPostgresRepository({
      connectionString: server.url,
      schema,
      poolSize: WRITERS + 5,
    });
    try {
      const f = createFixtureFactory();
      const portfolio = f.portfolio();
      const property = f.property(portfolio);
      const counter = f.transaction(property, { date: '2025-03-15', amount: '0.00', category: 'rent' });
      const budget = f.budget(property, { year: 2025, month: 3, category: 'rent', amount: '0.00' });
      await repo.transaction(async (tx) => {
        await tx.insert('portfolio', portfolio);
        await tx.insert('property', property);
        await tx.insert('transaction', counter);
        await tx.insert('budget', budget);
      });

      let conflicts = 0;
      /** One increment of `type`/`id` by one cent, retried (re-read, re-apply) until it lands. */
      const increment = async (type: 'transaction' | 'budget', id: string) => {
        for (;;) {
          try {
            await repo.transaction(async (tx) => {
              const current = await tx.get(type, id);
              if (!current) throw new Error(`${type} ${id} vanished`);
              const next = f.next(type, current, { amount: addCents(current.amount, 1) });
              await tx.update(type, next, current.version);
            });
            return;
          } catch (error) {
            // Only a stale version may fail a writer; anything else fails the test.
            if (!isFreeholdError(error, 'CONFLICT')) throw error;
            conflicts += 1;
            // A short random pause before retrying spreads the herd of 50 writers out a little.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
          }
        }
      };
      const writer = async (index: number) => {
        for (let i = 0; i < INCREMENTS; i++) {
          // Alternate the order so that writers also cross each other on the two records.
          if ((index + i) % 2 === 0) {
            await increment('transaction', counter.id);
            await increment('budget', budget.id);
          } else {
            await increment('budget', budget.id);
            await increment('transaction', counter.id);
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));

      const total = WRITERS * INCREMENTS;
      const expectedAmount = addCents('0.00', total);
      const storedCounter = await repo.get('transaction', counter.id);
      const storedBudget = await repo.get('budget', budget.id);
      expect(storedCounter?.amount).toBe(expectedAmount);
      expect(storedCounter?.version).toBe(1 + total);
      expect(storedBudget?.amount).toBe(expectedAmount);
      expect(storedBudget?.version).toBe(1 + total);
      // The pushed-down totals (and any rollups behind them) saw every increment too.
      const totals = await repo.monthlyTotals({
        portfolioId: portfolio.id,
        from: '2025-03-01',
        to: '2025-03-31',
      });
      expect(totals).toEqual([
        {
          propertyId: property.id,
          month: '2025-03',
          kind: 'income',
          category: 'rent',
          total: expectedAmount,
          count: 1,
        },
      ]);
      // On a real server the writers really overlapped (PGlite runs one transaction at a time).
      if (server.kind === 'server') expect(conflicts).toBeGreaterThan(0);
    } finally {
      await repo.close();
    }
  });
});
