/**
 * Lifecycle tests: capabilities, closing, reopening.
 * @module
 */
import { expect } from 'vitest';
import { expectRejection, put, seed } from '../expectations.js';
import type { ConformanceRegistrar } from '../harness.js';

/** Registers the `lifecycle.*` tests. */
export function lifecycleTests(t: ConformanceRegistrar): void {
  t.test('lifecycle.capabilities', async ({ repo }) => {
    const { capabilities } = repo;
    expect(typeof capabilities.persistent).toBe('boolean');
    expect(typeof capabilities.concurrentWriters).toBe('boolean');
    expect(typeof capabilities.longTransactions).toBe('boolean');
  });

  t.test('lifecycle.closed-rejects', async (ctx) => {
    const portfolio = ctx.f.portfolio();
    const property = ctx.f.property(portfolio);
    await seed(ctx.repo, put('portfolio', portfolio), put('property', property));
    await ctx.close();
    const { repo } = ctx;
    await expectRejection(repo.get('portfolio', portfolio.id), 'STORAGE', 'get after close');
    await expectRejection(repo.list('property'), 'STORAGE', 'list after close');
    await expectRejection(
      repo.monthlyTotals({ portfolioId: portfolio.id, from: '2024-01-01', to: '2024-12-31' }),
      'STORAGE',
      'monthlyTotals after close',
    );
    await expectRejection(
      repo.openAlerts({ portfolioId: portfolio.id }),
      'STORAGE',
      'openAlerts after close',
    );
    await expectRejection(
      repo.leasesEndingBetween({ portfolioId: portfolio.id, from: '2024-01-01', to: '2024-12-31' }),
      'STORAGE',
      'leasesEndingBetween after close',
    );
    await expectRejection(
      repo.loanEventsBetween({ portfolioId: portfolio.id, from: '2024-01-01', to: '2024-12-31' }),
      'STORAGE',
      'loanEventsBetween after close',
    );
    await expectRejection(repo.listAudit(), 'STORAGE', 'listAudit after close');
    await expectRejection(
      repo.transaction(async (tx) => tx.insert('portfolio', ctx.f.portfolio())),
      'STORAGE',
      'transaction after close',
    );
    await expectRejection(repo.close(), 'STORAGE', 'a second close');
  });

  t.test('lifecycle.persistent-reopen', async (ctx) => {
    if (!ctx.repo.capabilities.persistent) return ctx.skip('the adapter does not claim `persistent`');
    const { reopen } = ctx.options;
    if (!reopen) return ctx.skip('no `reopen` option given');
    const portfolio = ctx.f.portfolio();
    const property = ctx.f.property(portfolio);
    const entry = ctx.f.auditEntry({ portfolioId: portfolio.id });
    await seed(ctx.repo, put('portfolio', portfolio), put('property', property), (tx) =>
      tx.appendAudit(entry),
    );
    const reopened = await reopen(ctx.repo);
    ctx.use(reopened);
    expect(await reopened.get('portfolio', portfolio.id)).toEqual(portfolio);
    expect(await reopened.get('property', property.id)).toEqual(property);
    expect((await reopened.listAudit()).items).toEqual([entry]);
  });
}
