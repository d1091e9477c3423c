/**
 * Category kinds, the sign convention, and the default categories mapped to US Schedule E lines.
 *
 * **Sign convention.** A transaction's `amount` is signed: **positive = money in, negative = money out**,
 * from the owner's point of view. Rent received is `+1500.00`; a repair paid is `-250.00`; a refund of a
 * repair is `+40.00` in the repairs category. Sums per kind are therefore signed too: operating expenses
 * normally total a negative amount, and NOI = income + operating expenses (both signed).
 *
 * **Kinds.** Every category belongs to exactly one {@link CategoryKind}; metrics aggregate by kind, never by
 * category name, so users may add categories freely as long as each has a kind.
 * @module
 */

/** The closed set of category kinds (DATA-MODEL.md "Sign and category convention"). */
export const CATEGORY_KINDS = Object.freeze([
  'income',
  'operating_expense',
  'debt_service_interest',
  'debt_service_principal',
  'capital_expenditure',
  'capital_contribution',
  'capital_distribution',
  'acquisition',
  'disposition',
  'loan_proceeds',
  'security_deposit',
  'transfer',
] as const);

/** What a category is, economically; decides which metrics its transactions count in. */
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

/** True when `value` is one of {@link CATEGORY_KINDS}. */
export function isCategoryKind(value: unknown): value is CategoryKind {
  return typeof value === 'string' && (CATEGORY_KINDS as readonly string[]).includes(value);
}

/** A figure a category kind can count in. */
export type KindAggregate =
  | 'egi'
  | 'noi'
  | 'debt_service'
  | 'cash_flow'
  | 'capital_expenditure'
  | 'equity'
  | 'basis'
  | 'financing'
  | 'liabilities';

/** The usual direction of a kind's transactions: `in` (positive), `out` (negative) or `either`. */
export type TypicalSign = 'in' | 'out' | 'either';

/** What a category kind means and where it counts. */
export interface CategoryKindInfo {
  /** Human-readable name. */
  readonly label: string;
  /** The figures this kind's signed amounts are summed into. */
  readonly countsIn: readonly KindAggregate[];
  /** The usual sign of its amounts (a refund has the opposite sign and stays in the same category). */
  readonly typicalSign: TypicalSign;
}

/**
 * Where each kind counts (DATA-MODEL.md table).
 * - `cash_flow` is cash flow before tax and before capex: NOI − debt service.
 * - `capital_expenditure` is subtracted for "cash flow after capex"; NOI excludes it by default.
 * - security deposits are liabilities, never income; transfers count nowhere.
 */
export const CATEGORY_KIND_INFO: Readonly<Record<CategoryKind, CategoryKindInfo>> = {
  income: { label: 'Income', countsIn: ['egi', 'noi', 'cash_flow'], typicalSign: 'in' },
  operating_expense: { label: 'Operating expense', countsIn: ['noi', 'cash_flow'], typicalSign: 'out' },
  debt_service_interest: {
    label: 'Debt service: interest',
    countsIn: ['debt_service', 'cash_flow'],
    typicalSign: 'out',
  },
  debt_service_principal: {
    label: 'Debt service: principal',
    countsIn: ['debt_service', 'cash_flow'],
    typicalSign: 'out',
  },
  capital_expenditure: {
    label: 'Capital expenditure',
    countsIn: ['capital_expenditure'],
    typicalSign: 'out',
  },
  capital_contribution: { label: 'Owner contribution', countsIn: ['equity'], typicalSign: 'in' },
  capital_distribution: { label: 'Owner distribution', countsIn: ['equity'], typicalSign: 'out' },
  acquisition: { label: 'Acquisition', countsIn: ['basis'], typicalSign: 'out' },
  disposition: { label: 'Disposition', countsIn: ['basis'], typicalSign: 'in' },
  loan_proceeds: { label: 'Loan proceeds', countsIn: ['financing'], typicalSign: 'in' },
  security_deposit: { label: 'Security deposit', countsIn: ['liabilities'], typicalSign: 'either' },
  transfer: { label: 'Transfer', countsIn: [], typicalSign: 'either' },
};

/** The figures a kind's amounts count in (see {@link CATEGORY_KIND_INFO}). */
export function categoryKindCounts(kind: CategoryKind): readonly KindAggregate[] {
  return CATEGORY_KIND_INFO[kind].countsIn;
}

/** Income (rent, late fees, other income): counts in effective gross income and NOI. Normally positive. */
export function isIncome(kind: CategoryKind): boolean {
  return kind === 'income';
}

/** Operating expenses (repairs, insurance, taxes, utilities, management, HOA): count in NOI. Normally negative. */
export function isOperatingExpense(kind: CategoryKind): boolean {
  return kind === 'operating_expense';
}

/** Whether a kind counts in NOI: income and operating expenses only (NOI is before debt service and capex). */
export function countsInNoi(kind: CategoryKind): boolean {
  return kind === 'income' || kind === 'operating_expense';
}

/** Whether a kind counts in effective gross income: income only. */
export function countsInEgi(kind: CategoryKind): boolean {
  return kind === 'income';
}

/**
 * Debt service (mortgage interest and principal): the actual debt service of a period of transactions,
 * used by DSCR and cash flow. Normally negative.
 */
export function isDebtService(kind: CategoryKind): boolean {
  return kind === 'debt_service_interest' || kind === 'debt_service_principal';
}

/** Whether a kind counts in cash flow before tax (NOI − debt service); capex is excluded by default. */
export function countsInCashFlow(kind: CategoryKind): boolean {
  return countsInNoi(kind) || isDebtService(kind);
}

/** Capital expenditure (roof, rehab): outside NOI by default; subtracted for cash flow after capex. */
export function isCapitalExpenditure(kind: CategoryKind): boolean {
  return kind === 'capital_expenditure';
}

/** Owner money in (contribution, positive) or out (distribution, negative): equity and equity multiple. */
export function isEquityFlow(kind: CategoryKind): boolean {
  return kind === 'capital_contribution' || kind === 'capital_distribution';
}

/**
 * Flows of the investment's actual history used for its IRR and basis: acquisition (purchase price and
 * costs, negative), disposition (sale proceeds, positive), and owner contributions and distributions.
 */
export function isInvestmentFlow(kind: CategoryKind): boolean {
  return kind === 'acquisition' || kind === 'disposition' || isEquityFlow(kind);
}

/** Loan proceeds (loan funding, refinance cash-out; positive): financing flows, never income. */
export function isLoanProceeds(kind: CategoryKind): boolean {
  return kind === 'loan_proceeds';
}

/** Security deposits received (positive) or returned (negative): a liability, never income. */
export function isLiabilityFlow(kind: CategoryKind): boolean {
  return kind === 'security_deposit';
}

/** Transfers between the owner's own accounts: counted in nothing. */
export function isTransfer(kind: CategoryKind): boolean {
  return kind === 'transfer';
}

/** A line of US IRS Schedule E (Form 1040), Part I. */
export interface ScheduleELine {
  /** Line number on the form (3–19). */
  readonly line: number;
  /** The line's label as printed on the form. */
  readonly label: string;
}

/**
 * Schedule E, Part I, lines 3–19. Line 18 (depreciation) has no default category: depreciation is not a
 * cash transaction and is computed from each property's basis (purchase price + closing costs − land value).
 * Line 4 (royalties) has no default category either.
 */
export const SCHEDULE_E_LINES = [
  { line: 3, label: 'Rents received' },
  { line: 4, label: 'Royalties received' },
  { line: 5, label: 'Advertising' },
  { line: 6, label: 'Auto and travel' },
  { line: 7, label: 'Cleaning and maintenance' },
  { line: 8, label: 'Commissions' },
  { line: 9, label: 'Insurance' },
  { line: 10, label: 'Legal and other professional fees' },
  { line: 11, label: 'Management fees' },
  { line: 12, label: 'Mortgage interest paid to banks, etc.' },
  { line: 13, label: 'Other interest' },
  { line: 14, label: 'Repairs' },
  { line: 15, label: 'Supplies' },
  { line: 16, label: 'Taxes' },
  { line: 17, label: 'Utilities' },
  { line: 18, label: 'Depreciation expense or depletion' },
  { line: 19, label: 'Other' },
] as const satisfies readonly ScheduleELine[];

/** A Schedule E line number (3–19). */
export type ScheduleELineNumber = (typeof SCHEDULE_E_LINES)[number]['line'];

/** The Schedule E line with number `line`, or undefined. */
export function scheduleELine(line: number): ScheduleELine | undefined {
  return SCHEDULE_E_LINES.find((entry) => entry.line === line);
}

function lineOf(line: ScheduleELineNumber): ScheduleELine {
  const found = scheduleELine(line);
  if (!found) throw new Error(`unknown Schedule E line ${line}`);
  return { line: found.line, label: found.label };
}

/** A built-in category definition: stable key, display name, kind and Schedule E line (null when none). */
export interface CategoryDefinition {
  /** Stable key stored on transactions (`transaction.category`). */
  readonly key: string;
  /** Display name. */
  readonly name: string;
  /** Economic kind. */
  readonly kind: CategoryKind;
  /** The Schedule E line it reports on, or null when it is not a Schedule E income or expense. */
  readonly scheduleELine: ScheduleELine | null;
}

/**
 * The default categories. Every Schedule E line except 4 (royalties) and 18 (depreciation, computed) has one;
 * the rest cover the other kinds (principal, capex, owner flows, purchase and sale, loans, deposits, transfers).
 */
export const DEFAULT_CATEGORIES: readonly CategoryDefinition[] = [
  { key: 'rent', name: 'Rent', kind: 'income', scheduleELine: lineOf(3) },
  { key: 'late_fees', name: 'Late fees', kind: 'income', scheduleELine: lineOf(3) },
  { key: 'other_income', name: 'Other income', kind: 'income', scheduleELine: lineOf(3) },
  { key: 'advertising', name: 'Advertising', kind: 'operating_expense', scheduleELine: lineOf(5) },
  { key: 'auto_travel', name: 'Auto and travel', kind: 'operating_expense', scheduleELine: lineOf(6) },
  {
    key: 'cleaning_maintenance',
    name: 'Cleaning and maintenance',
    kind: 'operating_expense',
    scheduleELine: lineOf(7),
  },
  { key: 'commissions', name: 'Commissions', kind: 'operating_expense', scheduleELine: lineOf(8) },
  { key: 'insurance', name: 'Insurance', kind: 'operating_expense', scheduleELine: lineOf(9) },
  {
    key: 'legal_professional',
    name: 'Legal and professional fees',
    kind: 'operating_expense',
    scheduleELine: lineOf(10),
  },
  { key: 'management_fees', name: 'Management fees', kind: 'operating_expense', scheduleELine: lineOf(11) },
  {
    key: 'mortgage_interest',
    name: 'Mortgage interest',
    kind: 'debt_service_interest',
    scheduleELine: lineOf(12),
  },
  { key: 'other_interest', name: 'Other interest', kind: 'debt_service_interest', scheduleELine: lineOf(13) },
  { key: 'repairs', name: 'Repairs', kind: 'operating_expense', scheduleELine: lineOf(14) },
  { key: 'supplies', name: 'Supplies', kind: 'operating_expense', scheduleELine: lineOf(15) },
  { key: 'taxes', name: 'Property taxes', kind: 'operating_expense', scheduleELine: lineOf(16) },
  { key: 'utilities', name: 'Utilities', kind: 'operating_expense', scheduleELine: lineOf(17) },
  { key: 'hoa_fees', name: 'HOA fees', kind: 'operating_expense', scheduleELine: lineOf(19) },
  { key: 'other_expense', name: 'Other expenses', kind: 'operating_expense', scheduleELine: lineOf(19) },
  {
    key: 'mortgage_principal',
    name: 'Mortgage principal',
    kind: 'debt_service_principal',
    scheduleELine: null,
  },
  {
    key: 'capital_improvements',
    name: 'Capital improvements',
    kind: 'capital_expenditure',
    scheduleELine: null,
  },
  {
    key: 'owner_contribution',
    name: 'Owner contribution',
    kind: 'capital_contribution',
    scheduleELine: null,
  },
  {
    key: 'owner_distribution',
    name: 'Owner distribution',
    kind: 'capital_distribution',
    scheduleELine: null,
  },
  { key: 'purchase_price', name: 'Purchase price', kind: 'acquisition', scheduleELine: null },
  { key: 'closing_costs', name: 'Closing costs', kind: 'acquisition', scheduleELine: null },
  { key: 'sale_proceeds', name: 'Sale proceeds', kind: 'disposition', scheduleELine: null },
  { key: 'selling_costs', name: 'Selling costs', kind: 'disposition', scheduleELine: null },
  { key: 'loan_proceeds', name: 'Loan proceeds', kind: 'loan_proceeds', scheduleELine: null },
  { key: 'security_deposit', name: 'Security deposit', kind: 'security_deposit', scheduleELine: null },
  { key: 'transfer', name: 'Transfer', kind: 'transfer', scheduleELine: null },
];

/** The default category with `key`, or undefined. */
export function defaultCategory(key: string): CategoryDefinition | undefined {
  return DEFAULT_CATEGORIES.find((category) => category.key === key);
}

/**
 * A category key derived from a display name: lower case, ASCII letters and digits joined by `_`
 * (`"Pool service"` → `"pool_service"`). Returns `''` when the name has no letters or digits.
 */
export function categoryKeyFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
    .replace(/_+$/, '');
}
