/**
 * Units of work: all or nothing, errors rethrown unchanged, own writes visible inside, results passed through.
 * @module
 */
import { expect } from 'vitest';
import { ValidationError } from '../../errors.js';
import type { Repository } from '../../ports/repository.js';
import {
  expectRejection,
  listAll,
  outcomeOf,
  put,
  putMany,
  seed,
  sortByDateId,
  sortById,
} from '../expectations.js';
import type { ConformanceRegistrar, ConformanceTestContext } from '../harness.js';
import { sortAudit } from './audit.js';

/** An error class of the caller's own, to check it comes back unchanged. */
class CallerError extends Error {
  readonly detail = { step: 3 };
}

/** A macrotask: real waiting on something other than the unit of work. */
function nextMacrotask(): Promise<void> {
  const timers = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown };
  return new Promise((resolve) => {
    timers.setTimeout(resolve, 1);
  });
}

async function baseWorld(ctx: ConformanceTestContext) {
  const { f } = ctx;
  const portfolio = f.portfolio();
  const property = f.property(portfolio);
  const kept = f.transaction(property, { amount: '100' });
  const doomed = f.transaction(property, { amount: '200' });
  await seed(
    ctx.repo,
    put('portfolio', portfolio),
    put('property', property),
    putMany('transaction', [kept, doomed]),
  );
  return { portfolio, property, kept, doomed };
}

async function snapshotOf(repo: Repository) {
  return {
    portfolios: sortById(await listAll(repo, 'portfolio')),
    properties: sortById(await listAll(repo, 'property')),
    transactions: sortByDateId(await listAll(repo, 'transaction')),
    alerts: sortById(await listAll(repo, 'alert')),
    users: sortById(await listAll(repo, 'user')),
    audit: (await repo.listAudit({ limit: 1000 })).items,
  };
}

/** Registers the `uow.*` tests. */
export function uowTests(t: ConformanceRegistrar): void {
  t.test('uow.commit', async (ctx) => {
    const { f, repo } = ctx;
    const { portfolio, property, kept, doomed } = await baseWorld(ctx);
    const added = [f.transaction(property, { amount: '1' }), f.transaction(property, { amount: '2' })];
    const alert = f.alert(portfolio);
    const entry = f.auditEntry({ portfolioId: portfolio.id });
    const changed = f.next('transaction', kept, { amount: '101' });
    await repo.transaction(async (tx) => {
      await tx.insertMany('transaction', added);
      await tx.insert('alert', alert);
      await tx.update('transaction', changed, 1);
      await tx.delete('transaction', doomed.id, 1);
      await tx.appendAudit(entry);
    });
    expect(sortByDateId(await listAll(repo, 'transaction'))).toEqual(sortByDateId([...added, changed]));
    expect(await repo.get('alert', alert.id)).toEqual(alert);
    expect((await repo.listAudit()).items).toEqual([entry]);
    expect(await ctx.stored('transaction', doomed.id)).toBeNull();
    for (const record of added) expect(await ctx.stored('transaction', record.id)).not.toBeNull();
  });

  t.test('uow.rollback-on-throw', async (ctx) => {
    const { f, repo } = ctx;
    const { portfolio, property, kept, doomed } = await baseWorld(ctx);
    const before = await snapshotOf(repo);
    const newProperty = f.property(portfolio);
    const added = [f.transaction(property), f.transaction(newProperty)];
    const alert = f.alert(portfolio);
    const user = f.user();
    const entry = f.auditEntry();
    const outcome = await outcomeOf(
      repo.transaction(async (tx) => {
        await tx.insert('property', newProperty);
        await tx.insertMany('transaction', added);
        await tx.insert('alert', alert);
        await tx.insert('user', user);
        await tx.update('transaction', f.next('transaction', kept, { amount: '-5' }), 1);
        await tx.delete('transaction', doomed.id, 1);
        await tx.appendAudit(entry);
        throw new CallerError('half-way');
      }),
    );
    expect(outcome.ok).toBe(false);
    expect(await snapshotOf(repo)).toEqual(before);
    for (const [type, id] of [
      ['property', newProperty.id],
      ['transaction', added[0]?.id],
      ['transaction', added[1]?.id],
      ['alert', alert.id],
      ['user', user.id],
      ['auditEntry', entry.id],
    ] as const) {
      expect(await ctx.stored(type, id ?? ''), `${type} written by a failed unit of work`).toBeNull();
    }
    expect(
      await ctx.stored('transaction', doomed.id),
      'record deleted by a failed unit of work',
    ).not.toBeNull();
    expect(await repo.get('transaction', kept.id)).toEqual(kept);
    expect(await repo.get('transaction', doomed.id)).toEqual(doomed);
  });

  t.test('uow.rethrows-unchanged', async (ctx) => {
    const { f, repo } = ctx;
    await baseWorld(ctx);
    const mine = new CallerError('mine');
    const thrown = await outcomeOf(
      repo.transaction(async (tx) => {
        await tx.insert('user', f.user());
        throw mine;
      }),
    );
    expect(thrown.ok ? undefined : thrown.error, 'the very same error object').toBe(mine);
    const validation = ValidationError.field('amount', 'a decimal string');
    const rejected = await outcomeOf(
      repo.transaction(async (tx) => {
        await tx.insert('user', f.user());
        await Promise.reject(validation);
      }),
    );
    expect(rejected.ok ? undefined : rejected.error, 'a Freehold error is not wrapped').toBe(validation);
    const synchronous = await outcomeOf(
      repo.transaction(() => {
        throw mine;
      }),
    );
    expect(synchronous.ok ? undefined : synchronous.error, 'a synchronous throw').toBe(mine);
    expect(await listAll(repo, 'user')).toEqual([]);
  });

  t.test('uow.insert-many-conflict-rolls-back', async (ctx) => {
    const { f, repo } = ctx;
    const { portfolio, property, kept } = await baseWorld(ctx);
    const before = await snapshotOf(repo);
    const alert = f.alert(portfolio);
    const batch = [
      f.transaction(property),
      f.transaction(property),
      f.transaction(property, { id: kept.id }),
    ];
    await expectRejection(
      repo.transaction(async (tx) => {
        await tx.insert('alert', alert);
        await tx.insertMany('transaction', [...batch, f.transaction(property)]);
      }),
      'CONFLICT',
      'insertMany with a duplicate id in the middle',
    );
    const keyed = [
      f.transaction(property, { source: 'import', externalId: 'K1' }),
      f.transaction(property, { source: 'import', externalId: 'K2' }),
      f.transaction(property, { source: 'import', externalId: 'K1' }),
      f.transaction(property, { source: 'import', externalId: 'K3' }),
    ];
    await expectRejection(
      repo.transaction(async (tx) => {
        await tx.insert('alert', alert);
        await tx.insertMany('transaction', keyed);
      }),
      'CONFLICT',
      'insertMany with a unique-key duplicate in the middle',
    );
    expect(await snapshotOf(repo)).toEqual(before);
    for (const record of [...batch.slice(0, 2), ...keyed]) {
      expect(await ctx.stored('transaction', record.id)).toBeNull();
    }
    expect(await ctx.stored('alert', alert.id)).toBeNull();
  });

  t.test('uow.rollback-audit', async (ctx) => {
    const { f, repo } = ctx;
    const kept = f.auditEntry();
    await repo.transaction((tx) => tx.appendAudit(kept));
    const lost = [f.auditEntry(), f.auditEntry(), f.auditEntry()];
    await outcomeOf(
      repo.transaction(async (tx) => {
        const [first, ...rest] = lost;
        if (first) await tx.appendAudit(first);
        await tx.appendAuditMany(rest);
        await tx.redactAudit([{ id: kept.id, before: null, after: null, details: { redacted: true } }]);
        throw new CallerError('after the audit');
      }),
    );
    expect((await repo.listAudit()).items).toEqual([kept]);
    for (const entry of lost) expect(await ctx.stored('auditEntry', entry.id)).toBeNull();
  });

  t.test('uow.reads-own-writes', async (ctx) => {
    const { f, repo } = ctx;
    const { portfolio, property, kept, doomed } = await baseWorld(ctx);
    const added = f.transaction(property, { amount: '7.77', date: '2023-01-01' });
    const changed = f.next('transaction', kept, { amount: '-1.01' });
    const user = f.user();
    const entry = f.auditEntry({ portfolioId: portfolio.id });
    await repo.transaction(async (tx) => {
      await tx.insert('transaction', added);
      expect(await tx.get('transaction', added.id)).toEqual(added);
      await tx.update('transaction', changed, 1);
      expect(await tx.get('transaction', kept.id)).toEqual(changed);
      await tx.delete('transaction', doomed.id, 1);
      expect(await tx.get('transaction', doomed.id)).toBeNull();
      expect((await tx.list('transaction')).items).toEqual(sortByDateId([added, changed]));
      expect((await tx.list('transaction', { where: { propertyId: property.id }, limit: 1 })).items).toEqual([
        added,
      ]);
      await tx.insert('user', user);
      expect((await tx.list('user', { where: { email: user.email } })).items).toEqual([user]);
      await tx.appendAudit(entry);
      expect((await tx.listAudit({ portfolioId: portfolio.id })).items).toEqual([entry]);
      // A second write to the same record within the unit of work sees the first.
      const again = f.next('transaction', changed, { amount: '-2.02' });
      await tx.update('transaction', again, 2);
      expect(await tx.get('transaction', kept.id)).toEqual(again);
    });
    expect((await repo.get('transaction', kept.id))?.version).toBe(3);
  });

  t.test('uow.aggregates-see-own-writes', async (ctx) => {
    const { f, repo } = ctx;
    const { portfolio, property } = await baseWorld(ctx);
    const unit = f.unit(property);
    await seed(repo, put('unit', unit));
    const rent = f.transaction(property, { date: '2024-04-10', amount: '950.25' });
    const alert = f.alert(portfolio, { priority: 'critical' });
    const lease = f.lease(unit, { startDate: '2024-01-01', endDate: '2024-12-31' });
    const loan = f.loan(property, { startDate: '2020-01-15', termMonths: 60 });
    await repo.transaction(async (tx) => {
      await tx.insert('transaction', rent);
      await tx.insert('alert', alert);
      await tx.insert('lease', lease);
      await tx.insert('loan', loan);
      const totals = await tx.monthlyTotals({
        portfolioId: portfolio.id,
        from: '2024-04-01',
        to: '2024-04-30',
      });
      expect(totals).toEqual([
        {
          propertyId: property.id,
          month: '2024-04',
          kind: 'income',
          category: 'rent',
          total: '950.25',
          count: 1,
        },
      ]);
      expect(await tx.openAlerts({ portfolioId: portfolio.id })).toEqual([alert]);
      expect(
        await tx.leasesEndingBetween({ portfolioId: portfolio.id, from: '2024-12-01', to: '2024-12-31' }),
      ).toEqual([lease]);
      expect(
        await tx.loanEventsBetween({ portfolioId: portfolio.id, from: '2025-01-01', to: '2025-01-31' }),
      ).toEqual([{ loan, kind: 'maturity', date: '2025-01-15' }]);
    });
  });

  t.test('uow.returns-value', async (ctx) => {
    const { f, repo } = ctx;
    const value = { answer: 42, nested: [1, 2, 3] };
    expect(await repo.transaction(async () => value)).toBe(value);
    expect(await repo.transaction(async () => undefined)).toBeUndefined();
    const user = f.user();
    const id = await repo.transaction(async (tx) => {
      await tx.insert('user', user);
      return user.id;
    });
    expect(id).toBe(user.id);
    expect(await repo.transaction(async (tx) => tx.get('user', user.id))).toEqual(user);
  });

  t.test('uow.concurrent-transactions', async (ctx) => {
    const { f, repo } = ctx;
    const { portfolio, property } = await baseWorld(ctx);
    const before = sortByDateId(await listAll(repo, 'transaction'));
    const batches = Array.from({ length: 5 }, (_, i) => [
      f.transaction(property, { amount: `${i}.01` }),
      f.transaction(property, { amount: `${i}.02` }),
    ]);
    const alerts = batches.map(() => f.alert(portfolio));
    await Promise.all(
      batches.map((batch, i) =>
        repo.transaction(async (tx) => {
          for (const record of batch) await tx.insert('transaction', record);
          const alert = alerts[i];
          if (alert) await tx.insert('alert', alert);
        }),
      ),
    );
    expect(sortByDateId(await listAll(repo, 'transaction'))).toEqual(
      sortByDateId([...before, ...batches.flat()]),
    );
    expect(sortById(await listAll(repo, 'alert'))).toEqual(sortById(alerts));
    const entries = batches.map(() => f.auditEntry());
    await Promise.all(entries.map((entry) => repo.transaction((tx) => tx.appendAudit(entry))));
    expect((await repo.listAudit()).items).toEqual(sortAudit(entries));
  });

  t.test('uow.long-transaction', async (ctx) => {
    if (!ctx.repo.capabilities.longTransactions)
      return ctx.skip('the adapter does not claim `longTransactions`');
    const { f, repo } = ctx;
    const [a, b] = [f.user(), f.user()];
    await repo.transaction(async (tx) => {
      await tx.insert('user', a);
      await nextMacrotask();
      await tx.insert('user', b);
    });
    expect(sortById(await listAll(repo, 'user'))).toEqual(sortById([a, b]));
    await outcomeOf(
      repo.transaction(async (tx) => {
        await tx.insert('user', f.user());
        await nextMacrotask();
        throw new CallerError('after waiting');
      }),
    );
    expect(sortById(await listAll(repo, 'user'))).toEqual(sortById([a, b]));
  });
}
