/**
 * Ready-made fixture worlds: one rich record of every entity type, in dependency order.
 * @module
 */
import type { RecordOf, RecordType, Repository } from '../ports/repository.js';
import type { FixtureFactory } from './fixtures.js';

/** A record together with its entity type. */
export type AnyRecordEntry = { [K in RecordType]: { type: K; record: RecordOf<K> } }[RecordType];

/** One record of every entity type, with most optional fields filled, in the order parents come first. */
export interface RichWorld {
  /** The records, parents before children. */
  readonly entries: readonly AnyRecordEntry[];
  /** The portfolio every other record belongs to. */
  readonly portfolio: RecordOf<'portfolio'>;
  /** The property most records hang from. */
  readonly property: RecordOf<'property'>;
  /** A unit of the property. */
  readonly unit: RecordOf<'unit'>;
  /** A user with a role in the portfolio. */
  readonly user: RecordOf<'user'>;
}

const AWKWARD_TEXT = 'Château “Ø” – 東京 🏠 \'quoted\' "double" back\\slash; DROP TABLE x; --';

/**
 * Builds one record of every entity type with non-default values in most fields (nested objects, arrays, nulls,
 * fractional numbers, awkward Unicode text), so that a mapper that drops or reshapes a field is caught.
 */
export function richWorld(f: FixtureFactory): RichWorld {
  const portfolio = f.portfolio({
    name: AWKWARD_TEXT,
    fiscalYearStartMonth: 4,
    settings: {
      alertThresholds: { leaseExpiryDays: [120, 30] },
      dealScoreWeights: { capRate: 0.5, dscr: 0.5 },
    },
  });
  const property = f.property(portfolio, {
    location: { lat: 41.878113, lng: -87.629799 },
    address: {
      line1: '221B Baker Street',
      line2: 'Flat B',
      city: 'London',
      region: 'Greater London',
      postalCode: 'NW1 6XE',
      country: 'GB',
    },
    propertyType: 'multifamily',
    closingCosts: '4321.09',
    landValue: '50000.5',
    currentValue: '412345.67',
    ownershipShare: 0.333333,
    yearBuilt: 1894,
    notes: AWKWARD_TEXT,
  });
  const valuation = f.valuation(property, { value: '412345.67', source: 'broker_opinion', notes: 'BPO' });
  const unit = f.unit(property, {
    bedrooms: 2,
    bathrooms: 1.5,
    sqft: 812.5,
    status: 'occupied',
    notes: 'Corner',
  });
  const contact = f.contact(portfolio, {
    company: 'ACME Lettings',
    phone: '+44 20 7946 0000',
    address: {
      line1: '1 High St',
      city: 'Leeds',
      region: 'West Yorkshire',
      postalCode: 'LS1 1AA',
      country: 'GB',
    },
  });
  const lender = f.contact(portfolio, { kind: 'lender', name: 'First Bank' });
  const lease = f.lease(unit, {
    tenantIds: [contact.id],
    startDate: '2024-01-01',
    endDate: '2025-12-31',
    rent: '1875.25',
    rentDueDay: 31,
    graceDays: 5,
    lateFee: '75.5',
    deposit: '3750.5',
    escalations: [
      { effectiveDate: '2024-07-01', kind: 'fixed_amount', value: '-25.75' },
      { effectiveDate: '2025-01-01', kind: 'percent', value: 0.035 },
      { effectiveDate: '2025-07-01', kind: 'cpi', value: 0.01, cap: 0.05, floor: 0 },
    ],
  });
  const loan = f.loan(property, {
    lenderContactId: lender.id,
    name: 'First mortgage',
    kind: 'adjustable',
    originalAmount: '312500.99',
    annualRate: '0.0425',
    termMonths: 360,
    amortizationMonths: 360,
    interestOnlyMonths: 12,
    interestBasis: 'actual/365',
    rateResets: [
      { period: 61, annualRate: 0.055 },
      { period: 73, annualRate: 0.06 },
    ],
    covenants: { minDscr: 1.25, maxLtv: 0.8 },
    escrow: { tax: '412.33', insurance: '98.1' },
    prepaymentPenalty: { kind: 'step_down', schedule: [5, 4, 3, 2, 1] },
    notes: AWKWARD_TEXT,
  });
  const transaction = f.transaction(property, {
    unitId: unit.id,
    leaseId: lease.id,
    date: '2024-02-29',
    amount: '-1234567.89',
    category: 'repairs',
    payee: 'Bob’s Plumbing',
    memo: AWKWARD_TEXT,
    groupId: f.id(),
    reconciled: true,
    source: 'import',
    sourceRef: 'bank-csv',
    externalId: 'FITID-0001',
  });
  const category = f.category(portfolio, {
    key: 'pool_service',
    name: 'Pool service',
    scheduleELine: { line: 7, label: 'Cleaning and maintenance' },
  });
  const recurringCharge = f.recurringCharge(property, {
    unitId: unit.id,
    loanId: loan.id,
    description: 'Insurance premium',
    amount: '-1450.33',
    rrule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15',
    nextDueDate: '2025-03-15',
    renewalKind: 'insurance',
    renewalDate: '2025-03-15',
    active: false,
  });
  const budget = f.budget(property, { year: 2025, month: 2, amount: '-250.01', notes: 'Winter' });
  const alert = f.alert(portfolio, {
    propertyId: property.id,
    entityType: 'lease',
    entityId: lease.id,
    priority: 'high',
    status: 'snoozed',
    snoozedUntil: '2025-02-01',
    details: { daysLeft: 30, amounts: ['1.10', '2.20'], nested: { ok: true, none: null, ratio: 0.25 } },
  });
  const task = f.task(portfolio, {
    propertyId: property.id,
    unitId: unit.id,
    description: AWKWARD_TEXT,
    dueDate: '2025-01-31',
    status: 'in_progress',
    priority: 'critical',
    category: 'maintenance',
    alertId: alert.id,
  });
  const deal = f.deal(portfolio, {
    propertyType: 'condo',
    unitCount: 12,
    stage: 'offer',
    listingUrl: 'https://example.com/listing/42?a=1&b=2',
    stageHistory: [
      { stage: 'lead', at: '2024-10-01T09:30:00.000Z' },
      { stage: 'offer', at: '2024-11-15T17:45:12.345Z', note: 'Offer at asking' },
    ],
  });
  const dealAnalysis = f.dealAnalysis(deal, {
    inputs: {
      purchase: { price: '350000', closingCosts: '7000.01' },
      financing: { loanAmount: '280000', annualRate: 0.0675, termMonths: 360 },
      rehab: { cost: '15000', months: 2, afterRepairValue: '400000' },
      rents: { grossMonthlyRent: '2800', otherMonthlyIncome: '50', vacancyRate: 0.07 },
      expenses: { annualTaxes: '4200', annualInsurance: '1300.4', managementRate: 0.08 },
    },
    results: { capRate: 0.061, cashOnCash: -0.012, series: [1, 2.5, -3] },
    score: {
      total: 71.5,
      criteria: [{ criterion: 'capRate', weight: 0.5, value: 0.061, score: 80, contribution: 40 }],
    },
  });
  const scenario = f.scenario(property, {
    description: 'Base case',
    assumptions: {
      years: 10,
      growth: { rentGrowthRate: 0.03, expenseGrowthRate: 0.025, appreciationRate: -0.01 },
      capex: { annualReserve: '1200', items: [{ year: 3, amount: '15000.5', description: 'Roof' }] },
      refinance: { year: 5, ltv: 0.75, annualRate: 0.06, termMonths: 360 },
      sale: { year: 10, exitCapRate: 0.065 },
      discountRate: 0.08,
      monteCarlo: { iterations: 500, rentGrowthStdDev: 0.01 },
    },
    seed: 4_294_967_295,
    results: { irr: 0.1234, npv: '12345.67' },
  });
  const document = f.document(portfolio, {
    kind: 'insurance_policy',
    title: AWKWARD_TEXT,
    links: [
      { entityType: 'property', entityId: property.id },
      { entityType: 'loan', entityId: loan.id },
    ],
    expiryDate: '2025-03-15',
    contentType: 'application/pdf',
    size: 123456,
    sha256: 'a'.repeat(64),
  });
  const user = f.user({ name: AWKWARD_TEXT });
  const roleAssignment = f.roleAssignment(portfolio, user, { role: 'manager', propertyIds: [property.id] });
  const entries: AnyRecordEntry[] = [
    { type: 'portfolio', record: portfolio },
    { type: 'property', record: property },
    { type: 'valuation', record: valuation },
    { type: 'unit', record: unit },
    { type: 'contact', record: contact },
    { type: 'contact', record: lender },
    { type: 'lease', record: lease },
    { type: 'loan', record: loan },
    { type: 'transaction', record: transaction },
    { type: 'category', record: category },
    { type: 'recurringCharge', record: recurringCharge },
    { type: 'budget', record: budget },
    { type: 'alert', record: alert },
    { type: 'task', record: task },
    { type: 'deal', record: deal },
    { type: 'dealAnalysis', record: dealAnalysis },
    { type: 'scenario', record: scenario },
    { type: 'document', record: document },
    { type: 'user', record: user },
    { type: 'roleAssignment', record: roleAssignment },
  ];
  return { entries, portfolio, property, unit, user };
}

/** Inserts `entries` in order, in one unit of work. */
export async function insertEntries(repo: Repository, entries: readonly AnyRecordEntry[]): Promise<void> {
  await repo.transaction(async (tx) => {
    for (const entry of entries) await tx.insert(entry.type, entry.record);
  });
}
