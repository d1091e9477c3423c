/**
 * fast-check arbitraries of entity create inputs: one per entity type, each producing input that its
 * `...CreateSchema` accepts (cross-field rules included), sometimes leaving defaulted fields out.
 * @module
 */
import fc from 'fast-check';
import { CATEGORY_KINDS, type CategoryKind, DEFAULT_CATEGORIES } from '../domain/categories.js';
import type { DateString } from '../domain/dates.js';
import {
  AlertStatusSchema,
  AuditActionSchema,
  ContactKindSchema,
  DealStageSchema,
  DocumentKindSchema,
  ENTITY_TYPES,
  type EntityCreateInput,
  InterestBasisSchema,
  LeaseStatusSchema,
  LoanKindSchema,
  LoanStatusSchema,
  PrioritySchema,
  PropertyStatusSchema,
  PropertyTypeSchema,
  RenewalKindSchema,
  RoleSchema,
  TaskCategorySchema,
  TaskStatusSchema,
  TransactionSourceSchema,
  UnitStatusSchema,
  ValuationSourceSchema,
} from '../domain/entities/index.js';
import type { RecordType } from '../ports/repository.js';
import { matching } from './string-patterns.js';
import {
  arbDate,
  arbDateAfter,
  arbEmail,
  arbId,
  arbInstant,
  arbJsonObject,
  arbMoney,
  arbOptionalText,
  arbRate,
  arbText,
  fromMinor,
} from './values.js';

/** Ids that generated references point at, by entity type (`ids.property` for every `propertyId`, …). */
export type ReferenceIds = { readonly [K in RecordType]?: readonly string[] };

/** A category a generated transaction, budget or recurring charge may use: its key and kind. */
export interface CategoryRef {
  /** Category key stored on the record. */
  readonly key: string;
  /** The category's kind (a transaction carries it denormalised). */
  readonly kind: CategoryKind;
}

/** What the create-input arbitraries need to know about their surroundings. */
export interface ArbContext {
  /** The portfolio inputs belong to (default: a random id per input). */
  readonly portfolioId?: string;
  /**
   * Existing ids references point at. A required reference without ids is a random id; an optional one is null
   * (or, when ids exist, sometimes null and sometimes one of them).
   */
  readonly ids?: ReferenceIds;
  /** Categories to use (default: `DEFAULT_CATEGORIES`). */
  readonly categories?: readonly CategoryRef[];
  /** Decimals of the portfolio's currency (default 2). */
  readonly minorDigits?: number;
}

/** Currencies the portfolio arbitrary picks from: two, zero and three minor digits. */
export const ARB_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'KWD'] as const;

const DIGITS_DEFAULT = 2;

function money(ctx: ArbContext, min: string, max: string): fc.Arbitrary<string> {
  return arbMoney({ min, max, minorDigits: ctx.minorDigits ?? DIGITS_DEFAULT });
}

/** The smallest positive amount of the context's currency (`0.01`, `1`, `0.001`). */
function smallest(ctx: ArbContext): string {
  return fromMinor(1n, ctx.minorDigits ?? DIGITS_DEFAULT);
}

function portfolioIdOf(ctx: ArbContext): fc.Arbitrary<string> {
  return ctx.portfolioId === undefined ? arbId() : fc.constant(ctx.portfolioId);
}

/** A required reference: one of the known ids of `type`, else a random id. */
function ref(ctx: ArbContext, type: RecordType): fc.Arbitrary<string> {
  const pool = ctx.ids?.[type] ?? [];
  return pool.length > 0 ? fc.constantFrom(...pool) : arbId();
}

/** An optional reference: null, or one of the known ids of `type` when there are any. */
function optionalRef(ctx: ArbContext, type: RecordType): fc.Arbitrary<string | null> {
  const pool = ctx.ids?.[type] ?? [];
  return pool.length > 0 ? fc.option(fc.constantFrom(...pool), { nil: null }) : fc.constant(null);
}

/** Distinct ids of `type` (known ones when there are any), at least `minLength`. */
function refList(
  ctx: ArbContext,
  type: RecordType,
  minLength: number,
  maxLength = 3,
): fc.Arbitrary<string[]> {
  const pool = ctx.ids?.[type] ?? [];
  return pool.length >= minLength && pool.length > 0
    ? fc.shuffledSubarray([...pool], {
        minLength,
        maxLength: Math.max(minLength, Math.min(maxLength, pool.length)),
      })
    : fc.uniqueArray(arbId(), { minLength, maxLength: Math.max(minLength, maxLength) });
}

function categoryOf(ctx: ArbContext): fc.Arbitrary<CategoryRef> {
  const categories = ctx.categories && ctx.categories.length > 0 ? ctx.categories : DEFAULT_CATEGORIES;
  return fc.constantFrom(...categories).map((category) => ({ key: category.key, kind: category.kind }));
}

function option<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.option(arb, { nil: null });
}

/** A postal address input. */
export function arbAddress(): fc.Arbitrary<EntityCreateInput<'property'>['address']> {
  address ??= fc.record(
    {
      line1: arbText(60),
      line2: arbOptionalText(60),
      city: arbText(40),
      region: arbText(40),
      postalCode: arbText(20),
      country: fc.constantFrom('US', 'CA', 'GB', 'DE', 'FR', 'JP', 'KW'),
    },
    { requiredKeys: ['line1', 'city', 'region', 'postalCode'] },
  );
  return address;
}
let address: fc.Arbitrary<EntityCreateInput<'property'>['address']> | undefined;

/** Input of `PortfolioCreateSchema`; `currency` fixes the currency (else one of {@link ARB_CURRENCIES}). */
export function arbPortfolioCreate(
  options: { currency?: string } = {},
): fc.Arbitrary<EntityCreateInput<'portfolio'>> {
  const weightKey = fc.oneof(
    fc.constantFrom('capRate', 'cashOnCash', 'dscr', 'monthlyCashFlow', 'onePercentRule'),
    matching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/),
  );
  const settings = fc.record(
    {
      alertThresholds: fc.record(
        {
          leaseExpiryDays: fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { maxLength: 4 }),
          vacancyRate: arbRate({ min: 0, max: 1 }),
          minDscr: fc.integer({ min: 100, max: 300 }).map((n) => n / 100),
          loanMaturityDays: fc.integer({ min: 1, max: 720 }),
        },
        { requiredKeys: [] },
      ),
      metricConventions: fc.record(
        {
          capex: fc.constantFrom('below_noi', 'above_noi', 'excluded'),
          capRateBasis: fc.constantFrom('purchase_price', 'current_value'),
          debtServiceSource: fc.constantFrom('transactions', 'loan_terms'),
        },
        { requiredKeys: [] },
      ),
      dealScoreWeights: fc.dictionary(
        weightKey,
        fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
        { maxKeys: 5, noNullPrototype: true },
      ),
    },
    { requiredKeys: [] },
  );
  return fc.record(
    {
      name: arbText(80),
      currency:
        options.currency === undefined ? fc.constantFrom(...ARB_CURRENCIES) : fc.constant(options.currency),
      fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
      settings,
    },
    { requiredKeys: options.currency === undefined ? ['name'] : ['name', 'currency'] },
  );
}

/** Input of `PropertyCreateSchema` (a sold property has a sale date on or after purchase, and a price). */
export function arbPropertyCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'property'>> {
  return fc
    .record({
      purchaseDate: arbDate({ from: '1990-01-01', to: '2035-12-31' }),
      status: fc.constantFrom(...PropertyStatusSchema.options),
    })
    .chain(({ purchaseDate, status }) => {
      const sold = status === 'sold';
      const saleDate = arbDateAfter(purchaseDate, 9000);
      const salePrice = money(ctx, '0', '9000000');
      return fc.record(
        {
          portfolioId: portfolioIdOf(ctx),
          name: arbText(80),
          address: arbAddress(),
          location: option(
            fc.record({
              lat: fc.integer({ min: -900_000, max: 900_000 }).map((n) => n / 10_000),
              lng: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((n) => n / 10_000),
            }),
          ),
          propertyType: fc.constantFrom(...PropertyTypeSchema.options),
          purchaseDate: fc.constant(purchaseDate),
          purchasePrice: money(ctx, '0', '5000000'),
          closingCosts: money(ctx, '0', '100000'),
          landValue: money(ctx, '0', '1000000'),
          currentValue: option(money(ctx, '0', '9000000')),
          ownershipShare: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
          status: fc.constant(status),
          saleDate: sold ? saleDate : option(saleDate),
          salePrice: sold ? salePrice : option(salePrice),
          yearBuilt: option(fc.integer({ min: 1800, max: 2035 })),
          notes: arbOptionalText(500),
        },
        {
          requiredKeys: [
            'portfolioId',
            'name',
            'address',
            'propertyType',
            'purchaseDate',
            'purchasePrice',
            ...(sold ? (['status', 'saleDate', 'salePrice'] as const) : []),
          ],
        },
      );
    });
}

/** Input of `ValuationCreateSchema`. */
export function arbValuationCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'valuation'>> {
  return fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      propertyId: ref(ctx, 'property'),
      date: arbDate(),
      value: money(ctx, '0', '9000000'),
      source: fc.constantFrom(...ValuationSourceSchema.options),
      notes: arbOptionalText(200),
    },
    { requiredKeys: ['portfolioId', 'propertyId', 'date', 'value', 'source'] },
  );
}

/** Input of `UnitCreateSchema`. */
export function arbUnitCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'unit'>> {
  return fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      propertyId: ref(ctx, 'property'),
      label: arbText(20),
      bedrooms: fc.integer({ min: 0, max: 10 }),
      bathrooms: fc.integer({ min: 0, max: 16 }).map((n) => n / 2),
      sqft: option(fc.integer({ min: 1000, max: 200_000 }).map((n) => n / 10)),
      marketRent: money(ctx, '0', '20000'),
      status: fc.constantFrom(...UnitStatusSchema.options),
      notes: arbOptionalText(200),
    },
    { requiredKeys: ['portfolioId', 'propertyId', 'label', 'marketRent'] },
  );
}

/** Input of `ContactCreateSchema`. */
export function arbContactCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'contact'>> {
  return fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      kind: fc.constantFrom(...ContactKindSchema.options),
      name: arbText(80),
      company: arbOptionalText(80),
      email: option(arbEmail()),
      phone: option(matching(/^\+?[0-9]{3}[0-9 -]{4,12}[0-9]$/)),
      address: option(arbAddress()),
      notes: arbOptionalText(200),
    },
    { requiredKeys: ['portfolioId', 'kind', 'name'] },
  );
}

function arbEscalation(ctx: ArbContext, effectiveDate: DateString) {
  const date = fc.constant(effectiveDate);
  return fc.oneof(
    fc.record({
      effectiveDate: date,
      kind: fc.constant('fixed_amount' as const),
      value: money(ctx, '-500', '500'),
    }),
    fc.record({
      effectiveDate: date,
      kind: fc.constant('percent' as const),
      value: arbRate({ min: -0.1, max: 0.1 }),
    }),
    fc.record(
      {
        effectiveDate: date,
        kind: fc.constant('cpi' as const),
        value: arbRate({ min: 0, max: 0.02 }),
        cap: option(arbRate({ min: 0, max: 0.1 })),
        floor: option(arbRate({ min: -0.02, max: 0.02 })),
      },
      { requiredKeys: ['effectiveDate', 'kind'] },
    ),
  );
}

/** Input of `LeaseCreateSchema`: dates in order, escalations after the start, tenants unless a draft. */
export function arbLeaseCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'lease'>> {
  return fc
    .record({
      startDate: arbDate({ from: '2000-01-01', to: '2035-12-31' }),
      status: fc.constantFrom(...LeaseStatusSchema.options),
      escalationOffsets: fc.uniqueArray(fc.integer({ min: 1, max: 3650 }), { maxLength: 3 }),
    })
    .chain(({ startDate, status, escalationOffsets }) => {
      const escalationDates = [...escalationOffsets]
        .sort((a, b) => a - b)
        .map((days) => arbDateAfter(startDate, days, days));
      const escalations = fc
        .tuple(...escalationDates)
        .chain((dates) => fc.tuple(...dates.map((d) => arbEscalation(ctx, d))));
      return fc.record(
        {
          portfolioId: portfolioIdOf(ctx),
          propertyId: ref(ctx, 'property'),
          unitId: ref(ctx, 'unit'),
          tenantIds: refList(ctx, 'contact', status === 'draft' ? 0 : 1),
          startDate: fc.constant(startDate),
          endDate: option(arbDateAfter(startDate, 3650)),
          rent: money(ctx, '0', '20000'),
          rentDueDay: fc.integer({ min: 1, max: 31 }),
          graceDays: fc.integer({ min: 0, max: 15 }),
          lateFee: money(ctx, '0', '500'),
          deposit: money(ctx, '0', '20000'),
          escalations,
          status: fc.constant(status),
          terminationDate: status === 'terminated' ? arbDateAfter(startDate, 3650) : fc.constant(null),
          previousLeaseId: optionalRef(ctx, 'lease'),
          notes: arbOptionalText(200),
        },
        {
          requiredKeys: [
            'portfolioId',
            'propertyId',
            'unitId',
            'tenantIds',
            'startDate',
            'endDate',
            'rent',
            'status',
          ],
        },
      );
    });
}

/**
 * Input of `LoanCreateSchema`, consistent with its kind: an interest-only loan has interest-only months, a
 * balloon loan a balloon month, an adjustable one rate resets; every period within the term, resets increasing.
 */
export function arbLoanCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'loan'>> {
  return fc
    .record({
      kind: fc.constantFrom(...LoanKindSchema.options),
      startDate: arbDate({ from: '2000-01-01', to: '2035-12-31' }),
      termMonths: fc.integer({ min: 1, max: 480 }),
      status: fc.constantFrom(...LoanStatusSchema.options),
    })
    .chain(({ kind, startDate, termMonths, status }) => {
      const period = fc.integer({ min: 1, max: termMonths });
      const rateResets = fc
        .uniqueArray(fc.record({ period, annualRate: arbRate({ min: 0, max: 0.15 }) }), {
          selector: (reset) => reset.period,
          minLength: kind === 'adjustable' ? 1 : 0,
          maxLength: Math.min(4, termMonths),
        })
        .map((resets) => [...resets].sort((a, b) => a.period - b.period));
      const indexTerms = fc.record(
        {
          index: fc.constantFrom('SOFR', 'PRIME', 'CMT1Y', 'EURIBOR'),
          margin: arbRate({ min: 0, max: 0.05 }),
          initialCap: option(arbRate({ min: 0, max: 0.05 })),
          periodicCap: option(arbRate({ min: 0, max: 0.02 })),
          lifetimeCap: option(arbRate({ min: 0, max: 0.06 })),
          floor: option(arbRate({ min: 0, max: 0.03 })),
          resetEveryMonths: fc.integer({ min: 1, max: 24 }),
          firstResetMonth: fc.integer({ min: 1, max: 120 }),
        },
        { requiredKeys: ['index', 'margin', 'resetEveryMonths', 'firstResetMonth'] },
      );
      const penalty = fc.oneof(
        fc.record({
          kind: fc.constant('step_down' as const),
          schedule: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 5 }),
        }),
        fc.record(
          { kind: fc.constant('yield_maintenance' as const), throughMonth: option(period) },
          { requiredKeys: ['kind'] },
        ),
      );
      return fc.record(
        {
          portfolioId: portfolioIdOf(ctx),
          propertyId: ref(ctx, 'property'),
          lenderContactId: optionalRef(ctx, 'contact'),
          name: arbOptionalText(80),
          kind: fc.constant(kind),
          originalAmount: money(ctx, smallest(ctx), '5000000'),
          startDate: fc.constant(startDate),
          annualRate: arbRate({ min: 0, max: 0.15 }),
          termMonths: fc.constant(termMonths),
          amortizationMonths: option(fc.integer({ min: 1, max: 480 })),
          interestOnlyMonths: fc.integer({ min: kind === 'interest_only' ? 1 : 0, max: termMonths }),
          balloonMonth: kind === 'balloon' ? period : option(period),
          interestBasis: fc.constantFrom(...InterestBasisSchema.options),
          rateResets,
          indexTerms: option(indexTerms),
          covenants: fc.record(
            {
              minDscr: option(fc.integer({ min: 100, max: 300 }).map((n) => n / 100)),
              maxLtv: option(fc.integer({ min: 1, max: 100 }).map((n) => n / 100)),
            },
            { requiredKeys: [] },
          ),
          escrow: fc.record(
            { tax: money(ctx, '0', '2000'), insurance: money(ctx, '0', '1000') },
            { requiredKeys: [] },
          ),
          maturityDate: option(arbDateAfter(startDate, 40 * 366, 1)),
          prepaymentPenalty: option(penalty),
          status: fc.constant(status),
          payoffDate: status === 'active' ? fc.constant(null) : arbDateAfter(startDate, 40 * 366),
          notes: arbOptionalText(200),
        },
        {
          requiredKeys: [
            'portfolioId',
            'propertyId',
            'kind',
            'originalAmount',
            'startDate',
            'annualRate',
            'termMonths',
            'rateResets',
            'interestOnlyMonths',
            'balloonMonth',
            'status',
          ],
        },
      );
    });
}

/**
 * Input of `TransactionCreateSchema`: a category of the context (default categories unless given) and, half of
 * the time, that category's kind (the service fills it in otherwise).
 */
export function arbTransactionCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'transaction'>> {
  const rest = fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      propertyId: ref(ctx, 'property'),
      unitId: optionalRef(ctx, 'unit'),
      leaseId: optionalRef(ctx, 'lease'),
      loanId: optionalRef(ctx, 'loan'),
      date: arbDate(),
      amount: money(ctx, '-100000', '100000'),
      payee: arbOptionalText(80),
      memo: arbOptionalText(200),
      groupId: option(arbId()),
      reconciled: fc.boolean(),
      source: fc.constantFrom(...TransactionSourceSchema.options),
      sourceRef: option(arbText(60)),
      externalId: option(matching(/^[A-Za-z0-9][A-Za-z0-9-]{0,23}$/)),
    },
    { requiredKeys: ['portfolioId', 'propertyId', 'date', 'amount'] },
  );
  return fc
    .tuple(rest, categoryOf(ctx), fc.boolean())
    .map(([input, category, withKind]) =>
      withKind
        ? { ...input, category: category.key, kind: category.kind }
        : { ...input, category: category.key },
    );
}

/** Input of `CategoryCreateSchema` (a user category: key, name, kind, maybe a Schedule E line). */
export function arbCategoryCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'category'>> {
  return fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      key: matching(/^[a-z][a-z0-9]{0,9}(?:_[a-z0-9]{1,8}){0,2}$/),
      name: arbText(60),
      kind: fc.constantFrom(...CATEGORY_KINDS),
      scheduleELine: option(fc.record({ line: fc.integer({ min: 3, max: 19 }), label: arbText(60) })),
      builtIn: fc.boolean(),
    },
    { requiredKeys: ['portfolioId', 'key', 'name', 'kind'] },
  );
}

const RRULES = [
  'FREQ=MONTHLY;BYMONTHDAY=1',
  'FREQ=MONTHLY;INTERVAL=3',
  'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15',
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=DAILY;COUNT=10',
  'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20301231',
];

/** Input of `RecurringChargeCreateSchema` (a renewal kind always comes with its date). */
export function arbRecurringChargeCreate(
  ctx: ArbContext = {},
): fc.Arbitrary<EntityCreateInput<'recurringCharge'>> {
  const renewal = fc.oneof(
    fc.constant({ renewalKind: null, renewalDate: null }),
    fc.record({ renewalKind: fc.constantFrom(...RenewalKindSchema.options), renewalDate: arbDate() }),
  );
  const rest = fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      propertyId: ref(ctx, 'property'),
      unitId: optionalRef(ctx, 'unit'),
      leaseId: optionalRef(ctx, 'lease'),
      loanId: optionalRef(ctx, 'loan'),
      description: arbOptionalText(100),
      amount: money(ctx, '-50000', '50000'),
      rrule: fc.constantFrom(...RRULES),
      nextDueDate: arbDate(),
      active: fc.boolean(),
    },
    { requiredKeys: ['portfolioId', 'propertyId', 'amount', 'rrule', 'nextDueDate'] },
  );
  return fc
    .tuple(rest, renewal, categoryOf(ctx))
    .map(([input, renewalFields, category]) => ({ ...input, ...renewalFields, category: category.key }));
}

/** Input of `BudgetCreateSchema`. */
export function arbBudgetCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'budget'>> {
  const rest = fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      propertyId: ref(ctx, 'property'),
      year: fc.integer({ min: 2000, max: 2040 }),
      month: option(fc.integer({ min: 1, max: 12 })),
      amount: money(ctx, '-100000', '100000'),
      notes: arbOptionalText(200),
    },
    { requiredKeys: ['portfolioId', 'propertyId', 'year', 'amount'] },
  );
  return fc.tuple(rest, categoryOf(ctx)).map(([input, category]) => ({ ...input, category: category.key }));
}

/** Input of `AlertCreateSchema` (a snoozed alert has its reopening date, a resolved one its instant). */
export function arbAlertCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'alert'>> {
  return fc.constantFrom(...AlertStatusSchema.options).chain((status) =>
    fc.record(
      {
        portfolioId: portfolioIdOf(ctx),
        propertyId: optionalRef(ctx, 'property'),
        type: fc.constantFrom(
          'lease_expiring',
          'rent_late',
          'dscr_below_covenant',
          'loan_maturing',
          'rate_reset',
        ),
        dedupeKey: fc.string({ minLength: 1, maxLength: 40 }),
        entityType: option(fc.constantFrom(...ENTITY_TYPES)),
        entityId: option(arbId()),
        raisedAt: arbInstant(),
        priority: fc.constantFrom(...PrioritySchema.options),
        status: fc.constant(status),
        message: arbText(200),
        details: arbJsonObject(),
        snoozedUntil: status === 'snoozed' ? arbDate() : fc.constant(null),
        resolvedAt: status === 'resolved' ? arbInstant() : fc.constant(null),
        resolution:
          status === 'resolved' ? fc.constantFrom('manual' as const, 'auto' as const) : fc.constant(null),
      },
      {
        requiredKeys: [
          'portfolioId',
          'type',
          'dedupeKey',
          'raisedAt',
          'priority',
          'message',
          ...(status === 'open' ? [] : (['status', 'snoozedUntil', 'resolvedAt'] as const)),
        ],
      },
    ),
  );
}

/** Input of `TaskCreateSchema`. */
export function arbTaskCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'task'>> {
  return fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      propertyId: optionalRef(ctx, 'property'),
      unitId: optionalRef(ctx, 'unit'),
      title: arbText(100),
      description: arbOptionalText(500),
      dueDate: option(arbDate()),
      status: fc.constantFrom(...TaskStatusSchema.options),
      priority: fc.constantFrom(...PrioritySchema.options),
      category: option(fc.constantFrom(...TaskCategorySchema.options)),
      assigneeId: optionalRef(ctx, 'user'),
      alertId: optionalRef(ctx, 'alert'),
      completedAt: option(arbInstant()),
    },
    { requiredKeys: ['portfolioId', 'title'] },
  );
}

/** Input of `DealCreateSchema`: either no stage history, or one in time order that ends with `stage`. */
export function arbDealCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'deal'>> {
  const stage = fc.constantFrom(...DealStageSchema.options);
  return fc
    .tuple(stage, fc.array(stage, { maxLength: 3 }), fc.boolean())
    .chain(([current, earlier, withHistory]) => {
      const stages = withHistory ? [...earlier, current] : [];
      const history = fc
        .tuple(
          fc.array(arbInstant(), { minLength: stages.length, maxLength: stages.length }),
          fc.array(arbOptionalText(100), { minLength: stages.length, maxLength: stages.length }),
        )
        .map(([ats, notes]) => {
          const sorted = [...ats].sort();
          return stages.map((s, i) => ({ stage: s, at: sorted[i] ?? '', note: notes[i] ?? null }));
        });
      return fc.record(
        {
          portfolioId: portfolioIdOf(ctx),
          name: arbText(80),
          address: arbAddress(),
          propertyType: option(fc.constantFrom(...PropertyTypeSchema.options)),
          unitCount: option(fc.integer({ min: 1, max: 500 })),
          askingPrice: money(ctx, '0', '9000000'),
          stage: fc.constant(current),
          listingUrl: option(
            fc
              .tuple(matching(/^[a-z]{1,10}$/), fc.nat(99_999))
              .map(([host, n]) => `https://${host}.example.com/listing/${n}`),
          ),
          propertyId: optionalRef(ctx, 'property'),
          notes: arbOptionalText(200),
          stageHistory: history,
        },
        { requiredKeys: ['portfolioId', 'name', 'address', 'askingPrice', 'stage', 'stageHistory'] },
      );
    });
}

/** The underwriting inputs of a deal analysis (`inputs` of `DealAnalysisCreateSchema`). */
function arbDealInputs(ctx: ArbContext) {
  return fc.record(
    {
      purchase: fc.record(
        { price: money(ctx, '0', '5000000'), closingCosts: money(ctx, '0', '100000') },
        { requiredKeys: ['price'] },
      ),
      financing: option(
        fc.record(
          {
            loanAmount: money(ctx, smallest(ctx), '4000000'),
            annualRate: arbRate({ min: 0, max: 0.12 }),
            termMonths: fc.integer({ min: 1, max: 480 }),
            amortizationMonths: option(fc.integer({ min: 1, max: 480 })),
            interestOnlyMonths: fc.integer({ min: 0, max: 120 }),
            interestBasis: fc.constantFrom(...InterestBasisSchema.options),
            loanCosts: money(ctx, '0', '50000'),
          },
          { requiredKeys: ['loanAmount', 'annualRate', 'termMonths'] },
        ),
      ),
      rehab: fc.record(
        {
          cost: money(ctx, '0', '500000'),
          months: fc.integer({ min: 0, max: 24 }),
          afterRepairValue: option(money(ctx, '0', '9000000')),
        },
        { requiredKeys: [] },
      ),
      rents: fc.record(
        {
          grossMonthlyRent: money(ctx, '0', '50000'),
          otherMonthlyIncome: money(ctx, '0', '5000'),
          vacancyRate: arbRate({ min: 0, max: 0.3 }),
        },
        { requiredKeys: ['grossMonthlyRent'] },
      ),
      expenses: fc.record(
        {
          annualTaxes: money(ctx, '0', '50000'),
          annualInsurance: money(ctx, '0', '20000'),
          annualUtilities: money(ctx, '0', '20000'),
          annualHoa: money(ctx, '0', '10000'),
          annualOther: money(ctx, '0', '10000'),
          managementRate: arbRate({ min: 0, max: 0.15 }),
          maintenanceRate: arbRate({ min: 0, max: 0.15 }),
          capexReserveRate: arbRate({ min: 0, max: 0.15 }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['purchase', 'rents'] },
  );
}

/** Input of `DealAnalysisCreateSchema`. */
export function arbDealAnalysisCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'dealAnalysis'>> {
  const hundredths = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 100);
  const score = fc.record({
    total: hundredths(0, 10_000),
    criteria: fc.array(
      fc.record({
        criterion: fc.constantFrom('capRate', 'cashOnCash', 'dscr', 'monthlyCashFlow', 'onePercentRule'),
        weight: hundredths(0, 100),
        value: option(hundredths(-100_000, 100_000)),
        score: hundredths(0, 10_000),
        contribution: hundredths(0, 10_000),
      }),
      { maxLength: 5 },
    ),
  });
  return fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      dealId: ref(ctx, 'deal'),
      analysisDate: arbDate(),
      inputs: arbDealInputs(ctx),
      results: arbJsonObject(),
      score: option(score),
      notes: arbOptionalText(200),
    },
    { requiredKeys: ['portfolioId', 'dealId', 'analysisDate', 'inputs'] },
  );
}

/** Input of `ScenarioCreateSchema`: of a property, of a deal, or of neither; years named within `years`. */
export function arbScenarioCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'scenario'>> {
  const subject = fc.oneof(
    fc.constant({ propertyId: null, dealId: null }),
    ref(ctx, 'property').map((propertyId) => ({ propertyId, dealId: null })),
    ref(ctx, 'deal').map((dealId) => ({ propertyId: null, dealId })),
  );
  const assumptions = fc.integer({ min: 1, max: 30 }).chain((years) => {
    const year = fc.integer({ min: 1, max: years });
    return fc.record(
      {
        years: fc.constant(years),
        growth: fc.record(
          {
            rentGrowthRate: arbRate({ min: -0.05, max: 0.1 }),
            expenseGrowthRate: arbRate({ min: -0.05, max: 0.1 }),
            appreciationRate: arbRate({ min: -0.05, max: 0.1 }),
          },
          { requiredKeys: [] },
        ),
        vacancyRate: arbRate({ min: 0, max: 0.3 }),
        capex: fc.record(
          {
            annualReserve: money(ctx, '0', '50000'),
            items: fc.array(
              fc.record(
                { year, amount: money(ctx, '0', '100000'), description: arbOptionalText(100) },
                { requiredKeys: ['year', 'amount'] },
              ),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: [] },
        ),
        refinance: option(
          fc.record(
            {
              year,
              ltv: arbRate({ min: 0, max: 0.9 }),
              annualRate: arbRate({ min: 0, max: 0.12 }),
              termMonths: fc.integer({ min: 1, max: 480 }),
              closingCostRate: arbRate({ min: 0, max: 0.05 }),
            },
            { requiredKeys: ['year', 'ltv', 'annualRate', 'termMonths'] },
          ),
        ),
        sale: option(
          fc.record(
            {
              year,
              exitCapRate: option(arbRate({ min: 0.01, max: 0.15 })),
              sellingCostRate: arbRate({ min: 0, max: 0.1 }),
            },
            { requiredKeys: ['year'] },
          ),
        ),
        discountRate: option(arbRate({ min: 0, max: 0.2 })),
        monteCarlo: option(
          fc.record(
            {
              iterations: fc.integer({ min: 1, max: 1000 }),
              rentGrowthStdDev: arbRate({ min: 0, max: 0.05 }),
              appreciationStdDev: arbRate({ min: 0, max: 0.05 }),
              vacancyStdDev: arbRate({ min: 0, max: 0.05 }),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: ['years'] },
    );
  });
  const rest = fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      name: arbText(80),
      description: arbOptionalText(500),
      assumptions,
      seed: fc.integer({ min: 0, max: 4_294_967_295 }),
      results: option(arbJsonObject()),
    },
    { requiredKeys: ['portfolioId', 'name', 'assumptions', 'seed'] },
  );
  return fc.tuple(rest, subject).map(([input, about]) => ({ ...input, ...about }));
}

/** Input of `DocumentRecordCreateSchema` (links point at known records when there are any). */
export function arbDocumentCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'document'>> {
  const linkable = (['property', 'unit', 'lease', 'loan', 'contact', 'transaction'] as const).filter(
    (type) => (ctx.ids?.[type] ?? []).length > 0,
  );
  const link =
    linkable.length > 0
      ? fc
          .constantFrom(...linkable)
          .chain((entityType) => ref(ctx, entityType).map((entityId) => ({ entityType, entityId })))
      : fc.record({ entityType: fc.constantFrom(...ENTITY_TYPES), entityId: arbId() });
  return fc.record(
    {
      portfolioId: portfolioIdOf(ctx),
      kind: fc.constantFrom(...DocumentKindSchema.options),
      title: arbText(100),
      links: fc.array(link, { maxLength: 3 }),
      expiryDate: option(arbDate()),
      blobKey: matching(/^[a-z0-9][a-z0-9/._-]{0,59}$/),
      contentType: option(
        fc.constantFrom(
          'application/pdf',
          'image/png',
          'image/jpeg',
          'text/csv',
          'text/plain; charset=utf-8',
        ),
      ),
      size: option(fc.integer({ min: 0, max: 1_000_000_000 })),
      sha256: option(matching(/^[0-9a-f]{64}$/)),
    },
    { requiredKeys: ['portfolioId', 'kind', 'title', 'blobKey'] },
  );
}

/** Input of `UserCreateSchema`. */
export function arbUserCreate(): fc.Arbitrary<EntityCreateInput<'user'>> {
  return fc.record({ email: arbEmail(), name: arbText(80) });
}

/** Input of `RoleAssignmentCreateSchema` (an owner is never limited to properties). */
export function arbRoleAssignmentCreate(
  ctx: ArbContext = {},
): fc.Arbitrary<EntityCreateInput<'roleAssignment'>> {
  return fc.constantFrom(...RoleSchema.options).chain((role) =>
    fc.record(
      {
        portfolioId: portfolioIdOf(ctx),
        userId: ref(ctx, 'user'),
        role: fc.constant(role),
        propertyIds: role === 'owner' ? fc.constant(null) : option(refList(ctx, 'property', 1)),
      },
      { requiredKeys: ['portfolioId', 'userId', 'role'] },
    ),
  );
}

/** Input of `AuditEntryCreateSchema` (without `id`): an action on some entity by a user of the context. */
export function arbAuditEntryCreate(ctx: ArbContext = {}): fc.Arbitrary<EntityCreateInput<'auditEntry'>> {
  return fc.record(
    {
      portfolioId: ctx.portfolioId === undefined ? option(arbId()) : fc.constant(ctx.portfolioId),
      at: arbInstant(),
      actorId: ref(ctx, 'user'),
      action: fc.constantFrom(...AuditActionSchema.options),
      entityType: fc.constantFrom(...ENTITY_TYPES),
      entityId: option(arbId()),
      before: option(arbJsonObject()),
      after: option(arbJsonObject()),
      details: option(arbJsonObject()),
    },
    { requiredKeys: ['portfolioId', 'at', 'actorId', 'action', 'entityType'] },
  );
}

/** The create-input arbitrary of every record type. */
const CREATE_ARBITRARIES: { [K in RecordType]: (ctx: ArbContext) => fc.Arbitrary<EntityCreateInput<K>> } = {
  portfolio: () => arbPortfolioCreate(),
  property: arbPropertyCreate,
  valuation: arbValuationCreate,
  unit: arbUnitCreate,
  contact: arbContactCreate,
  lease: arbLeaseCreate,
  loan: arbLoanCreate,
  transaction: arbTransactionCreate,
  category: arbCategoryCreate,
  recurringCharge: arbRecurringChargeCreate,
  budget: arbBudgetCreate,
  alert: arbAlertCreate,
  task: arbTaskCreate,
  deal: arbDealCreate,
  dealAnalysis: arbDealAnalysisCreate,
  scenario: arbScenarioCreate,
  document: arbDocumentCreate,
  user: () => arbUserCreate(),
  roleAssignment: arbRoleAssignmentCreate,
};

/** Input of the create schema of record type `type` (e.g. `arbCreateInput('lease', { portfolioId, ids })`). */
export function arbCreateInput<K extends RecordType>(
  type: K,
  ctx: ArbContext = {},
): fc.Arbitrary<EntityCreateInput<K>> {
  return CREATE_ARBITRARIES[type](ctx);
}
