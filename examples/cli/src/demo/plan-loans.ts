/**
 * Loans and their payments: the loan record as the services take it, and its interest and principal
 * transactions taken row by row from the engine's own `amortize()` schedule — to the cent, never estimated.
 * @module
 */
import { type AmortizeInput, amortize, type DateString, Decimal } from '@freehold/engine';
import type { CatalogLoan } from './demo-catalog.js';
import type { DemoLedger } from './demo-ledger.js';
import type { PlannedLoan } from './demo-plan.js';

/** The terms `amortize` needs for a catalog loan funded on `startDate`. */
export function amortizeTerms(loan: CatalogLoan, startDate: DateString): AmortizeInput {
  return {
    principal: loan.amount,
    annualRate: loan.annualRate,
    termMonths: loan.amortizationMonths ?? loan.termMonths,
    startDate,
    interestOnlyMonths: loan.interestOnlyMonths ?? 0,
    balloonMonth: loan.balloonMonth ?? null,
    rateResets: loan.rateResets ?? [],
    interestBasis: loan.interestBasis ?? '30/360',
  };
}

/** The planned loan record. */
export function planLoan(options: {
  readonly key: string;
  readonly propertyKey: string;
  readonly lenderKey: string;
  readonly loan: CatalogLoan;
  readonly startDate: DateString;
}): PlannedLoan {
  const { loan } = options;
  return {
    key: options.key,
    refs: { propertyId: options.propertyKey, lenderContactId: options.lenderKey },
    input: {
      name: loan.name,
      kind: loan.kind,
      originalAmount: loan.amount,
      startDate: options.startDate,
      annualRate: loan.annualRate,
      termMonths: loan.termMonths,
      amortizationMonths: loan.amortizationMonths ?? null,
      interestOnlyMonths: loan.interestOnlyMonths ?? 0,
      balloonMonth: loan.balloonMonth ?? null,
      interestBasis: loan.interestBasis ?? '30/360',
      rateResets: loan.rateResets ? loan.rateResets.map((reset) => ({ ...reset })) : [],
      indexTerms: loan.indexTerms ? { ...loan.indexTerms } : null,
      covenants: { minDscr: loan.minDscr ?? null, maxLtv: loan.maxLtv ?? null },
      prepaymentPenalty: loan.stepDownPenalty
        ? { kind: 'step_down', schedule: [...loan.stepDownPenalty] }
        : null,
    },
  };
}

/**
 * Plans the loan's payments that fall within the ledger's history: one interest and one principal transaction
 * per payment, as `amortize` splits it. Returns the balance after the last payment on or before `asOf`.
 */
export function planLoanPayments(options: {
  readonly ledger: DemoLedger;
  readonly loan: CatalogLoan;
  readonly loanKey: string;
  readonly propertyKey: string;
  readonly lenderName: string;
  readonly startDate: DateString;
  readonly asOf: DateString;
}): Decimal {
  const { ledger, loanKey, propertyKey, lenderName } = options;
  const schedule = amortize(amortizeTerms(options.loan, options.startDate)).schedule;
  let balance = new Decimal(options.loan.amount);
  for (const row of schedule) {
    const date = row.date;
    if (date === undefined || date > options.asOf) break;
    balance = new Decimal(row.balance);
    const common = { date, property: propertyKey, loan: loanKey, payee: lenderName };
    ledger.add({
      ...common,
      amount: new Decimal(row.interest).negated(),
      category: 'mortgage_interest',
      memo: `Payment ${row.period}: interest`,
    });
    ledger.add({
      ...common,
      amount: new Decimal(row.principal).negated(),
      category: 'mortgage_principal',
      memo: `Payment ${row.period}: principal`,
    });
  }
  return balance;
}
