import { describe, expect, test } from 'vitest';
import { LoanCreateSchema } from './entities/index.js';
import { loanEvents } from './loan-events.js';

describe('loanEvents', () => {
  test('the documented example', () => {
    expect(
      loanEvents({
        startDate: '2024-01-31',
        termMonths: 60,
        indexTerms: { firstResetMonth: 36, resetEveryMonths: 12 },
      }),
    ).toEqual([
      { kind: 'rate_reset', date: '2027-01-31' },
      { kind: 'rate_reset', date: '2028-01-31' },
      { kind: 'maturity', date: '2029-01-31' },
      { kind: 'rate_reset', date: '2029-01-31' },
    ]);
  });

  test('a fixed loan has only its maturity: startDate + termMonths months', () => {
    expect(loanEvents({ startDate: '2020-03-15', termMonths: 360 })).toEqual([
      { kind: 'maturity', date: '2050-03-15' },
    ]);
  });

  test('an explicit maturityDate wins over startDate + termMonths', () => {
    expect(loanEvents({ startDate: '2020-03-15', termMonths: 360, maturityDate: '2049-12-01' })).toEqual([
      { kind: 'maturity', date: '2049-12-01' },
    ]);
  });

  test('month ends are clamped (Jan 31 + 1 month is Feb 29 in a leap year)', () => {
    expect(loanEvents({ startDate: '2024-01-31', termMonths: 1 })).toEqual([
      { kind: 'maturity', date: '2024-02-29' },
    ]);
    expect(
      loanEvents({ startDate: '2023-01-31', termMonths: 13, rateResets: [{ period: 1 }, { period: 3 }] }),
    ).toEqual([
      { kind: 'rate_reset', date: '2023-02-28' },
      { kind: 'rate_reset', date: '2023-04-30' },
      { kind: 'maturity', date: '2024-02-29' },
    ]);
  });

  test('a balloon falls on startDate + balloonMonth months; on the maturity date balloon sorts first', () => {
    expect(loanEvents({ startDate: '2025-06-01', termMonths: 120, balloonMonth: 84 })).toEqual([
      { kind: 'balloon', date: '2032-06-01' },
      { kind: 'maturity', date: '2035-06-01' },
    ]);
    expect(loanEvents({ startDate: '2025-06-01', termMonths: 84, balloonMonth: 84 })).toEqual([
      { kind: 'balloon', date: '2032-06-01' },
      { kind: 'maturity', date: '2032-06-01' },
    ]);
  });

  test('index resets stop at the term; a reset in both schedule and index terms is reported once', () => {
    const events = loanEvents({
      startDate: '2024-01-01',
      termMonths: 30,
      rateResets: [{ period: 12 }, { period: 13 }],
      indexTerms: { firstResetMonth: 12, resetEveryMonths: 12 },
    });
    expect(events).toEqual([
      { kind: 'rate_reset', date: '2025-01-01' },
      { kind: 'rate_reset', date: '2025-02-01' },
      { kind: 'rate_reset', date: '2026-01-01' },
      { kind: 'maturity', date: '2026-07-01' },
    ]);
  });

  test('an index first reset beyond the term yields no reset', () => {
    expect(
      loanEvents({
        startDate: '2024-01-01',
        termMonths: 12,
        indexTerms: { firstResetMonth: 13, resetEveryMonths: 1 },
      }),
    ).toEqual([{ kind: 'maturity', date: '2025-01-01' }]);
  });

  test('takes a parsed Loan as it is and does not modify it', () => {
    const loan = LoanCreateSchema.parse({
      portfolioId: 'p1',
      propertyId: 'pr1',
      kind: 'adjustable',
      originalAmount: '300000',
      startDate: '2024-05-10',
      annualRate: 0.06,
      termMonths: 360,
      balloonMonth: 120,
      rateResets: [{ period: 61, annualRate: 0.07 }],
    });
    const before = structuredClone(loan);
    const events = loanEvents(loan);
    expect(loan).toEqual(before);
    expect(events).toEqual([
      { kind: 'rate_reset', date: '2029-06-10' },
      { kind: 'balloon', date: '2034-05-10' },
      { kind: 'maturity', date: '2054-05-10' },
    ]);
  });

  test('is sorted by date then kind', () => {
    const events = loanEvents({
      startDate: '2024-01-31',
      termMonths: 48,
      balloonMonth: 24,
      rateResets: [{ period: 24 }, { period: 36 }],
      indexTerms: { firstResetMonth: 6, resetEveryMonths: 6 },
    });
    const keys = events.map((e) => `${e.date} ${e.kind}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });
});
