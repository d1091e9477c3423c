/**
 * Pushed-down queries: open alerts, leases ending between two dates, loan events between two dates.
 * @module
 */
import { expect } from 'vitest';
import { loanEvents } from '../../domain/loan-events.js';
import type { LoanEvent, LoanEventKind, RecordOf } from '../../ports/repository.js';
import { compareStrings, putMany, seed } from '../expectations.js';
import type { ConformanceRegistrar, ConformanceTestContext } from '../harness.js';

type Alert = RecordOf<'alert'>;
type Loan = RecordOf<'loan'>;

const PRIORITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Alerts in the order `openAlerts` returns them: priority (critical first), then `raisedAt`, then `id`. */
export function sortOpenAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      compareStrings(a.raisedAt, b.raisedAt) ||
      compareStrings(a.id, b.id),
  );
}

/** Loan events in the order `loanEventsBetween` returns them: date, kind, loan id. */
export function sortLoanEvents(events: readonly LoanEvent[]): LoanEvent[] {
  return [...events].sort(
    (a, b) =>
      compareStrings(a.date, b.date) ||
      compareStrings(a.kind, b.kind) ||
      compareStrings(a.loan.id, b.loan.id),
  );
}

/** The events `loanEventsBetween` must report for `loans`, derived with the engine's `loanEvents`. */
export function expectedLoanEvents(
  loans: readonly Loan[],
  from: string,
  to: string,
  kinds?: readonly LoanEventKind[],
): LoanEvent[] {
  const events = loans
    .filter((loan) => loan.archivedAt === null)
    .flatMap((loan) => loanEvents(loan).map((event) => ({ loan, kind: event.kind, date: event.date })))
    .filter((event) => event.date >= from && event.date <= to && (!kinds || kinds.includes(event.kind)));
  return sortLoanEvents(events);
}

async function alertWorld(ctx: ConformanceTestContext) {
  const { f } = ctx;
  const portfolio = f.portfolio();
  const other = f.portfolio();
  const a = f.property(portfolio);
  const b = f.property(portfolio);
  const at = (day: string) => `${day}T08:00:00.000Z`;
  const open = [
    f.alert(portfolio, { priority: 'critical', raisedAt: at('2024-03-01'), propertyId: a.id }),
    f.alert(portfolio, { priority: 'critical', raisedAt: at('2024-01-01'), propertyId: b.id }),
    f.alert(portfolio, { priority: 'high', raisedAt: at('2023-01-01') }),
    f.alert(portfolio, { priority: 'low', raisedAt: at('2020-01-01'), propertyId: a.id }),
    f.alert(portfolio, { priority: 'medium', raisedAt: at('2024-01-01'), propertyId: a.id }),
    f.alert(portfolio, { priority: 'medium', raisedAt: at('2024-01-01'), propertyId: a.id }),
    f.alert(portfolio, { priority: 'medium', raisedAt: at('2024-01-01') }),
    f.alert(portfolio, { priority: 'medium', raisedAt: '2023-12-31T23:59:59.999Z', propertyId: b.id }),
    f.alert(portfolio, { priority: 'high', raisedAt: at('2024-02-01'), propertyId: a.id }),
  ];
  const closed = [
    f.alert(portfolio, {
      priority: 'critical',
      status: 'snoozed',
      snoozedUntil: '2030-01-01',
      propertyId: a.id,
    }),
    f.alert(portfolio, { priority: 'critical', status: 'resolved', resolvedAt: f.now, resolution: 'auto' }),
    f.alert(other, { priority: 'critical' }),
  ];
  await seed(
    ctx.repo,
    putMany('portfolio', [portfolio, other]),
    putMany('property', [a, b]),
    putMany('alert', [...closed, ...open]),
  );
  return { portfolio, a, b, open };
}

async function leaseWorld(ctx: ConformanceTestContext) {
  const { f } = ctx;
  const portfolio = f.portfolio();
  const other = f.portfolio();
  const property = f.property(portfolio);
  const foreignProperty = f.property(other);
  const unit = f.unit(property);
  const foreignUnit = f.unit(foreignProperty);
  const lease = (endDate: string | null, status: RecordOf<'lease'>['status'] = 'active') =>
    f.lease(unit, {
      startDate: '2023-01-01',
      endDate,
      status,
      ...(status === 'terminated' ? { terminationDate: '2024-03-31' } : {}),
    });
  const leases = {
    june30: lease('2024-06-30'),
    june1: lease('2024-06-01'),
    aug31: lease('2024-08-31'),
    may31: lease('2024-05-31'),
    sep1: lease('2024-09-01'),
    open: lease(null),
    ended: lease('2024-07-01', 'ended'),
    draft: lease('2024-07-15', 'draft'),
    june30b: lease('2024-06-30'),
    terminated: lease('2024-06-15', 'terminated'),
  };
  const foreign = f.lease(foreignUnit, { startDate: '2023-01-01', endDate: '2024-07-01' });
  await seed(
    ctx.repo,
    putMany('portfolio', [portfolio, other]),
    putMany('property', [property, foreignProperty]),
    putMany('unit', [unit, foreignUnit]),
    putMany('lease', [...Object.values(leases), foreign]),
  );
  return { portfolio, leases };
}

function byEndDate(leases: readonly RecordOf<'lease'>[]): RecordOf<'lease'>[] {
  return [...leases].sort(
    (a, b) => compareStrings(a.endDate ?? '', b.endDate ?? '') || compareStrings(a.id, b.id),
  );
}

async function loanWorld(ctx: ConformanceTestContext) {
  const { f } = ctx;
  const portfolio = f.portfolio();
  const other = f.portfolio();
  const property = f.property(portfolio);
  const foreignProperty = f.property(other);
  const loans = {
    // Matures 2030-01-15 (startDate + 120 months).
    fixed: f.loan(property, { kind: 'fixed', startDate: '2020-01-15', termMonths: 120 }),
    // Explicit maturity date wins over startDate + termMonths.
    dated: f.loan(property, {
      kind: 'fixed',
      startDate: '2020-03-10',
      termMonths: 360,
      maturityDate: '2030-02-20',
    }),
    // Balloon in period 120 (2030-01-15) of a 360-month term.
    balloon: f.loan(property, {
      kind: 'balloon',
      startDate: '2020-01-15',
      termMonths: 360,
      balloonMonth: 120,
    }),
    // Scheduled resets in periods 60 and 72 (2025-01-15 and 2026-01-15).
    stepped: f.loan(property, {
      kind: 'adjustable',
      startDate: '2020-01-15',
      termMonths: 120,
      rateResets: [
        { period: 60, annualRate: 0.06 },
        { period: 72, annualRate: 0.065 },
      ],
    }),
    // Index resets from period 84, every 12 periods.
    indexed: f.loan(property, {
      kind: 'adjustable',
      startDate: '2023-01-15',
      termMonths: 120,
      indexTerms: { index: 'SOFR', margin: 0.0275, resetEveryMonths: 12, firstResetMonth: 84 },
    }),
    // Archived: never reported.
    archived: f.loan(property, { startDate: '2020-01-15', termMonths: 120, archivedAt: f.now }),
  };
  const foreign = f.loan(foreignProperty, { startDate: '2020-01-15', termMonths: 120 });
  await seed(
    ctx.repo,
    putMany('portfolio', [portfolio, other]),
    putMany('property', [property, foreignProperty]),
    putMany('loan', [...Object.values(loans), foreign]),
  );
  return { portfolio, loans, all: Object.values(loans) };
}

/** Registers the `alerts.*`, `leases.*` and `loans.*` tests. */
export function queryTests(t: ConformanceRegistrar): void {
  t.test('alerts.open-order', async (ctx) => {
    const { portfolio, open } = await alertWorld(ctx);
    const result = await ctx.repo.openAlerts({ portfolioId: portfolio.id });
    expect(result).toEqual(sortOpenAlerts(open));
    expect(result.map((alert) => alert.priority).slice(0, 4)).toEqual([
      'critical',
      'critical',
      'high',
      'high',
    ]);
    expect(result.at(-1)?.priority).toBe('low');
  });

  t.test('alerts.excludes-not-open', async (ctx) => {
    const { portfolio, open } = await alertWorld(ctx);
    const result = await ctx.repo.openAlerts({ portfolioId: portfolio.id });
    expect(result.every((alert) => alert.status === 'open' && alert.portfolioId === portfolio.id)).toBe(true);
    expect(result).toHaveLength(open.length);
    expect(await ctx.repo.openAlerts({ portfolioId: ctx.f.id() })).toEqual([]);
  });

  t.test('alerts.filters', async (ctx) => {
    const { portfolio, a, b, open } = await alertWorld(ctx);
    expect(await ctx.repo.openAlerts({ portfolioId: portfolio.id, propertyId: a.id })).toEqual(
      sortOpenAlerts(open.filter((alert) => alert.propertyId === a.id)),
    );
    expect(await ctx.repo.openAlerts({ portfolioId: portfolio.id, priorities: ['high', 'low'] })).toEqual(
      sortOpenAlerts(open.filter((alert) => alert.priority === 'high' || alert.priority === 'low')),
    );
    expect(
      await ctx.repo.openAlerts({
        portfolioId: portfolio.id,
        propertyId: b.id,
        priorities: ['critical', 'medium'],
      }),
    ).toEqual(sortOpenAlerts(open.filter((alert) => alert.propertyId === b.id)));
    expect(
      await ctx.repo.openAlerts({ portfolioId: portfolio.id, propertyId: b.id, priorities: ['low'] }),
    ).toEqual([]);
  });

  t.test('alerts.limit', async (ctx) => {
    const { portfolio, open } = await alertWorld(ctx);
    const sorted = sortOpenAlerts(open);
    expect(await ctx.repo.openAlerts({ portfolioId: portfolio.id, limit: 1 })).toEqual(sorted.slice(0, 1));
    expect(await ctx.repo.openAlerts({ portfolioId: portfolio.id, limit: 3 })).toEqual(sorted.slice(0, 3));
    expect(await ctx.repo.openAlerts({ portfolioId: portfolio.id, limit: 100 })).toEqual(sorted);
    expect(
      await ctx.repo.openAlerts({ portfolioId: portfolio.id, priorities: ['medium'], limit: 2 }),
    ).toEqual(sorted.filter((alert) => alert.priority === 'medium').slice(0, 2));
  });

  t.test('leases.ending-between', async (ctx) => {
    const { portfolio, leases } = await leaseWorld(ctx);
    const result = await ctx.repo.leasesEndingBetween({
      portfolioId: portfolio.id,
      from: '2024-06-01',
      to: '2024-08-31',
    });
    expect(result).toEqual(byEndDate([leases.june1, leases.june30, leases.june30b, leases.aug31]));
    const oneDay = await ctx.repo.leasesEndingBetween({
      portfolioId: portfolio.id,
      from: '2024-06-30',
      to: '2024-06-30',
    });
    expect(oneDay).toEqual(byEndDate([leases.june30, leases.june30b]));
    expect(
      await ctx.repo.leasesEndingBetween({ portfolioId: portfolio.id, from: '2025-01-01', to: '2025-12-31' }),
    ).toEqual([]);
  });

  t.test('leases.statuses', async (ctx) => {
    const { portfolio, leases } = await leaseWorld(ctx);
    const range = { portfolioId: portfolio.id, from: '2024-01-01', to: '2024-12-31' };
    expect(await ctx.repo.leasesEndingBetween({ ...range, statuses: ['ended', 'terminated'] })).toEqual(
      byEndDate([leases.ended, leases.terminated]),
    );
    expect(await ctx.repo.leasesEndingBetween({ ...range, statuses: ['active', 'draft'] })).toEqual(
      byEndDate([
        leases.june1,
        leases.june30,
        leases.june30b,
        leases.aug31,
        leases.may31,
        leases.sep1,
        leases.draft,
      ]),
    );
    expect(await ctx.repo.leasesEndingBetween({ ...range, statuses: ['active'] })).toEqual(
      await ctx.repo.leasesEndingBetween(range),
    );
  });

  t.test('loans.maturity', async (ctx) => {
    const { portfolio, loans } = await loanWorld(ctx);
    const maturities = await ctx.repo.loanEventsBetween({
      portfolioId: portfolio.id,
      from: '2030-01-01',
      to: '2030-02-28',
      kinds: ['maturity'],
    });
    expect(maturities).toEqual(
      [
        { loan: loans.fixed, kind: 'maturity', date: '2030-01-15' },
        { loan: loans.stepped, kind: 'maturity', date: '2030-01-15' },
        { loan: loans.dated, kind: 'maturity', date: '2030-02-20' },
      ].sort((x, y) => compareStrings(x.date, y.date) || compareStrings(x.loan.id, y.loan.id)),
    );
  });

  t.test('loans.balloon', async (ctx) => {
    const { portfolio, loans } = await loanWorld(ctx);
    const balloons = await ctx.repo.loanEventsBetween({
      portfolioId: portfolio.id,
      from: '2020-01-01',
      to: '2060-12-31',
      kinds: ['balloon'],
    });
    expect(balloons).toEqual([{ loan: loans.balloon, kind: 'balloon', date: '2030-01-15' }]);
  });

  t.test('loans.rate-resets', async (ctx) => {
    const { portfolio, loans, all } = await loanWorld(ctx);
    const resets = await ctx.repo.loanEventsBetween({
      portfolioId: portfolio.id,
      from: '2020-01-01',
      to: '2060-12-31',
      kinds: ['rate_reset'],
    });
    expect(resets).toEqual(expectedLoanEvents(all, '2020-01-01', '2060-12-31', ['rate_reset']));
    expect(resets.filter((event) => event.loan.id === loans.stepped.id).map((event) => event.date)).toEqual([
      '2025-01-15',
      '2026-01-15',
    ]);
    expect(resets.filter((event) => event.loan.id === loans.indexed.id).map((event) => event.date)).toEqual([
      '2030-01-15',
      '2031-01-15',
      '2032-01-15',
      '2033-01-15',
    ]);
  });

  t.test('loans.kinds-filter', async (ctx) => {
    const { portfolio, all } = await loanWorld(ctx);
    const range = { portfolioId: portfolio.id, from: '2020-01-01', to: '2060-12-31' };
    for (const kinds of [
      ['maturity'],
      ['balloon', 'rate_reset'],
      ['maturity', 'balloon', 'rate_reset'],
    ] as const) {
      expect(await ctx.repo.loanEventsBetween({ ...range, kinds }), kinds.join('+')).toEqual(
        expectedLoanEvents(all, range.from, range.to, kinds),
      );
    }
    expect(await ctx.repo.loanEventsBetween(range)).toEqual(expectedLoanEvents(all, range.from, range.to));
  });

  t.test('loans.archived-excluded', async (ctx) => {
    const { portfolio, loans } = await loanWorld(ctx);
    const events = await ctx.repo.loanEventsBetween({
      portfolioId: portfolio.id,
      from: '2000-01-01',
      to: '2100-12-31',
    });
    expect(events.some((event) => event.loan.id === loans.archived.id)).toBe(false);
    expect(events.every((event) => event.loan.portfolioId === portfolio.id)).toBe(true);
    expect(
      await ctx.repo.loanEventsBetween({ portfolioId: ctx.f.id(), from: '2000-01-01', to: '2100-12-31' }),
    ).toEqual([]);
  });

  t.test('loans.order', async (ctx) => {
    const { portfolio, loans, all } = await loanWorld(ctx);
    // On 2030-01-15: a balloon, two maturities and a rate reset; kinds in string order, then loan id.
    const day = await ctx.repo.loanEventsBetween({
      portfolioId: portfolio.id,
      from: '2030-01-15',
      to: '2030-01-15',
    });
    expect(day).toEqual(expectedLoanEvents(all, '2030-01-15', '2030-01-15'));
    expect(day.map((event) => event.kind)).toEqual(['balloon', 'maturity', 'maturity', 'rate_reset']);
    expect(day[0]?.loan).toEqual(loans.balloon);
    const range = await ctx.repo.loanEventsBetween({
      portfolioId: portfolio.id,
      from: '2024-06-01',
      to: '2031-06-30',
    });
    expect(range).toEqual(expectedLoanEvents(all, '2024-06-01', '2031-06-30'));
  });
}
