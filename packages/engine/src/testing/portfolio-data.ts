/**
 * A fast-check arbitrary of whole portfolios: a portfolio and records of every type that refer to each other
 * consistently, respect every unique key, and pass their record schemas — for snapshot round trips and
 * model-based storage tests.
 * @module
 */
import fc from 'fast-check';
import { CATEGORY_KINDS, type CategoryKind, DEFAULT_CATEGORIES } from '../domain/categories.js';
import type { AuditEntry, Category, Portfolio } from '../domain/entities/index.js';
import { currencyMinorDigits } from '../domain/money.js';
import type { RecordOf, RecordType } from '../ports/repository.js';
import { ARB_CURRENCIES, type ArbContext, type CategoryRef } from './create-inputs.js';
import { type ArbInstants, arbAuditEntry, arbRecord } from './records.js';

/** The record types of a portfolio's data besides the portfolio itself, parents before children. */
export const PORTFOLIO_DATA_ORDER = [
  'user',
  'property',
  'valuation',
  'unit',
  'contact',
  'category',
  'lease',
  'loan',
  'transaction',
  'recurringCharge',
  'budget',
  'alert',
  'task',
  'deal',
  'dealAnalysis',
  'scenario',
  'document',
  'roleAssignment',
] as const satisfies readonly RecordType[];

/** A record type of {@link PORTFOLIO_DATA_ORDER}. */
export type PortfolioDataType = (typeof PORTFOLIO_DATA_ORDER)[number];

/** A generated portfolio: the portfolio record, its records by type, and its audit entries (oldest first). */
export interface PortfolioData {
  /** The portfolio record. */
  readonly portfolio: Portfolio;
  /** Its records by type; `user` holds the users its role assignments and audit entries name. */
  readonly records: { readonly [K in PortfolioDataType]: RecordOf<K>[] };
  /** Its audit entries, ordered by `at`, then `id`. */
  readonly audit: AuditEntry[];
}

/** Options of {@link arbPortfolioData}. */
export interface PortfolioDataOptions {
  /** At most this many records of each type, transactions excepted (default 3). */
  readonly maxPerType?: number;
  /** At most this many transactions (default `4 × maxPerType`). */
  readonly maxTransactions?: number;
  /** The portfolio's currency (default: one of `ARB_CURRENCIES`, so 0, 2 and 3 minor digits all occur). */
  readonly currency?: string;
  /** When records were created (default: 2000–2040). */
  readonly at?: ArbInstants;
}

/**
 * Whole portfolios with consistent references: units and valuations of its properties, leases of its units
 * (property denormalised from the unit, tenants among its contacts, renewals of earlier leases), loans of its
 * properties, transactions whose property agrees with their unit, lease and loan, built-in default categories plus
 * custom ones (transactions, budgets and recurring charges use only these, each transaction with its category's
 * kind), one role per user, documents linking its records, and audit entries by its users. Ids are unique
 * UUIDv7-shaped strings in scrambled order; unique keys (category keys, transaction external ids, user emails)
 * never collide.
 */
export function arbPortfolioData(options: PortfolioDataOptions = {}): fc.Arbitrary<PortfolioData> {
  const max = options.maxPerType ?? 3;
  const count = fc.integer({ min: 0, max });
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 0xffff_ffff }),
      currency:
        options.currency === undefined ? fc.constantFrom(...ARB_CURRENCIES) : fc.constant(options.currency),
      customKinds: fc.array(fc.constantFrom(...CATEGORY_KINDS), { maxLength: max }),
      counts: fc.record({
        user: count,
        property: count,
        valuation: count,
        unit: count,
        contact: count,
        lease: count,
        loan: count,
        transaction: fc.integer({ min: 0, max: options.maxTransactions ?? 4 * max }),
        recurringCharge: count,
        budget: count,
        alert: count,
        task: count,
        deal: count,
        dealAnalysis: count,
        scenario: count,
        document: count,
        audit: count,
      }),
    })
    .chain(({ seed, currency, customKinds, counts }) =>
      buildPortfolio(seed, currency, customKinds, counts, options),
    );
}

type Counts = Record<Exclude<PortfolioDataType, 'category' | 'roleAssignment'> | 'audit', number>;

function buildPortfolio(
  seed: number,
  currency: string,
  customKinds: readonly CategoryKind[],
  requested: Counts,
  options: PortfolioDataOptions,
): fc.Arbitrary<PortfolioData> {
  const counts = { ...requested };
  // Children need parents: no property, no units, leases, loans, money; no unit, no lease; no deal, no analysis.
  if (counts.property === 0) {
    for (const type of [
      'valuation',
      'unit',
      'lease',
      'loan',
      'transaction',
      'recurringCharge',
      'budget',
    ] as const) {
      counts[type] = 0;
    }
  }
  if (counts.unit === 0) counts.lease = 0;
  if (counts.lease > 0) counts.contact = Math.max(counts.contact, 1);
  if (counts.deal === 0) counts.dealAnalysis = 0;

  const nextId = idSequence(seed);
  const idsOf = (n: number) => Array.from({ length: n }, nextId);
  const portfolioId = nextId();
  const customCategoryIds = idsOf(customKinds.length);
  const defaultCategoryIds = idsOf(DEFAULT_CATEGORIES.length);
  const ids = {
    user: idsOf(counts.user),
    property: idsOf(counts.property),
    valuation: idsOf(counts.valuation),
    unit: idsOf(counts.unit),
    contact: idsOf(counts.contact),
    lease: idsOf(counts.lease),
    loan: idsOf(counts.loan),
    transaction: idsOf(counts.transaction),
    recurringCharge: idsOf(counts.recurringCharge),
    budget: idsOf(counts.budget),
    alert: idsOf(counts.alert),
    task: idsOf(counts.task),
    deal: idsOf(counts.deal),
    dealAnalysis: idsOf(counts.dealAnalysis),
    scenario: idsOf(counts.scenario),
    document: idsOf(counts.document),
    roleAssignment: idsOf(counts.user),
    audit: idsOf(counts.audit),
  };
  const customCategories: CategoryRef[] = customKinds.map((kind, i) => ({ key: `custom_${i + 1}`, kind }));
  const ctx: ArbContext & { at?: ArbInstants } = {
    portfolioId,
    ids,
    categories: [...DEFAULT_CATEGORIES, ...customCategories],
    minorDigits: currencyMinorDigits(currency),
    ...(options.at === undefined ? {} : { at: options.at }),
  };
  const many = <K extends PortfolioDataType>(type: K, list: readonly string[]) =>
    fc.tuple(...list.map((id) => arbRecord(type, { ...ctx, id }))).map((records) => [...records]);

  return fc
    .record({
      portfolio: arbRecord('portfolio', { ...ctx, currency, id: portfolioId, archived: 'never' }),
      user: many('user', ids.user),
      property: many('property', ids.property),
      valuation: many('valuation', ids.valuation),
      unit: many('unit', ids.unit),
      contact: many('contact', ids.contact),
      customCategory: many('category', customCategoryIds),
      lease: many('lease', ids.lease),
      loan: many('loan', ids.loan),
      transaction: many('transaction', ids.transaction),
      recurringCharge: many('recurringCharge', ids.recurringCharge),
      budget: many('budget', ids.budget),
      alert: many('alert', ids.alert),
      task: many('task', ids.task),
      deal: many('deal', ids.deal),
      dealAnalysis: many('dealAnalysis', ids.dealAnalysis),
      scenario: many('scenario', ids.scenario),
      document: many('document', ids.document),
      roleAssignment: fc
        .tuple(
          ...ids.user.map((userId, i) =>
            arbRecord('roleAssignment', {
              ...ctx,
              id: ids.roleAssignment[i] ?? userId,
              ids: { ...ids, user: [userId] },
            }),
          ),
        )
        .map((records) => [...records]),
      audit: fc.tuple(...ids.audit.map((id) => arbAuditEntry({ ...ctx, id }))).map((entries) => [...entries]),
    })
    .map((generated) => {
      const { portfolio } = generated;
      const category: Category[] = [
        ...DEFAULT_CATEGORIES.map((definition, i) => ({
          id: defaultCategoryIds[i] ?? '',
          version: 1,
          createdAt: portfolio.createdAt,
          updatedAt: portfolio.createdAt,
          portfolioId,
          key: definition.key,
          name: definition.name,
          kind: definition.kind,
          scheduleELine: definition.scheduleELine
            ? { line: definition.scheduleELine.line, label: definition.scheduleELine.label }
            : null,
          builtIn: true,
          archivedAt: null,
        })),
        ...generated.customCategory.map((record, i) => ({
          ...record,
          key: customCategories[i]?.key ?? record.key,
          kind: customCategories[i]?.kind ?? record.kind,
          builtIn: false,
        })),
      ];
      const unitProperty = new Map(generated.unit.map((unit) => [unit.id, unit.propertyId]));
      const lease = generated.lease.map((record, i) => ({
        ...record,
        propertyId: unitProperty.get(record.unitId) ?? record.propertyId,
        // A renewal points at an earlier lease only, so parents always come first.
        previousLeaseId:
          record.previousLeaseId !== null && ids.lease.indexOf(record.previousLeaseId) < i
            ? record.previousLeaseId
            : null,
      }));
      const links = {
        unitProperty,
        lease: new Map(lease.map((record) => [record.id, record])),
        loanProperty: new Map(generated.loan.map((loan) => [loan.id, loan.propertyId])),
      };
      const data: PortfolioData = {
        portfolio,
        records: {
          user: generated.user.map((user, i) => ({ ...user, email: `u${i}.${user.email}` })),
          property: generated.property,
          valuation: generated.valuation,
          unit: generated.unit,
          contact: generated.contact,
          category,
          lease,
          loan: generated.loan,
          transaction: generated.transaction.map((record, i) => ({
            ...alignLinks(record, links),
            externalId: record.externalId === null ? null : `ext-${i}`,
          })),
          recurringCharge: generated.recurringCharge.map((record) => alignLinks(record, links)),
          budget: generated.budget,
          alert: generated.alert,
          task: generated.task.map((task) => ({
            ...task,
            propertyId:
              task.unitId === null ? task.propertyId : (unitProperty.get(task.unitId) ?? task.propertyId),
          })),
          deal: generated.deal,
          dealAnalysis: generated.dealAnalysis,
          scenario: generated.scenario,
          document: generated.document,
          roleAssignment: generated.roleAssignment,
        },
        audit: [...generated.audit].sort((a, b) =>
          a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
        ),
      };
      return data;
    });
}

interface Linked {
  propertyId: string;
  unitId: string | null;
  leaseId: string | null;
  loanId: string | null;
}

/** Makes a record's property, unit, lease and loan agree: the lease decides, then the unit; a foreign loan is dropped. */
function alignLinks<T extends Linked>(
  record: T,
  links: {
    unitProperty: ReadonlyMap<string, string>;
    lease: ReadonlyMap<string, { propertyId: string; unitId: string }>;
    loanProperty: ReadonlyMap<string, string>;
  },
): T {
  const lease = record.leaseId === null ? undefined : links.lease.get(record.leaseId);
  const unitId = lease ? lease.unitId : record.unitId;
  const unitProperty = unitId === null ? undefined : links.unitProperty.get(unitId);
  const loanProperty = record.loanId === null ? undefined : links.loanProperty.get(record.loanId);
  const propertyId = lease?.propertyId ?? unitProperty ?? loanProperty ?? record.propertyId;
  return { ...record, propertyId, unitId, loanId: loanProperty === propertyId ? record.loanId : null };
}

/**
 * Each record of `data` as `{ type, record }`, parents before children: users, the portfolio, then the types of
 * {@link PORTFOLIO_DATA_ORDER} (audit entries are not included: append them with `appendAuditMany`).
 */
export function portfolioDataEntries(
  data: PortfolioData,
): { type: RecordType; record: RecordOf<RecordType> }[] {
  const entries: { type: RecordType; record: RecordOf<RecordType> }[] = [];
  for (const record of data.records.user) entries.push({ type: 'user', record });
  entries.push({ type: 'portfolio', record: data.portfolio });
  for (const type of PORTFOLIO_DATA_ORDER) {
    if (type === 'user') continue;
    for (const record of data.records[type]) entries.push({ type, record });
  }
  return entries;
}

const HEX = (value: number, width: number) => value.toString(16).padStart(width, '0').slice(-width);

/**
 * Distinct UUIDv7-shaped ids from `seed`: the first 8 hex digits are `n × φ·2³² xor seed` (a bijection of the
 * counter `n`), so ids never repeat and do not sort in creation order.
 */
function idSequence(seed: number): () => string {
  let n = 0;
  return () => {
    n += 1;
    const head = (Math.imul(n, 0x9e37_79b1) ^ seed) >>> 0;
    const mix = Math.imul(n ^ seed, 0x85eb_ca6b) >>> 0;
    return `${HEX(head, 8)}-${HEX(mix >>> 16, 4)}-7${HEX(mix & 0xfff, 3)}-${HEX(0x8000 | (n & 0x3fff), 4)}-${HEX(seed >>> 0, 8)}${HEX(n & 0xffff, 4)}`;
  };
}
