import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { ValidationError } from '../../errors.js';
import type { RateReset as FinanceRateReset } from '../../finance/amortize.js';
import type { InterestBasis as FinanceInterestBasis } from '../../finance/interest-basis.js';
import type { MetricConventions } from '../../metrics/conventions.js';
import { parseWith, safeParseWith } from '../validation.js';
import {
  ARCHIVABLE_ENTITY_TYPES,
  AuditEntryUpdateSchema,
  ENTITY_SCHEMAS,
  ENTITY_TYPES,
  type EntityCreateInput,
  type EntityMap,
  type EntityType,
  entitySchemasFor,
  type InterestBasisSchema,
  LeaseCreateSchema,
  LeaseSchema,
  LeaseUpdateSchema,
  type Loan,
  LoanCreateSchema,
  type MetricConventionSettingsSchema,
  mergePortfolioSettings,
  type Portfolio,
  PortfolioCreateSchema,
  PortfolioUpdateSchema,
  PropertyCreateSchema,
  PropertyUpdateSchema,
  RecurringChargeCreateSchema,
  RRuleSchema,
  ScenarioCreateSchema,
  TransactionCreateSchema,
  TransactionSchema,
  TransactionUpdateSchema,
  UserSchema,
} from './index.js';

const NOW = '2026-01-31T12:00:00.000Z';
const P = '0190f3c2-0000-7000-8000-000000000001';
const address = { line1: '12 Elm St', city: 'Springfield', region: 'IL', postalCode: '62701' };

/** One valid create input per entity type, exercising most optional features. */
const CREATE_INPUTS: { [K in EntityType]: EntityCreateInput<K> } = {
  portfolio: { name: 'Main portfolio' },
  property: {
    portfolioId: P,
    name: '12 Elm',
    address: { ...address, line2: 'Unit 2' },
    location: { lat: 39.78, lng: -89.65 },
    propertyType: 'multifamily',
    purchaseDate: '2020-06-15',
    purchasePrice: '450000',
    closingCosts: '9000.5',
    landValue: '90000',
    currentValue: '520000.00',
    ownershipShare: '0.5',
  },
  valuation: {
    portfolioId: P,
    propertyId: 'prop-1',
    date: '2025-06-30',
    value: '520000',
    source: 'appraisal',
  },
  unit: {
    portfolioId: P,
    propertyId: 'prop-1',
    label: 'A',
    bedrooms: 2,
    bathrooms: 1.5,
    sqft: 900,
    marketRent: '1650',
  },
  contact: {
    portfolioId: P,
    kind: 'tenant',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+1 555 0100',
  },
  lease: {
    portfolioId: P,
    propertyId: 'prop-1',
    unitId: 'unit-1',
    tenantIds: ['contact-1'],
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    rent: '1600',
    rentDueDay: 1,
    graceDays: 5,
    lateFee: '75',
    deposit: '1600',
    escalations: [
      { effectiveDate: '2025-07-01', kind: 'fixed_amount', value: '25' },
      { effectiveDate: '2025-09-01', kind: 'percent', value: '0.03' },
      { effectiveDate: '2025-11-01', kind: 'cpi', cap: 0.05 },
    ],
  },
  loan: {
    portfolioId: P,
    propertyId: 'prop-1',
    lenderContactId: 'contact-2',
    kind: 'adjustable',
    originalAmount: '360000',
    startDate: '2020-06-15',
    annualRate: '0.065',
    termMonths: 360,
    rateResets: [{ period: 61, annualRate: '0.0725' }],
    indexTerms: {
      index: 'SOFR',
      margin: 0.0275,
      initialCap: 0.02,
      periodicCap: 0.01,
      lifetimeCap: 0.05,
      floor: 0.0275,
      resetEveryMonths: 12,
      firstResetMonth: 61,
    },
    covenants: { minDscr: 1.25 },
    escrow: { tax: '350', insurance: '120.5' },
    prepaymentPenalty: { kind: 'step_down', schedule: [5, 4, 3, 2, 1] },
  },
  transaction: {
    portfolioId: P,
    propertyId: 'prop-1',
    unitId: 'unit-1',
    date: '2025-03-04',
    amount: '-250.5',
    category: 'repairs',
    kind: 'operating_expense',
    payee: 'Plumber & Sons',
    source: 'import',
    sourceRef: 'chase-csv',
    externalId: 'FITID-123',
  },
  category: { portfolioId: P, key: 'pool_service', name: 'Pool service', kind: 'operating_expense' },
  recurringCharge: {
    portfolioId: P,
    propertyId: 'prop-1',
    category: 'insurance',
    amount: '-1200',
    rrule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15',
    nextDueDate: '2026-03-15',
    renewalKind: 'insurance',
    renewalDate: '2026-03-15',
  },
  budget: { portfolioId: P, propertyId: 'prop-1', year: 2026, month: 3, category: 'repairs', amount: '-400' },
  alert: {
    portfolioId: P,
    propertyId: 'prop-1',
    type: 'lease_expiring',
    dedupeKey: 'lease_expiring:lease-1:30',
    entityType: 'lease',
    entityId: 'lease-1',
    raisedAt: '2025-12-01T00:00:00Z',
    priority: 'high',
    message: 'Lease of unit A ends in 30 days',
    details: { daysLeft: 30, endDate: '2025-12-31' },
  },
  task: { portfolioId: P, title: 'Fix the roof', dueDate: '2026-02-01', category: 'maintenance' },
  deal: {
    portfolioId: P,
    name: '5 Oak Ave',
    address,
    askingPrice: '300000',
    stage: 'offer',
    stageHistory: [
      { stage: 'lead', at: '2025-01-01T00:00:00Z' },
      { stage: 'offer', at: '2025-02-01T00:00:00Z', note: 'offered 285k' },
    ],
    listingUrl: 'https://example.com/listing/5',
  },
  dealAnalysis: {
    portfolioId: P,
    dealId: 'deal-1',
    analysisDate: '2025-02-01',
    inputs: {
      purchase: { price: '285000', closingCosts: '6000' },
      financing: { loanAmount: '228000', annualRate: 0.07, termMonths: 360 },
      rents: { grossMonthlyRent: '2600' },
      expenses: { annualTaxes: '3600', managementRate: 0.08 },
    },
    results: { capRate: 0.071 },
    score: {
      total: 0.7,
      criteria: [{ criterion: 'capRate', weight: 1, value: 0.071, score: 0.7, contribution: 0.7 }],
    },
  },
  scenario: {
    portfolioId: P,
    propertyId: 'prop-1',
    name: 'Base case',
    assumptions: {
      years: 10,
      capex: { annualReserve: '1200', items: [{ year: 5, amount: '15000', description: 'roof' }] },
      refinance: { year: 5, ltv: 0.75, annualRate: 0.06, termMonths: 360 },
      sale: { year: 10, exitCapRate: 0.065 },
      monteCarlo: { iterations: 500, rentGrowthStdDev: 0.01 },
    },
    seed: 42,
  },
  document: {
    portfolioId: P,
    kind: 'insurance_policy',
    title: 'Policy 2026',
    links: [{ entityType: 'property', entityId: 'prop-1' }],
    expiryDate: '2027-03-15',
    blobKey: 'blobs/abc',
    contentType: 'application/pdf',
    size: 12345,
  },
  user: { email: 'owner@example.com', name: 'Owner' },
  roleAssignment: { portfolioId: P, userId: 'user-2', role: 'manager', propertyIds: ['prop-1'] },
  auditEntry: {
    portfolioId: P,
    at: NOW,
    actorId: 'user-1',
    action: 'create',
    entityType: 'property',
    entityId: 'prop-1',
    after: { name: '12 Elm' },
  },
};

/** What a service adds to a parsed create input to store it. */
function storedRecord<K extends EntityType>(
  type: K,
  created: Record<string, unknown>,
): Record<string, unknown> {
  if (type === 'auditEntry') return { id: `${type}-1`, ...created };
  const record: Record<string, unknown> = {
    id: `${type}-1`,
    ...created,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  };
  if ((ARCHIVABLE_ENTITY_TYPES as readonly string[]).includes(type)) record.archivedAt = null;
  if (type === 'contact' || type === 'user') record.erasedAt = null;
  return record;
}

describe('every entity', () => {
  it('ENTITY_TYPES and ENTITY_SCHEMAS list the twenty entity types of DATA-MODEL.md', () => {
    expect(ENTITY_TYPES).toHaveLength(20);
    expect(Object.keys(ENTITY_SCHEMAS).sort()).toEqual([...ENTITY_TYPES].sort());
  });

  for (const type of ENTITY_TYPES) {
    describe(type, () => {
      const schemas = ENTITY_SCHEMAS[type];
      const created = parseWith(schemas.create, CREATE_INPUTS[type]) as Record<string, unknown>;

      it('a valid create input parses, with defaults applied', () => {
        expect(created).toBeTypeOf('object');
        expect(created).not.toHaveProperty('version');
        expect(created).not.toHaveProperty('createdAt');
      });

      it('the stored record (create output + id, version, timestamps) parses and is canonical', () => {
        const record = storedRecord(type, created);
        const parsed = parseWith(schemas.record, record);
        expect(parsed).toEqual(record);
        // Canonical: parsing the parsed record changes nothing (what adapters return survives re-validation).
        expect(parseWith(schemas.record, parsed)).toEqual(parsed);
        // JSON round trip (snapshots) is lossless.
        expect(parseWith(schemas.record, JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
      });

      it('a record missing a required field is a ValidationError naming it', () => {
        const record = storedRecord(type, created);
        const { id: _omitted, ...withoutId } = record;
        const result = safeParseWith(schemas.record, withoutId);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(ValidationError);
          expect(result.error.fields).toContain('id');
        }
      });

      it('unknown fields are rejected', () => {
        const result = safeParseWith(schemas.create, { ...CREATE_INPUTS[type], bogus: 1 });
        expect(result.ok).toBe(false);
        if (!result.ok)
          expect(result.error.issues[0]).toMatchObject({ path: 'bogus', expected: 'no such field' });
      });

      if (type !== 'auditEntry') {
        it('an empty patch is valid and stays empty (no defaults leak into patches)', () => {
          expect(parseWith(schemas.update, {})).toEqual({});
        });
      }
    });
  }

  it('create schemas never accept system fields', () => {
    for (const type of ENTITY_TYPES) {
      for (const field of ['version', 'createdAt', 'updatedAt']) {
        const result = safeParseWith(ENTITY_SCHEMAS[type].create, { ...CREATE_INPUTS[type], [field]: 1 });
        expect(result.ok, `${type}.${field}`).toBe(false);
      }
    }
  });

  it('audit entries are append-only: no patch is accepted', () => {
    expect(safeParseWith(AuditEntryUpdateSchema, {}).ok).toBe(false);
    expect(
      ENTITY_SCHEMAS.auditEntry.record.safeParse({ ...CREATE_INPUTS.auditEntry, id: 'a', version: 1 })
        .success,
    ).toBe(false);
  });
});

describe('defaults', () => {
  it('portfolio: USD, fiscal year from January, default settings', () => {
    const portfolio = parseWith(PortfolioCreateSchema, { name: 'P' });
    expect(portfolio.currency).toBe('USD');
    expect(portfolio.fiscalYearStartMonth).toBe(1);
    expect(portfolio.settings.alertThresholds.leaseExpiryDays).toEqual([90, 60, 30]);
    expect(portfolio.settings.metricConventions.capRateBasis).toBe('purchase_price');
    expect(portfolio.settings.dealScoreWeights.capRate).toBeGreaterThan(0);
  });

  it('property: ownershipShare 1, status active, zero costs', () => {
    const property = parseWith(PropertyCreateSchema, {
      portfolioId: P,
      name: 'x',
      address,
      propertyType: 'condo',
      purchaseDate: '2020-01-01',
      purchasePrice: '1',
    });
    expect(property).toMatchObject({
      ownershipShare: 1,
      status: 'active',
      closingCosts: '0.00',
      landValue: '0.00',
      currentValue: null,
      saleDate: null,
    });
    expect(property.address.country).toBe('US');
  });

  it('loan: 30/360, no interest-only months, zero escrow, no covenants', () => {
    const loan = parseWith(LoanCreateSchema, {
      portfolioId: P,
      propertyId: 'x',
      kind: 'fixed',
      originalAmount: '100000',
      startDate: '2025-01-01',
      annualRate: 0.06,
      termMonths: 360,
    });
    expect(loan).toMatchObject({
      interestBasis: '30/360',
      interestOnlyMonths: 0,
      rateResets: [],
      indexTerms: null,
      escrow: { tax: '0.00', insurance: '0.00' },
      covenants: { minDscr: null, maxLtv: null },
      status: 'active',
    });
  });

  it('transaction: manual, unreconciled; kind optional on create but required on the record', () => {
    const created = parseWith(TransactionCreateSchema, {
      portfolioId: P,
      propertyId: 'x',
      date: '2025-01-01',
      amount: '1500',
      category: 'rent',
    });
    expect(created).toMatchObject({
      source: 'manual',
      reconciled: false,
      externalId: null,
      amount: '1500.00',
    });
    expect(created.kind).toBeUndefined();
    const record = { ...created, id: 't', version: 1, createdAt: NOW, updatedAt: NOW };
    const result = safeParseWith(TransactionSchema, record);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields).toEqual(['kind']);
    expect(parseWith(TransactionSchema, { ...record, kind: 'income' }).kind).toBe('income');
  });

  it('lease: status active, due on the 1st, no grace, zero fees', () => {
    const lease = parseWith(LeaseCreateSchema, {
      portfolioId: P,
      propertyId: 'x',
      unitId: 'u',
      tenantIds: ['t'],
      startDate: '2025-01-01',
      endDate: null,
      rent: '1000',
    });
    expect(lease).toMatchObject({
      status: 'active',
      rentDueDay: 1,
      graceDays: 0,
      lateFee: '0.00',
      deposit: '0.00',
      endDate: null,
    });
  });
});

describe('invalid input names the field and what was expected', () => {
  const baseLease = CREATE_INPUTS.lease;
  const baseLoan = CREATE_INPUTS.loan;
  const cases: [string, z.ZodType, unknown, string, RegExp][] = [
    [
      'money with 3 decimals',
      LeaseCreateSchema,
      { ...baseLease, rent: '1600.005' },
      'rent',
      /at most 2 decimals/,
    ],
    ['money as a number', LeaseCreateSchema, { ...baseLease, deposit: 1600 }, 'deposit', /decimal string/],
    [
      'impossible date',
      LeaseCreateSchema,
      { ...baseLease, startDate: '2025-02-30' },
      'startDate',
      /YYYY-MM-DD/,
    ],
    [
      'rate below −100 %',
      LoanCreateSchema,
      { ...baseLoan, annualRate: -1.5 },
      'annualRate',
      /greater than -1/,
    ],
    ['negative term', LoanCreateSchema, { ...baseLoan, termMonths: -360 }, 'termMonths', /at least 1/],
    ['fractional term', LoanCreateSchema, { ...baseLoan, termMonths: 12.5 }, 'termMonths', /integer/],
    [
      'unknown enum',
      LoanCreateSchema,
      { ...baseLoan, kind: 'weird' },
      'kind',
      /one of: fixed, interest_only/,
    ],
    [
      'endDate before startDate',
      LeaseCreateSchema,
      { ...baseLease, endDate: '2024-12-31' },
      'endDate',
      /on or after startDate/,
    ],
    [
      'missing required field',
      LeaseCreateSchema,
      { ...baseLease, rent: undefined },
      'rent',
      /decimal string/,
    ],
    [
      'nested field',
      LoanCreateSchema,
      { ...baseLoan, rateResets: [{ period: 61, annualRate: 'x' }] },
      'rateResets.0.annualRate',
      /decimal fraction/,
    ],
    [
      'escalation kind',
      LeaseCreateSchema,
      { ...baseLease, escalations: [{ effectiveDate: '2025-03-01', kind: 'doubling', value: 2 }] },
      'escalations.0.kind',
      /one of: fixed_amount, percent, cpi/,
    ],
    [
      'escalation before start',
      LeaseCreateSchema,
      { ...baseLease, escalations: [{ effectiveDate: '2024-03-01', kind: 'percent', value: 0.03 }] },
      'escalations.0.effectiveDate',
      /after startDate/,
    ],
    [
      'unknown RRULE FREQ',
      RecurringChargeCreateSchema,
      { ...CREATE_INPUTS.recurringCharge, rrule: 'FREQ=HOURLY' },
      'rrule',
      /RRULE/,
    ],
    [
      'renewal without date',
      RecurringChargeCreateSchema,
      { ...CREATE_INPUTS.recurringCharge, renewalDate: null },
      'renewalDate',
      /required with renewalKind/,
    ],
    [
      'balloon beyond term',
      LoanCreateSchema,
      { ...baseLoan, kind: 'balloon', balloonMonth: 400 },
      'balloonMonth',
      /at most termMonths/,
    ],
    [
      'balloon loan without balloon month',
      LoanCreateSchema,
      { ...baseLoan, kind: 'balloon' },
      'balloonMonth',
      /balloon/,
    ],
    [
      'adjustable loan without resets',
      LoanCreateSchema,
      { ...baseLoan, rateResets: [], indexTerms: null },
      'rateResets',
      /adjustable/,
    ],
    [
      'sold property without sale facts',
      PropertyCreateSchema,
      { ...CREATE_INPUTS.property, status: 'sold' },
      'saleDate',
      /required when status is sold/,
    ],
    [
      'ownership share above 1',
      PropertyCreateSchema,
      { ...CREATE_INPUTS.property, ownershipShare: 1.5 },
      'ownershipShare',
      /at most 1/,
    ],
    [
      'scenario sale after the horizon',
      ScenarioCreateSchema,
      { ...CREATE_INPUTS.scenario, assumptions: { years: 5, sale: { year: 10 } } },
      'assumptions.sale.year',
      /at most years/,
    ],
    [
      'bad currency',
      PortfolioCreateSchema,
      { name: 'x', currency: 'usd' },
      'currency',
      /three upper-case letters/,
    ],
    [
      'bad fiscal month',
      PortfolioCreateSchema,
      { name: 'x', fiscalYearStartMonth: 13 },
      'fiscalYearStartMonth',
      /at most 12/,
    ],
    ['empty name', PortfolioCreateSchema, { name: '   ' }, 'name', /non-empty string/],
    [
      'category key',
      TransactionCreateSchema,
      { ...CREATE_INPUTS.transaction, category: 'Repairs!' },
      'category',
      /category key/,
    ],
    [
      'category kind',
      TransactionCreateSchema,
      { ...CREATE_INPUTS.transaction, kind: 'expense' },
      'kind',
      /one of: income/,
    ],
  ];

  for (const [name, schema, input, path, expected] of cases) {
    it(`${name} → ${path}`, () => {
      let caught: unknown;
      try {
        parseWith(schema, input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      const issue = (caught as ValidationError).issues.find((i) => i.path === path);
      expect(issue, JSON.stringify((caught as ValidationError).issues)).toBeDefined();
      expect(issue?.expected).toMatch(expected);
      expect(issue?.message.startsWith(`${path}:`)).toBe(true);
    });
  }
});

describe('update schemas', () => {
  it('accept partial patches; null clears an optional field', () => {
    expect(parseWith(PropertyUpdateSchema, { currentValue: null, name: 'New' })).toEqual({
      currentValue: null,
      name: 'New',
    });
    expect(parseWith(PropertyUpdateSchema, { purchasePrice: '5' })).toEqual({ purchasePrice: '5.00' });
  });

  it('reject immutable fields', () => {
    expect(safeParseWith(LeaseUpdateSchema, { unitId: 'other' }).ok).toBe(false);
    expect(safeParseWith(PortfolioUpdateSchema, { currency: 'EUR' }).ok).toBe(false);
    expect(safeParseWith(TransactionUpdateSchema, { kind: 'income' }).ok).toBe(false);
    expect(safeParseWith(TransactionUpdateSchema, { externalId: 'x' }).ok).toBe(false);
    expect(safeParseWith(ENTITY_SCHEMAS.category.update, { kind: 'income' }).ok).toBe(false);
    expect(safeParseWith(ENTITY_SCHEMAS.deal.update, { stageHistory: [] }).ok).toBe(false);
  });

  it('cross-check dates given together, and the merged record re-validates', () => {
    const patch = { startDate: '2025-06-01', endDate: '2025-01-01' };
    const result = safeParseWith(LeaseUpdateSchema, patch);
    expect(result.ok).toBe(false);
    const stored = parseWith(LeaseSchema, {
      ...parseWith(LeaseCreateSchema, CREATE_INPUTS.lease),
      id: 'l',
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
      archivedAt: null,
    });
    const merged = { ...stored, ...parseWith(LeaseUpdateSchema, { endDate: '2024-01-01' }) };
    expect(safeParseWith(LeaseSchema, merged).ok).toBe(false);
  });

  it('portfolio settings patches merge field by field', () => {
    const portfolio = parseWith(PortfolioCreateSchema, { name: 'P' });
    const patch = parseWith(PortfolioUpdateSchema, {
      settings: { alertThresholds: { vacancyRate: '0.2' }, metricConventions: { dscr: 'rent_to_pitia' } },
    });
    expect(patch.settings?.alertThresholds).toEqual({ vacancyRate: 0.2 });
    const merged = mergePortfolioSettings(portfolio.settings, patch.settings ?? {});
    expect(merged.alertThresholds.vacancyRate).toBe(0.2);
    expect(merged.alertThresholds.leaseExpiryDays).toEqual([90, 60, 30]);
    expect(merged.metricConventions.dscr).toBe('rent_to_pitia');
    expect(merged.metricConventions.capRateBasis).toBe('purchase_price');
    expect(portfolio.settings.alertThresholds.vacancyRate).toBe(0.1);
  });
});

describe('entitySchemasFor', () => {
  it('enforces the currency minor digits in every money field', () => {
    const jpy = entitySchemasFor('JPY');
    expect(parseWith(jpy.transaction.create, { ...CREATE_INPUTS.transaction, amount: '-250' }).amount).toBe(
      '-250',
    );
    const error = safeParseWith(jpy.loan.create, CREATE_INPUTS.loan);
    expect(error.ok).toBe(false);
    if (!error.ok) expect(error.error.fields).toEqual(['escrow.insurance']);
    const lease = parseWith(jpy.lease.create, CREATE_INPUTS.lease);
    expect(lease.escalations[0]).toEqual({ effectiveDate: '2025-07-01', kind: 'fixed_amount', value: '25' });
    const kwd = entitySchemasFor('KWD');
    expect(parseWith(kwd.unit.create, { ...CREATE_INPUTS.unit, marketRent: '350.125' }).marketRent).toBe(
      '350.125',
    );
    expect(entitySchemasFor('USD')).toBe(ENTITY_SCHEMAS);
    expect(entitySchemasFor('EUR')).toBe(ENTITY_SCHEMAS);
    expect(entitySchemasFor(0)).toBe(jpy);
  });
});

describe('RRULE', () => {
  it('accepts common rules and rejects malformed ones', () => {
    for (const ok of [
      'FREQ=MONTHLY',
      'FREQ=MONTHLY;BYMONTHDAY=1',
      'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1',
      'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10',
      'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15;UNTIL=20300101',
      'FREQ=MONTHLY;BYDAY=1FR;WKST=SU',
    ]) {
      expect(parseWith(RRuleSchema, ok)).toBe(ok);
    }
    for (const bad of [
      'RRULE:FREQ=MONTHLY',
      'INTERVAL=2;FREQ=MONTHLY',
      'FREQ=HOURLY',
      'FREQ=MONTHLY;INTERVAL=0',
      'FREQ=MONTHLY;BYMONTHDAY=32',
      'FREQ=MONTHLY;COUNT=2;UNTIL=20300101',
      'FREQ=MONTHLY;FREQ=YEARLY',
      'FREQ=MONTHLY;BYFOO=1',
      'FREQ=MONTHLY;',
      '',
    ]) {
      expect(safeParseWith(RRuleSchema, bad).ok, bad).toBe(false);
    }
  });
});

describe('users and erasure', () => {
  it('only an erased user may have no email', () => {
    const base = { id: 'u', name: 'X', version: 1, createdAt: NOW, updatedAt: NOW };
    expect(safeParseWith(UserSchema, { ...base, email: null, erasedAt: null }).ok).toBe(false);
    expect(safeParseWith(UserSchema, { ...base, email: null, erasedAt: NOW }).ok).toBe(true);
  });
});

describe('types', () => {
  it('EntityMap matches the record schemas', () => {
    expectTypeOf<EntityMap['portfolio']>().toEqualTypeOf<Portfolio>();
    expectTypeOf<EntityMap['loan']>().toEqualTypeOf<z.output<typeof ENTITY_SCHEMAS.loan.record>>();
    expectTypeOf<EntityMap['transaction']['kind']>().toEqualTypeOf<
      | 'income'
      | 'operating_expense'
      | 'debt_service_interest'
      | 'debt_service_principal'
      | 'capital_expenditure'
      | 'capital_contribution'
      | 'capital_distribution'
      | 'acquisition'
      | 'disposition'
      | 'loan_proceeds'
      | 'security_deposit'
      | 'transfer'
    >();
  });

  it('fit the finance and metrics modules', () => {
    expectTypeOf<Loan['rateResets'][number]>().toExtend<FinanceRateReset>();
    expectTypeOf<z.output<typeof InterestBasisSchema>>().toEqualTypeOf<FinanceInterestBasis>();
    expectTypeOf<z.output<typeof MetricConventionSettingsSchema>>().toExtend<MetricConventions>();
  });
});
