/**
 * The dashboard as readable tables: the portfolio's KPIs, then one line per property with the portfolio total
 * underneath. Money keeps its exact digits (whole units in the wide table), ratios show as percentages and
 * multiples, and a dash marks a ratio that is undefined.
 * @module
 */
import type { Dashboard, DashboardKpis, Portfolio } from '@freehold/engine';
import {
  displayMoney,
  displayMultiple,
  displayPercent,
  displayWholeMoney,
  MISSING,
} from '../output/display-numbers.js';
import { renderPairs, renderTable } from '../output/table.js';
import type { TextStyle } from '../output/text-style.js';

/** Red when negative. */
function signed(amount: string, text: string, style: TextStyle): string {
  return amount.startsWith('-') ? style.red(text) : text;
}

/** DSCR coloured: red below 1.00 (cash flow cannot cover the debt), yellow below 1.25 (a common covenant). */
function coverage(ratio: number | null, style: TextStyle): string {
  const text = displayMultiple(ratio);
  if (ratio === null) return text;
  return ratio < 1 ? style.red(text) : ratio < 1.25 ? style.yellow(text) : text;
}

/** The heading line of a dashboard. */
export function dashboardHeading(portfolio: Portfolio, dashboard: Dashboard, label: string): string {
  const { from, to, months } = dashboard.period;
  return `${portfolio.name} — ${label}: ${from} to ${to} (${months} months, ${dashboard.currency})`;
}

/** The portfolio KPIs as label/value lines. */
export function renderPortfolioKpis(totals: DashboardKpis, style: TextStyle): string {
  return renderPairs(
    'Portfolio',
    [
      ['Income', displayMoney(totals.income)],
      ['Operating expenses', displayMoney(totals.operatingExpenses)],
      [
        'Net operating income',
        signed(totals.netOperatingIncome, displayMoney(totals.netOperatingIncome), style),
      ],
      ['Debt service', displayMoney(totals.debtService)],
      ['Capital expenditures', displayMoney(totals.capitalExpenditures)],
      ['Cash flow', signed(totals.cashFlow, displayMoney(totals.cashFlow), style)],
      ['Cap rate (current value)', displayPercent(totals.capRate, 2)],
      ['Cap rate (purchase price)', displayPercent(totals.capRateOnPurchasePrice, 2)],
      ['Cash-on-cash return', displayPercent(totals.cashOnCash, 2)],
      ['DSCR', coverage(totals.debtServiceCoverageRatio, style)],
      ['Physical occupancy', displayPercent(totals.physicalOccupancy)],
      ['Economic occupancy', displayPercent(totals.economicOccupancy)],
      ['Current value', displayMoney(totals.currentValue)],
    ],
    style,
  );
}

function kpiCells(kpis: DashboardKpis, style: TextStyle): string[] {
  return [
    displayWholeMoney(kpis.income),
    displayWholeMoney(kpis.operatingExpenses),
    signed(kpis.netOperatingIncome, displayWholeMoney(kpis.netOperatingIncome), style),
    displayWholeMoney(kpis.debtService),
    signed(kpis.cashFlow, displayWholeMoney(kpis.cashFlow), style),
    displayPercent(kpis.capRate),
    displayPercent(kpis.cashOnCash),
    coverage(kpis.debtServiceCoverageRatio, style),
    displayPercent(kpis.physicalOccupancy, 0),
  ];
}

/** One line per property and the portfolio total. */
export function renderPropertyTable(dashboard: Dashboard, style: TextStyle): string {
  const right = 'right' as const;
  return renderTable(
    {
      title: `By property (${dashboard.currency}; cap rate on current value; cash flow after debt service and capex)`,
      columns: [
        { header: 'Property' },
        { header: 'Income', align: right },
        { header: 'OpEx', align: right },
        { header: 'NOI', align: right },
        { header: 'Debt svc', align: right },
        { header: 'Cash flow', align: right },
        { header: 'Cap', align: right },
        { header: 'CoC', align: right },
        { header: 'DSCR', align: right },
        { header: 'Occ.', align: right },
      ],
      rows: [...dashboard.properties]
        .sort((a, b) => a.name.localeCompare(b.name, 'en'))
        .map((line) => [line.name, ...kpiCells(line, style)]),
      footer: [['Portfolio', ...kpiCells(dashboard.totals, style)]],
    },
    style,
  );
}

/** The whole dashboard: heading, portfolio KPIs, property table. */
export function renderDashboard(
  portfolio: Portfolio,
  dashboard: Dashboard,
  label: string,
  style: TextStyle,
): string {
  const parts = [
    style.cyan(style.bold(dashboardHeading(portfolio, dashboard, label))),
    '',
    renderPortfolioKpis(dashboard.totals, style),
  ];
  if (dashboard.properties.length > 0) parts.push('', renderPropertyTable(dashboard, style));
  else parts.push('', style.dim(`No properties yet ${MISSING} add some, or import a snapshot.`));
  return parts.join('\n');
}

/** The dashboard as the JSON document of `--json`. */
export function dashboardJson(portfolio: Portfolio, dashboard: Dashboard): unknown {
  return {
    portfolio: { id: portfolio.id, name: portfolio.name, currency: portfolio.currency },
    ...dashboard,
  };
}
