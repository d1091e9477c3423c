/**
 * Runs every case of `fixtures/amortization-vectors.json` (a copy of `../shared/conformance/`) through
 * `amortize()`: amounts must be identical to the cent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AmortizationRow, type AmortizeInput, amortize } from '../src/finance/amortize.js';

interface FixtureRow {
  readonly month: number;
  readonly payment: string;
  readonly interest: string;
  readonly principal: string;
  readonly balance: string;
}

interface FixtureInputs {
  readonly principal: string;
  readonly annual_rate: string;
  readonly term_months: number;
  readonly io_months: number;
  readonly balloon_month: number | null;
  readonly extra_principal: string;
}

interface FixtureCase {
  readonly kind: 'case';
  readonly id: string;
  readonly note: string;
  readonly inputs: FixtureInputs & Readonly<Record<string, unknown>>;
  readonly expected: {
    readonly payment: string;
    readonly payment_cents: number;
    readonly io_payment: string | null;
    readonly num_payments: number;
    readonly total_interest: string;
    readonly total_interest_cents: number;
    readonly total_paid: string;
    readonly final_payment: string;
    readonly final_payment_cents: number;
    readonly final_balance: string;
    readonly balloon_amount?: string;
    readonly schedule_head: readonly FixtureRow[];
    readonly schedule_tail: readonly FixtureRow[];
  };
  readonly half_up_ties: number;
  readonly contrast_half_even: {
    readonly payment_if_half_even: string;
    readonly total_interest_if_half_even: string;
    readonly final_payment_if_half_even: string;
  };
}

interface FixtureConvention {
  readonly kind: 'convention';
  readonly rounding: string;
  readonly monthly_rate: string;
  readonly level_payment: string;
  readonly interest_only: string;
  readonly each_month: string;
  readonly final_payment: string;
  readonly balloon_month: string;
}

const vectors = JSON.parse(
  readFileSync(new URL('./fixtures/amortization-vectors.json', import.meta.url), 'utf8'),
) as readonly [FixtureConvention, ...FixtureCase[]];
const [convention, ...cases] = vectors;

/** Fixture input names and the `amortize()` option each maps to (conformance/README.md). */
const INPUT_MAP: Readonly<Record<keyof FixtureInputs, keyof AmortizeInput>> = {
  principal: 'principal',
  annual_rate: 'annualRate',
  term_months: 'termMonths',
  io_months: 'interestOnlyMonths',
  balloon_month: 'balloonMonth',
  extra_principal: 'extraPrincipal',
};

function toInput(inputs: FixtureInputs): AmortizeInput {
  return {
    principal: inputs.principal,
    annualRate: inputs.annual_rate,
    termMonths: inputs.term_months,
    interestOnlyMonths: inputs.io_months,
    balloonMonth: inputs.balloon_month,
    extraPrincipal: inputs.extra_principal,
  };
}

const asFixtureRow = (row: AmortizationRow | undefined): FixtureRow | undefined =>
  row && {
    month: row.period,
    payment: row.payment,
    interest: row.interest,
    principal: row.principal,
    balance: row.balance,
  };

const cents = (value: string): number => Number(value.replace('.', ''));

describe('amortization conformance vectors', () => {
  it('element 0 states the convention amortize() implements', () => {
    expect(convention.kind).toBe('convention');
    expect(convention.rounding).toMatch(/ROUND_HALF_UP to the cent/);
    expect(convention.rounding).toMatch(/interest and to the level payment/);
    expect(convention.monthly_rate).toMatch(/annual_rate \/ 12, not rounded/);
    expect(convention.level_payment).toMatch(/unchanged after the interest-only phase/);
    expect(convention.interest_only).toMatch(/extra principal is not applied during IO months/);
    expect(convention.final_payment).toMatch(/interest \+ remaining balance/);
    expect(convention.balloon_month).toMatch(/balloon_amount = final payment - the regular payment/);
    expect(cases.length).toBeGreaterThan(0);
  });

  it('every case uses only inputs amortize() can map', () => {
    for (const c of cases) {
      expect(c.kind).toBe('case');
      expect(Object.keys(c.inputs).filter((key) => !(key in INPUT_MAP))).toEqual([]);
    }
  });

  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const loan = amortize(toInput(c.inputs));
    const e = c.expected;

    it(`level payment, count and totals (${c.note})`, () => {
      expect(loan.payment).toBe(e.payment);
      expect(cents(loan.payment)).toBe(e.payment_cents);
      expect(loan.numberOfPayments).toBe(e.num_payments);
      expect(loan.schedule).toHaveLength(e.num_payments);
      expect(loan.totalInterest).toBe(e.total_interest);
      expect(cents(loan.totalInterest)).toBe(e.total_interest_cents);
      expect(loan.totalPaid).toBe(e.total_paid);
      expect(loan.finalPayment).toBe(e.final_payment);
      expect(cents(loan.finalPayment)).toBe(e.final_payment_cents);
      expect(loan.schedule.at(-1)?.balance).toBe(e.final_balance);
    });

    it('interest-only payment and balloon amount', () => {
      if (e.io_payment === null) {
        expect(c.inputs.io_months).toBe(0);
      } else {
        expect(loan.schedule[0]?.payment).toBe(e.io_payment);
      }
      expect(loan.balloonAmount).toBe(e.balloon_amount);
    });

    it('first and last three schedule rows', () => {
      expect(loan.schedule.slice(0, e.schedule_head.length).map(asFixtureRow)).toEqual(e.schedule_head);
      expect(loan.schedule.slice(-e.schedule_tail.length).map(asFixtureRow)).toEqual(e.schedule_tail);
    });

    it('rounds half-up, not half-even, where the two differ', () => {
      const h = c.contrast_half_even;
      const differs =
        h.payment_if_half_even !== e.payment ||
        h.total_interest_if_half_even !== e.total_interest ||
        h.final_payment_if_half_even !== e.final_payment;
      if (c.half_up_ties > 0 || differs) {
        expect([loan.payment, loan.totalInterest, loan.finalPayment]).toEqual([
          e.payment,
          e.total_interest,
          e.final_payment,
        ]);
        expect(differs).toBe(true);
      }
    });
  });
});
