/**
 * A plain page (no test runner) that writes a small portfolio through the IndexedDB adapter and reads it back:
 * driven by Playwright across a page reload and across a browser restart with the same profile.
 */
import type { AuditEntry, MonthlyTotal, RecordOf, Transaction } from '@freehold/engine';
import { createIndexedDbRepository } from '../../src/index.js';

/** What the page reads back: records, a pushed-down aggregate and the audit log. */
export interface PersistenceSnapshot {
  readonly portfolio: RecordOf<'portfolio'> | null;
  readonly property: RecordOf<'property'> | null;
  readonly transactions: Transaction[];
  readonly totals: MonthlyTotal[];
  readonly audit: AuditEntry[];
  readonly schemaVersion: number;
}

/** What {@link PersistenceApi.quotaProbe} saw. */
export interface QuotaProbe {
  /** `code` of the error the oversized unit of work rejected with (null if it did not). */
  readonly code: string | null;
  /** Its message. */
  readonly message: string | null;
  /** Transactions stored afterwards. */
  readonly transactionsAfter: number;
  /** Monthly totals (rows) readable afterwards. */
  readonly bucketsAfter: number;
}

/** The page's API, on `window.freeholdPersistence`. */
export interface PersistenceApi {
  /**
   * Writes the portfolio and property of the data set, then tries one unit of work of ~6 MB of transactions (run
   * it under a small quota) and reports how it failed and what was left.
   */
  quotaProbe(name: string): Promise<QuotaProbe>;
  /** Writes the data set into database `name` (one unit of work) and returns what it reads back. */
  write(name: string): Promise<PersistenceSnapshot>;
  /** Reads the data set from database `name`. */
  read(name: string): Promise<PersistenceSnapshot>;
}

const AT = '2025-01-01T00:00:00.000Z';
const PORTFOLIO_ID = '01900000-0000-7000-8000-000000000001';
const PROPERTY_ID = '01900000-0000-7000-8000-000000000002';

const portfolio = {
  id: PORTFOLIO_ID,
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  archivedAt: null,
  name: 'Château “Ø” – 東京 🏠',
  currency: 'USD',
  fiscalYearStartMonth: 1,
  settings: {},
} as unknown as RecordOf<'portfolio'>;

const property = {
  id: PROPERTY_ID,
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  archivedAt: null,
  portfolioId: PORTFOLIO_ID,
  name: '221B Baker Street',
  address: {
    line1: '221B Baker Street',
    line2: null,
    city: 'London',
    region: null,
    postalCode: 'NW1 6XE',
    country: 'GB',
  },
  location: { lat: 51.523767, lng: -0.158555 },
  propertyType: 'multifamily',
  purchaseDate: '2020-06-30',
  purchasePrice: '412345.67',
  closingCosts: '4321.09',
  landValue: '50000.5',
  ownershipShare: 1,
  status: 'active',
  saleDate: null,
  salePrice: null,
} as unknown as RecordOf<'property'>;

/** `length` characters that do not compress (Chromium compresses large IndexedDB values). */
function noise(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => String.fromCharCode(33 + (byte % 90))).join('');
}

function transactions(count = 40, memo?: () => string): Transaction[] {
  return Array.from({ length: count }, (_, i) => {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const rent = i % 3 !== 0;
    return {
      id: `01900000-0000-7000-8000-${String(1000 + i).padStart(12, '0')}`,
      version: 1,
      createdAt: AT,
      updatedAt: AT,
      portfolioId: PORTFOLIO_ID,
      propertyId: PROPERTY_ID,
      unitId: null,
      leaseId: null,
      loanId: null,
      date: `2024-${month}-${String(1 + (i % 28)).padStart(2, '0')}`,
      amount: rent ? `${1500 + i}.25` : `-${100 + i * 3}.1`,
      category: rent ? 'rent' : 'repairs',
      kind: rent ? 'income' : 'operating_expense',
      payee: null,
      memo: memo ? memo() : i === 0 ? 'Bob’s Plumbing; DROP TABLE x; --' : null,
      groupId: null,
      reconciled: i % 2 === 0,
      source: 'import',
      sourceRef: 'bank-csv',
      externalId: `FITID-${i}`,
    } as Transaction;
  });
}

const audit: AuditEntry = {
  id: '01900000-0000-7000-8000-000000009999',
  portfolioId: PORTFOLIO_ID,
  at: AT,
  actorId: '01900000-0000-7000-8000-000000000003',
  action: 'import',
  entityType: 'transaction',
  entityId: null,
  before: null,
  after: null,
  details: { source: 'bank-csv', count: 40 },
};

async function read(name: string): Promise<PersistenceSnapshot> {
  const repo = await createIndexedDbRepository({ name });
  try {
    return {
      portfolio: await repo.get('portfolio', PORTFOLIO_ID),
      property: await repo.get('property', PROPERTY_ID),
      transactions: (await repo.list('transaction', { limit: 1000 })).items,
      totals: await repo.monthlyTotals({ portfolioId: PORTFOLIO_ID, from: '2024-01-01', to: '2024-12-31' }),
      audit: (await repo.listAudit()).items,
      schemaVersion: repo.schemaVersion,
    };
  } finally {
    await repo.close();
  }
}

async function write(name: string): Promise<PersistenceSnapshot> {
  const repo = await createIndexedDbRepository({ name });
  try {
    await repo.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('property', property);
      await tx.insertMany('transaction', transactions());
      await tx.appendAudit(audit);
    });
  } finally {
    await repo.close();
  }
  return read(name);
}

async function quotaProbe(name: string): Promise<QuotaProbe> {
  const repo = await createIndexedDbRepository({ name });
  try {
    await repo.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('property', property);
    });
    let code: string | null = null;
    let message: string | null = null;
    try {
      await repo.transaction((tx) =>
        tx.insertMany(
          'transaction',
          transactions(3000, () => noise(1900)),
        ),
      );
    } catch (error) {
      code = String((error as { code?: unknown }).code);
      message = String((error as Error).message);
    }
    const totals = await repo.monthlyTotals({
      portfolioId: PORTFOLIO_ID,
      from: '2000-01-01',
      to: '2099-12-31',
    });
    return {
      code,
      message,
      transactionsAfter: (await repo.list('transaction', { limit: 1000 })).items.length,
      bucketsAfter: totals.length,
    };
  } finally {
    await repo.close();
  }
}

const api: PersistenceApi = { write, read, quotaProbe };
(globalThis as unknown as { freeholdPersistence: PersistenceApi }).freeholdPersistence = api;
