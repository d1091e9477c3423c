import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from '../domain/dates.js';
import { isFreeholdError, ValidationError } from '../errors.js';
import {
  type AmortizationResult,
  type AmortizationRow,
  type AmortizeInput,
  amortize,
  INTEREST_BASES,
  type InterestBasis,
  loanBalanceAt,
  MAX_TERM_MONTHS,
  type Prepayment,
  type RateReset,
} from './amortize.js';

/** 80 digits: far more than any loan here needs, so the reference never rounds where the engine is exact. */
const D = DecimalJs.clone({ precision: 80, rounding: DecimalJs.ROUND_HALF_UP });
type D = DecimalJs;

const cents = (value: string): bigint => BigInt(value.replace('.', ''));
const money = (value: D): string => value.toFixed(2, DecimalJs.ROUND_HALF_UP).replace(/^-(0\.00)$/, '$1');

// -----------------------------------------------------------------------------------------------------------
// An independent reference of the convention, in plain Decimal arithmetic (no integer tricks), written from the
// convention text of conformance/amortization-vectors.json.

interface ReferenceRow {
  payment: string;
  interest: string;
  principal: string;
  extraPrincipal: string;
  balance: string;
}

function referenceLevel(balance: D, annualRate: D, months: number): D {
  const i = annualRate.dividedBy(12);
  const raw = i.isZero()
    ? balance.dividedBy(months)
    : balance.times(i).dividedBy(new D(1).minus(i.plus(1).pow(-months)));
  return raw.toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);
}

function referenceAmortize(input: AmortizeInput): {
  payment: string;
  rows: ReferenceRow[];
  balloon?: string;
} {
  const term = input.termMonths;
  const io = input.interestOnlyMonths ?? 0;
  const last = input.balloonMonth ?? term;
  const extra = new D(input.extraPrincipal ?? '0');
  const basis = input.interestBasis ?? '30/360';
  let rate = new D(input.annualRate);
  let balance = new D(input.principal);
  let level: D | undefined;
  let first: D | undefined;
  let balloon: string | undefined;
  const rows: ReferenceRow[] = [];
  for (let p = 1; p <= last; p++) {
    const reset = input.rateResets?.find((r) => r.period === p);
    if (reset) rate = new D(reset.annualRate);
    if (p > io && (p === io + 1 || reset)) {
      level = referenceLevel(balance, rate, term - p + 1);
      first ??= level;
    }
    let exactInterest: D;
    if (basis === '30/360') {
      exactInterest = balance.times(rate).dividedBy(12);
    } else {
      const start = input.startDate as string;
      const days = daysBetween(addMonths(start, p - 1), addMonths(start, p));
      exactInterest = balance
        .times(rate)
        .times(days)
        .dividedBy(basis === 'actual/360' ? 360 : 365);
    }
    const interest = exactInterest.toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);
    const prepay = (input.prepayments ?? [])
      .filter((x) => x.period === p)
      .reduce((sum, x) => sum.plus(x.amount), new D(0));
    const scheduled = p > io ? (level as D).minus(interest) : new D(0);
    const extraThisMonth = (p > io ? extra : new D(0)).plus(prepay);
    const principal = scheduled.plus(extraThisMonth);
    if (p === last || balance.minus(principal).lte(0)) {
      const payment = interest.plus(balance);
      const room = balance.minus(scheduled);
      const extraApplied = DecimalJs.max(0, DecimalJs.min(room, extraThisMonth));
      if (p === input.balloonMonth) {
        balloon = money(DecimalJs.max(0, payment.minus(interest.plus(principal))));
      }
      first ??= referenceLevel(balance, rate, term - io);
      rows.push({
        payment: money(payment),
        interest: money(interest),
        principal: money(balance),
        extraPrincipal: money(new D(extraApplied)),
        balance: '0.00',
      });
      break;
    }
    balance = balance.minus(principal);
    rows.push({
      payment: money(interest.plus(principal)),
      interest: money(interest),
      principal: money(principal),
      extraPrincipal: money(extraThisMonth),
      balance: money(balance),
    });
  }
  return balloon === undefined
    ? { payment: money(first as D), rows }
    : { payment: money(first as D), rows, balloon };
}

// -----------------------------------------------------------------------------------------------------------
// Arbitraries

const moneyOf = (c: number): string => money(new D(c).dividedBy(100));

const rateArb: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 250_000 }).map((n) => money4(n)) },
  { weight: 1, arbitrary: fc.constant('0') },
  // floats carry up to 17 significant digits: exercises the bigint paths
  { weight: 2, arbitrary: fc.double({ min: 1e-9, max: 0.3, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer({ min: -50_000, max: -1 }).map((n) => money4(n)) },
);

function money4(n: number): string {
  return new D(n).dividedBy(1_000_000).toFixed();
}

const loanArb: fc.Arbitrary<AmortizeInput> = fc
  .record({
    principalCents: fc.oneof(
      fc.integer({ min: 1, max: 100_000_000 }),
      fc.integer({ min: 1, max: 1_000_000_000_000 }),
    ),
    annualRate: rateArb,
    termMonths: fc.integer({ min: 1, max: 480 }),
    ioFraction: fc.option(fc.double({ min: 0, max: 0.99, noNaN: true }), { nil: undefined }),
    balloonFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    extraCents: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
    prepayments: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        cents: fc.integer({ min: 1, max: 50_000_000 }),
      }),
      { maxLength: 3 },
    ),
    resets: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), rate: rateArb }), {
      maxLength: 3,
    }),
    basis: fc.constantFrom<InterestBasis>(...INTEREST_BASES),
    startDate: fc.option(
      fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }),
      { nil: undefined },
    ),
  })
  .map((r) => {
    const term = r.termMonths;
    const io = r.ioFraction === undefined ? 0 : Math.floor(r.ioFraction * term);
    const balloon =
      r.balloonFraction === undefined ? undefined : Math.max(1, Math.ceil(r.balloonFraction * term));
    const last = balloon ?? term;
    const at = (x: number) => Math.min(last, 1 + Math.floor(x * last));
    const resetPeriods = [...new Set(r.resets.map((x) => at(x.at)))].sort((a, b) => a - b);
    const resets: RateReset[] = resetPeriods.map((period, k) => ({
      period,
      annualRate: r.resets[k]?.rate ?? '0.05',
    }));
    const startDate =
      r.startDate?.toISOString().slice(0, 10) ?? (r.basis === '30/360' ? undefined : '2025-01-31');
    const input: AmortizeInput = {
      principal: moneyOf(r.principalCents),
      annualRate: r.annualRate,
      termMonths: term,
      interestOnlyMonths: io,
      ...(balloon === undefined ? {} : { balloonMonth: balloon }),
      ...(r.extraCents === undefined ? {} : { extraPrincipal: moneyOf(r.extraCents) }),
      ...(r.prepayments.length === 0
        ? {}
        : { prepayments: r.prepayments.map((x) => ({ period: at(x.at), amount: moneyOf(x.cents) })) }),
      ...(resets.length === 0 ? {} : { rateResets: resets }),
      interestBasis: r.basis,
      ...(startDate === undefined ? {} : { startDate }),
    };
    return input;
  });

const sum = (rows: readonly AmortizationRow[], key: 'payment' | 'interest' | 'principal'): bigint =>
  rows.reduce((total, row) => total + cents(row[key]), 0n);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// -----------------------------------------------------------------------------------------------------------

describe('amortize: documented examples', () => {
  it('amortize @example', () => {
    const loan = amortize({ principal: '300000.00', annualRate: '0.065', termMonths: 360 });
    expect(loan.payment).toBe('1896.20');
    expect(loan.schedule[0]).toEqual({
      period: 1,
      payment: '1896.20',
      interest: '1625.00',
      principal: '271.20',
      extraPrincipal: '0.00',
      balance: '299728.80',
    });
    expect(loan.finalPayment).toBe('1900.91');
    expect(loan.totalInterest).toBe('382636.71');

    const bridge = amortize({
      principal: '3000000.00',
      annualRate: '0.0675',
      termMonths: 360,
      balloonMonth: 120,
    });
    expect(bridge.numberOfPayments).toBe(120);
    expect(bridge.balloonAmount).toBe('2559030.47');
  });

  it('AmortizationResult, AmortizationRow and AmortizeInput @examples', () => {
    const terms: AmortizeInput = { principal: '300000.00', annualRate: '0.065', termMonths: 360 };
    const { payment, numberOfPayments, totalInterest, schedule } = amortize(terms);
    expect([payment, numberOfPayments, totalInterest]).toEqual(['1896.20', 360, '382636.71']);
    const row: AmortizationRow = {
      period: 1,
      payment: '1896.20',
      interest: '1625.00',
      principal: '271.20',
      extraPrincipal: '0.00',
      balance: '299728.80',
    };
    expect(schedule[0]).toEqual(row);
  });

  it('Prepayment and RateReset @examples are accepted as documented', () => {
    const lumpSum: Prepayment = { period: 12, amount: '10000.00' };
    const reset: RateReset = { period: 61, annualRate: '0.0725' };
    const loan = amortize({
      principal: '300000.00',
      annualRate: '0.065',
      termMonths: 360,
      prepayments: [lumpSum],
      rateResets: [reset],
    });
    expect(loan.schedule[11]?.extraPrincipal).toBe('10000.00');
    expect(loan.schedule[60]?.payment).not.toBe(loan.schedule[59]?.payment);
  });

  it('MAX_TERM_MONTHS @example', () => {
    expect(() =>
      amortize({ principal: '1000.00', annualRate: 0.05, termMonths: MAX_TERM_MONTHS + 1 }),
    ).toThrow(ValidationError);
    const longest = amortize({ principal: '12000.00', annualRate: 0, termMonths: MAX_TERM_MONTHS });
    expect([longest.payment, longest.numberOfPayments]).toEqual(['10.00', 1200]);
  });

  it('loanBalanceAt @example', () => {
    const terms = { principal: '300000.00', annualRate: '0.065', termMonths: 360 };
    expect(loanBalanceAt({ ...terms, period: 3 })).toBe('299181.98');
    expect(loanBalanceAt({ ...terms, period: 0 })).toBe('300000.00');
  });

  it('InterestBasis and INTEREST_BASES @examples', () => {
    const loan = amortize({
      principal: '1000000.00',
      annualRate: '0.06',
      termMonths: 120,
      startDate: '2025-01-01',
      interestBasis: 'actual/360',
    });
    expect(loan.schedule[0]?.interest).toBe('5166.67');
    expect(loan.payment).toBe('11102.05');
    expect(INTEREST_BASES).toEqual(['30/360', 'actual/360', 'actual/365']);
  });
});

describe('amortize: behaviour', () => {
  it('rounds interest and the payment half-up on exact half cents (not half-even)', () => {
    // 3 / 6 months = 0.5 cents exactly, rounds up to 0.01
    const zero = amortize({ principal: '0.03', annualRate: 0, termMonths: 6 });
    expect(zero.payment).toBe('0.01');
    // 0.125 × 0.06 / 12 = 0.000625 → 0.00; 1.00 × 0.06/12 = 0.005 → 0.01
    const tie = amortize({ principal: '1.00', annualRate: '0.06', termMonths: 12 });
    expect(tie.schedule[0]?.interest).toBe('0.01');
  });

  it('accepts the rate as a number and as a decimal string with the same result', () => {
    const a = amortize({ principal: '250000.00', annualRate: 0.0725, termMonths: 300 });
    const b = amortize({ principal: '250000.00', annualRate: '0.0725', termMonths: 300 });
    expect(a).toEqual(b);
  });

  it('dates each payment startDate + period months, clamping month ends', () => {
    const loan = amortize({
      principal: '1000.00',
      annualRate: '0.05',
      termMonths: 4,
      startDate: '2024-01-31',
    });
    expect(loan.schedule.map((r) => r.date)).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
    expect(Object.keys(loan.schedule[0] ?? {})).toEqual([
      'period',
      'date',
      'payment',
      'interest',
      'principal',
      'extraPrincipal',
      'balance',
    ]);
    const undated = amortize({ principal: '1000.00', annualRate: '0.05', termMonths: 4 });
    expect('date' in (undated.schedule[0] ?? {})).toBe(false);
  });

  it('counts actual days on the actual bases', () => {
    const terms = {
      principal: '1000000.00',
      annualRate: '0.073',
      termMonths: 12,
      startDate: '2023-02-01',
    } as const;
    const a360 = amortize({ ...terms, interestBasis: 'actual/360' });
    const a365 = amortize({ ...terms, interestBasis: 'actual/365' });
    const t30 = amortize({ ...terms, interestBasis: '30/360' });
    // February 2023 has 28 days
    expect(a360.schedule[0]?.interest).toBe('5677.78'); // 1e6 × 0.073 × 28/360 = 5677.777…
    expect(a365.schedule[0]?.interest).toBe('5600.00'); // 1e6 × 0.073 × 28/365
    expect(t30.schedule[0]?.interest).toBe('6083.33');
    expect(a360.payment).toBe(t30.payment);
    expect(a360.schedule.at(-1)?.balance).toBe('0.00');
    // a 365-day year at 360 costs more interest than 30/360
    expect(new D(a360.totalInterest).gt(t30.totalInterest)).toBe(true);
  });

  it('re-amortises the balance over the months left at a rate reset', () => {
    const loan = amortize({
      principal: '200000.00',
      annualRate: '0.05',
      termMonths: 360,
      rateResets: [{ period: 61, annualRate: '0.07' }],
    });
    const before = loan.schedule[59]?.balance as string;
    expect(loan.schedule[60]?.payment).toBe(money(referenceLevel(new D(before), new D('0.07'), 300)));
    expect(loan.schedule[60]?.interest).toBe(money(new D(before).times('0.07').dividedBy(12)));
    expect(loan.payment).toBe('1073.64');
    expect(loan.numberOfPayments).toBe(360);
  });

  it('a reset inside the interest-only period sets the rate of the first level payment', () => {
    const loan = amortize({
      principal: '100000.00',
      annualRate: '0.04',
      termMonths: 120,
      interestOnlyMonths: 12,
      rateResets: [{ period: 7, annualRate: '0.06' }],
    });
    expect(loan.schedule[5]?.payment).toBe('333.33');
    expect(loan.schedule[6]?.payment).toBe('500.00');
    expect(loan.payment).toBe(money(referenceLevel(new D(100000), new D('0.06'), 108)));
  });

  it('applies one-off prepayments, including during interest-only months', () => {
    const loan = amortize({
      principal: '100000.00',
      annualRate: '0.06',
      termMonths: 120,
      interestOnlyMonths: 12,
      extraPrincipal: '100.00',
      prepayments: [
        { period: 6, amount: '10000.00' },
        { period: 6, amount: '5000.00' },
        { period: 20, amount: '1000.00' },
      ],
    });
    const io = loan.schedule[5] as AmortizationRow;
    expect(io).toMatchObject({ payment: '15500.00', interest: '500.00', principal: '15000.00' });
    expect(io.extraPrincipal).toBe('15000.00');
    expect(loan.schedule[11]?.extraPrincipal).toBe('0.00'); // monthly extra not applied in IO months
    expect(loan.schedule[12]?.extraPrincipal).toBe('100.00');
    expect(loan.schedule[19]?.extraPrincipal).toBe('1100.00');
    // the level payment amortises the balance left after the interest-only period
    expect(loan.payment).toBe(money(referenceLevel(new D(85000), new D('0.06'), 108)));
  });

  it('ends early when extra principal pays the loan off, and a prepayment can retire it at once', () => {
    const loan = amortize({
      principal: '10000.00',
      annualRate: '0.05',
      termMonths: 60,
      prepayments: [{ period: 3, amount: '50000.00' }],
    });
    expect(loan.numberOfPayments).toBe(3);
    const last = loan.schedule[2] as AmortizationRow;
    expect(last.balance).toBe('0.00');
    expect(cents(last.payment)).toBe(cents(last.interest) + cents(last.principal));
    expect(new D(last.extraPrincipal).lt(last.principal)).toBe(true);
  });

  it('has no balloonAmount without a balloon, or when the loan pays off before it', () => {
    expect('balloonAmount' in amortize({ principal: '1000.00', annualRate: '0.05', termMonths: 12 })).toBe(
      false,
    );
    const early = amortize({
      principal: '1000.00',
      annualRate: '0.05',
      termMonths: 12,
      balloonMonth: 10,
      extraPrincipal: '500.00',
    });
    expect(early.numberOfPayments).toBe(2);
    expect('balloonAmount' in early).toBe(false);
    const atTerm = amortize({
      principal: '300000.00',
      annualRate: '0.065',
      termMonths: 360,
      balloonMonth: 360,
    });
    expect(atTerm.balloonAmount).toBe('4.71'); // 1900.91 − 1896.20
  });

  it('handles a one-month loan and a zero-payment level (a tiny loan over a long term)', () => {
    expect(amortize({ principal: '1000.00', annualRate: '0.12', termMonths: 1 }).schedule).toEqual([
      {
        period: 1,
        payment: '1010.00',
        interest: '10.00',
        principal: '1000.00',
        extraPrincipal: '0.00',
        balance: '0.00',
      },
    ]);
    const tiny = amortize({ principal: '1.00', annualRate: 0, termMonths: 360 });
    expect(tiny.payment).toBe('0.00');
    expect(tiny.finalPayment).toBe('1.00');
    expect(tiny.numberOfPayments).toBe(360);
  });

  it('stays exact for huge principals and long-digit rates (bigint paths)', () => {
    const input: AmortizeInput = {
      principal: '10000000000000.00',
      annualRate: 0.1 + 0.2, // 0.30000000000000004
      termMonths: 24,
    };
    const loan = amortize(input);
    const ref = referenceAmortize(input);
    expect(loan.payment).toBe(ref.payment);
    expect(loan.schedule.map(({ period: _p, date: _d, ...row }) => row)).toEqual(ref.rows);
  });

  it('reports an amount beyond ±2^53 − 1 cents as a CalculationError, never a wrong number', () => {
    let caught: unknown;
    try {
      amortize({
        principal: '90000000000000.00',
        annualRate: '5',
        termMonths: 1200,
        interestOnlyMonths: 1199,
      });
    } catch (error) {
      caught = error;
    }
    expect(isFreeholdError(caught, 'CALCULATION')).toBe(true);
  });
});

describe('loanBalanceAt', () => {
  const terms: AmortizeInput = {
    principal: '500000.00',
    annualRate: '0.0615',
    termMonths: 360,
    interestOnlyMonths: 24,
    balloonMonth: 120,
    extraPrincipal: '250.00',
  };

  it('matches the schedule of amortize at every period', () => {
    const { schedule } = amortize(terms);
    for (const period of [1, 2, 23, 24, 25, 60, 119, 120]) {
      expect(loanBalanceAt({ ...terms, period })).toBe(schedule[period - 1]?.balance);
    }
  });

  it('is 0.00 after the final payment and the principal at period 0', () => {
    expect(loanBalanceAt({ ...terms, period: 500 })).toBe('0.00');
    expect(loanBalanceAt({ ...terms, period: 0 })).toBe('500000.00');
  });

  it('rejects a period that is not an integer ≥ 0', () => {
    expect(() => loanBalanceAt({ ...terms, period: -1 })).toThrow(ValidationError);
    expect(() => loanBalanceAt({ ...terms, period: 1.5 })).toThrow(/period/);
  });
});

describe('amortize: validation', () => {
  const base: AmortizeInput = { principal: '100000.00', annualRate: '0.05', termMonths: 120 };
  const cases: [string, Partial<Record<keyof AmortizeInput, unknown>>, string][] = [
    ['negative term', { termMonths: -12 }, 'termMonths'],
    ['zero term', { termMonths: 0 }, 'termMonths'],
    ['non-integer term', { termMonths: 12.5 }, 'termMonths'],
    ['term beyond 100 years', { termMonths: MAX_TERM_MONTHS + 1 }, 'termMonths'],
    ['term as a string', { termMonths: '360' }, 'termMonths'],
    ['rate of −100 %', { annualRate: -1 }, 'annualRate'],
    ['rate below −100 %', { annualRate: '-1.5' }, 'annualRate'],
    ['NaN rate', { annualRate: Number.NaN }, 'annualRate'],
    ['infinite rate', { annualRate: Number.POSITIVE_INFINITY }, 'annualRate'],
    ['malformed rate string', { annualRate: '6.5%' }, 'annualRate'],
    ['rate with 31 decimals', { annualRate: `0.${'0'.repeat(30)}1` }, 'annualRate'],
    ['denormal float rate', { annualRate: 5e-324 }, 'annualRate'],
    ['malformed principal', { principal: '1,000.00' }, 'principal'],
    ['principal with 3 decimals', { principal: '1000.005' }, 'principal'],
    ['principal as a number', { principal: 1000 }, 'principal'],
    ['negative principal', { principal: '-1000.00' }, 'principal'],
    ['zero principal', { principal: '0.00' }, 'principal'],
    ['IO as long as the term', { interestOnlyMonths: 120 }, 'interestOnlyMonths'],
    ['negative IO', { interestOnlyMonths: -1 }, 'interestOnlyMonths'],
    ['balloon 0', { balloonMonth: 0 }, 'balloonMonth'],
    ['balloon after term', { balloonMonth: 121 }, 'balloonMonth'],
    ['negative extra', { extraPrincipal: '-5.00' }, 'extraPrincipal'],
    ['extra with 3 decimals', { extraPrincipal: '5.001' }, 'extraPrincipal'],
    ['impossible start date', { startDate: '2025-02-30' }, 'startDate'],
    ['actual/360 without a start date', { interestBasis: 'actual/360' }, 'startDate'],
    ['actual/365 without a start date', { interestBasis: 'actual/365' }, 'startDate'],
    ['unknown basis', { interestBasis: '30E/360' }, 'interestBasis'],
    ['reset period 0', { rateResets: [{ period: 0, annualRate: '0.06' }] }, 'rateResets.0.period'],
    ['reset after the term', { rateResets: [{ period: 121, annualRate: '0.06' }] }, 'rateResets.0.period'],
    [
      'reset after the balloon',
      { balloonMonth: 60, rateResets: [{ period: 61, annualRate: '0.06' }] },
      'rateResets.0.period',
    ],
    [
      'resets out of order',
      {
        rateResets: [
          { period: 24, annualRate: '0.06' },
          { period: 12, annualRate: '0.07' },
        ],
      },
      'rateResets.1.period',
    ],
    ['reset rate ≤ −1', { rateResets: [{ period: 12, annualRate: -2 }] }, 'rateResets.0.annualRate'],
    [
      'prepayment outside the loan',
      { prepayments: [{ period: 500, amount: '10.00' }] },
      'prepayments.0.period',
    ],
    ['prepayment of 0', { prepayments: [{ period: 5, amount: '0.00' }] }, 'prepayments.0.amount'],
    ['prepayments not a list', { prepayments: { period: 5, amount: '1.00' } }, 'prepayments'],
  ];

  it.each(cases)('%s → ValidationError naming the field', (_name, patch, field) => {
    let caught: unknown;
    try {
      amortize({ ...base, ...patch } as AmortizeInput);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).fields).toContain(field);
    expect((caught as ValidationError).code).toBe('VALIDATION');
  });

  it('names every failing field at once', () => {
    let caught: unknown;
    try {
      amortize({ principal: 'x', annualRate: -3, termMonths: -1 });
    } catch (error) {
      caught = error;
    }
    expect((caught as ValidationError).fields).toEqual(['principal', 'annualRate', 'termMonths']);
  });

  it('rejects a non-object input', () => {
    expect(() => amortize(null as unknown as AmortizeInput)).toThrow(ValidationError);
  });

  it('reads null optional fields as absent', () => {
    expect(
      amortize({
        ...base,
        balloonMonth: null,
        interestOnlyMonths: null,
        startDate: null,
        extraPrincipal: null,
        prepayments: null,
        rateResets: null,
        interestBasis: null,
      }),
    ).toEqual(amortize(base));
  });
});

describe('amortize: properties', () => {
  const runs = { numRuns: 300 };

  it('matches the plain-Decimal reference of the convention row by row', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const loan = amortize(input);
        const ref = referenceAmortize(input);
        expect(loan.payment).toBe(ref.payment);
        expect(loan.schedule.map(({ period: _p, date: _d, ...row }) => row)).toEqual(ref.rows);
        expect(loan.balloonAmount).toBe(ref.balloon);
      }),
      runs,
    );
  });

  it('principal parts (extra and final included) sum exactly to the loan; the balance ends at 0.00', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const loan = amortize(input);
        expect(sum(loan.schedule, 'principal')).toBe(cents(input.principal));
        expect(loan.schedule.at(-1)?.balance).toBe('0.00');
        expect(loan.numberOfPayments).toBe(loan.schedule.length);
        expect(loan.finalPayment).toBe(loan.schedule.at(-1)?.payment);
      }),
      runs,
    );
  });

  it('total paid = principal + total interest exactly; each payment = interest + principal', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const loan: AmortizationResult = amortize(input);
        expect(cents(loan.totalPaid)).toBe(cents(input.principal) + cents(loan.totalInterest));
        expect(sum(loan.schedule, 'payment')).toBe(cents(loan.totalPaid));
        expect(sum(loan.schedule, 'interest')).toBe(cents(loan.totalInterest));
        const thirty = (input.interestBasis ?? '30/360') === '30/360';
        for (const row of loan.schedule) {
          expect(cents(row.payment)).toBe(cents(row.interest) + cents(row.principal));
          expect(cents(row.extraPrincipal) >= 0n).toBe(true);
          // (on the actual bases a long month's interest can exceed the level payment)
          if (thirty) expect(cents(row.extraPrincipal) <= cents(row.principal)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('the balance is never negative and, on 30/360, never rises — with or without rate resets', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const loan = amortize(input);
        let previous = cents(input.principal);
        for (const row of loan.schedule) {
          const balance = cents(row.balance);
          expect(balance >= 0n).toBe(true);
          expect(previous - balance).toBe(cents(row.principal));
          if ((input.interestBasis ?? '30/360') === '30/360') expect(balance <= previous).toBe(true);
          previous = balance;
        }
      }),
      runs,
    );
  });

  it('on the actual bases the balance rises only in a month whose interest exceeds its payment', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const loan = amortize(input);
        for (const row of loan.schedule) {
          if (cents(row.principal) < 0n) {
            expect(input.interestBasis).not.toBe('30/360');
            expect(cents(row.interest) > cents(row.payment)).toBe(true);
          }
        }
      }),
      runs,
    );
  });

  it('interest-only months pay exactly their interest (plus any one-off prepayment)', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const loan = amortize(input);
        const io = input.interestOnlyMonths ?? 0;
        for (const row of loan.schedule.slice(0, Math.min(io, loan.numberOfPayments - 1))) {
          const prepaid = (input.prepayments ?? []).some((x) => x.period === row.period);
          if (!prepaid) {
            expect(row.payment).toBe(row.interest);
            expect(row.principal).toBe('0.00');
          }
        }
      }),
      runs,
    );
  });

  it('never mutates its input and is deterministic', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const copy = structuredClone(input);
        const frozen = deepFreeze(structuredClone(input));
        const a = amortize(frozen);
        expect(frozen).toEqual(copy);
        expect(amortize(input)).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('loanBalanceAt agrees with the schedule at a random period', () => {
    fc.assert(
      fc.property(loanArb, fc.double({ min: 0, max: 1.2, noNaN: true }), (input, at) => {
        const loan = amortize(input);
        const period = Math.floor(at * loan.numberOfPayments);
        const expected = period === 0 ? input.principal : (loan.schedule[period - 1]?.balance ?? '0.00');
        expect(loanBalanceAt({ ...input, period })).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});
