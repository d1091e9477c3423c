/**
 * `npm run demo` until the CLI lands: a sample rental property with a loan, its amortization summary and its
 * metrics, printed as readable tables. Deterministic: no clock, no randomness.
 */
import { amortize, irr, pmt, propertyMetrics, sumMoney } from '@freehold/engine';

type Row = Record<string, string>;

function table(title: string, rows: Row[]): string {
  const headers = Object.keys(rows[0] ?? {});
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => (r[h] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [
    `\n${title}`,
    line(headers),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map((r) => line(headers.map((h) => r[h] ?? ''))),
  ].join('\n');
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

// A fourplex bought for 640,000 with 25 % down and a 30-year fixed loan at 6.5 %.
const purchasePrice = '640000.00';
const loan = amortize({
  principal: '480000.00',
  annualRate: '0.065',
  termMonths: 360,
  startDate: '2025-02-01',
});
const year1 = loan.schedule.slice(0, 12);

const transactions = [];
for (let month = 1; month <= 12; month++) {
  const date = `2025-${String(month).padStart(2, '0')}-05`;
  const occupiedUnits = month === 7 || month === 8 ? 3 : 4; // one unit turned over in summer
  transactions.push({
    date,
    amount: (occupiedUnits * 1950).toFixed(2),
    category: 'rent',
    kind: 'income' as const,
  });
  transactions.push({ date, amount: '-420.00', category: 'taxes', kind: 'operating_expense' as const });
  transactions.push({ date, amount: '-185.00', category: 'insurance', kind: 'operating_expense' as const });
  transactions.push({
    date,
    amount: month % 3 === 0 ? '-1350.00' : '-310.00',
    category: 'repairs',
    kind: 'operating_expense' as const,
  });
  transactions.push({
    date,
    amount: '-624.00',
    category: 'management fees',
    kind: 'operating_expense' as const,
  });
  const row = loan.schedule[month - 1];
  if (row) {
    transactions.push({
      date,
      amount: `-${row.interest}`,
      category: 'mortgage interest',
      kind: 'debt_service_interest' as const,
    });
    transactions.push({
      date,
      amount: `-${row.principal}`,
      category: 'mortgage principal',
      kind: 'debt_service_principal' as const,
    });
  }
}

const metrics = propertyMetrics({
  period: { from: '2025-01', to: '2025-12' },
  transactions,
  units: [1, 2, 3, 4].map((n) => ({ id: `unit-${n}`, marketRent: '1950.00', status: 'occupied' as const })),
  purchasePrice,
  currentValue: '675000.00',
  totalCashInvested: '172000.00',
  loans: [{ balance: loan.schedule[11]?.balance ?? '0.00', monthlyPayment: loan.payment }],
});

// Ten-year hold: 160,000 down + 12,000 closing, growing cash flow, sale at year 10 net of the loan.
const flows = [-172000];
for (let year = 1; year <= 10; year++) flows.push(Number(metrics.cashFlowBeforeTax) * 1.03 ** (year - 1));
flows[10] = (flows[10] ?? 0) + 640000 * 1.03 ** 10 * 0.94 - 405000;

console.log('Freehold demo — 4 Elm Street, a fourplex (deterministic sample data)');
console.log(
  table('Loan: 480,000.00 at 6.50 %, 30 years (amortized to the cent)', [
    { item: 'monthly payment', value: loan.payment },
    { item: 'check: pmt() float', value: (-pmt(0.065 / 12, 360, 480000)).toFixed(2) },
    { item: 'payments', value: String(loan.numberOfPayments) },
    { item: 'total interest', value: loan.totalInterest },
    { item: 'final payment', value: loan.finalPayment },
    { item: 'year-1 interest', value: sumMoney(year1.map((row) => row.interest)) },
    { item: 'year-1 principal', value: sumMoney(year1.map((row) => row.principal)) },
    { item: 'balance after year 1', value: loan.schedule[11]?.balance ?? '' },
  ]),
);
console.log(
  table('Operating metrics, 2025', [
    { metric: 'gross potential rent', value: metrics.grossPotentialRent },
    { metric: 'vacancy and credit loss', value: metrics.vacancyAndCreditLoss },
    { metric: 'effective gross income', value: metrics.effectiveGrossIncome },
    { metric: 'operating expenses', value: metrics.operatingExpenses },
    { metric: 'net operating income', value: metrics.netOperatingIncome },
    { metric: 'debt service', value: metrics.debtService },
    { metric: 'cash flow before tax', value: metrics.cashFlowBeforeTax },
    { metric: `cap rate (${metrics.conventions.capRateBasis})`, value: pct(metrics.capRate) },
    { metric: 'cap rate (current value)', value: pct(metrics.capRateByBasis.current_value) },
    { metric: 'cash-on-cash', value: pct(metrics.cashOnCash) },
    { metric: `DSCR (${metrics.conventions.dscr})`, value: num(metrics.debtServiceCoverageRatio) },
    { metric: 'loan-to-value', value: pct(metrics.loanToValue) },
    { metric: 'operating expense ratio', value: pct(metrics.operatingExpenseRatio) },
    { metric: 'break-even ratio', value: pct(metrics.breakEvenRatio) },
    { metric: 'physical occupancy', value: pct(metrics.physicalOccupancy) },
    { metric: 'economic occupancy', value: pct(metrics.economicOccupancy) },
    { metric: 'equity', value: metrics.equity ?? '—' },
  ]),
);
console.log(
  table('Ten-year hold (3 % growth, sale at year 10)', [{ measure: 'IRR', value: pct(irr(flows)) }]),
);
