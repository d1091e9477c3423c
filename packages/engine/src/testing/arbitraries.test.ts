import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isDateString } from '../domain/dates.js';
import { AuditEntrySchema, ENTITY_SCHEMAS, entitySchemasFor, LoanSchema } from '../domain/entities/index.js';
import { currencyMinorDigits, isDecimalString } from '../domain/money.js';
import { createMemoryRepository } from '../memory/index.js';
import { FILTER_FIELDS, type RecordType, UNIQUE_KEYS } from '../ports/repository.js';
import {
  type ArbContext,
  arbAuditEntry,
  arbCreateInput,
  arbDate,
  arbInstant,
  arbJsonObject,
  arbMoney,
  arbPortfolioCreate,
  arbPortfolioData,
  arbRate,
  arbRecord,
  PORTFOLIO_DATA_ORDER,
  portfolioDataEntries,
} from './index.js';

const NUM_RUNS = 200;
const RECORD_TYPES = Object.keys(FILTER_FIELDS) as RecordType[];

const context: ArbContext = {
  portfolioId: '0190a000-0000-7000-8000-000000000001',
  ids: {
    property: ['0190a000-0000-7000-8000-00000000000a', '0190a000-0000-7000-8000-00000000000b'],
    unit: ['0190a000-0000-7000-8000-0000000000a1'],
    contact: ['0190a000-0000-7000-8000-0000000000c1', '0190a000-0000-7000-8000-0000000000c2'],
    lease: ['0190a000-0000-7000-8000-0000000000e1'],
    loan: ['0190a000-0000-7000-8000-0000000000f1'],
    user: ['0190a000-0000-7000-8000-0000000000b1'],
    deal: ['0190a000-0000-7000-8000-0000000000d1'],
    alert: ['0190a000-0000-7000-8000-0000000000aa'],
  },
};

describe('value arbitraries', () => {
  test('arbMoney: canonical decimal strings within bounds, with the currency digits', () => {
    for (const minorDigits of [0, 2, 3]) {
      fc.assert(
        fc.property(arbMoney({ min: '-5', max: '7', minorDigits }), (amount) => {
          expect(isDecimalString(amount)).toBe(true);
          expect(amount.split('.')[1]?.length ?? 0).toBe(minorDigits);
          expect(Number(amount)).toBeGreaterThanOrEqual(-5);
          expect(Number(amount)).toBeLessThanOrEqual(7);
          expect(amount).not.toMatch(/^-0(?:\.0*)?$/);
          expect(entitySchemasFor(minorDigits).transaction.create.shape.amount.parse(amount)).toBe(amount);
        }),
        { numRuns: NUM_RUNS },
      );
    }
    expect(() => arbMoney({ min: '0.001' })).toThrow(RangeError);
  });

  test('arbDate, arbInstant and arbRate stay within their bounds and are canonical', () => {
    fc.assert(
      fc.property(
        arbDate({ from: '2024-02-28', to: '2024-03-01' }),
        arbInstant({ from: '2024-01-01T00:00:00.000Z', to: '2024-01-02T00:00:00.000Z' }),
        arbRate({ min: -0.01, max: 0.2, decimals: 3 }),
        (date, instant, rate) => {
          expect(isDateString(date)).toBe(true);
          expect(['2024-02-28', '2024-02-29', '2024-03-01']).toContain(date);
          expect(new Date(instant).toISOString()).toBe(instant);
          expect(instant >= '2024-01-01T00:00:00.000Z' && instant <= '2024-01-02T00:00:00.000Z').toBe(true);
          expect(rate).toBeGreaterThanOrEqual(-0.01);
          expect(rate).toBeLessThanOrEqual(0.2);
          expect(Number(String(rate))).toBe(rate);
          expect(Object.is(rate, -0)).toBe(false);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  test('arbJsonObject survives JSON unchanged', () => {
    fc.assert(
      fc.property(arbJsonObject(), (value) => {
        expect(JSON.parse(JSON.stringify(value))).toEqual(value);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('create-input arbitraries pass their create schemas', () => {
  test.each(RECORD_TYPES)('%s (no context)', (type) => {
    fc.assert(
      fc.property(arbCreateInput(type), (input) => {
        const result = ENTITY_SCHEMAS[type].create.safeParse(input);
        expect(result.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test.each(RECORD_TYPES)('%s (with ids, in a three-decimal currency)', (type) => {
    const schemas = entitySchemasFor(3);
    fc.assert(
      fc.property(arbCreateInput(type, { ...context, minorDigits: 3 }), (input) => {
        const result = schemas[type].create.safeParse(input);
        expect(result.error?.issues ?? []).toEqual([]);
        const portfolioId = (input as { portfolioId?: string }).portfolioId;
        if (portfolioId !== undefined) expect(portfolioId).toBe(context.portfolioId);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('a portfolio input with a fixed currency keeps it', () => {
    fc.assert(
      fc.property(arbPortfolioCreate({ currency: 'JPY' }), (input) => {
        expect(ENTITY_SCHEMAS.portfolio.create.parse(input).currency).toBe('JPY');
      }),
      { numRuns: 50 },
    );
  });

  test('transactions use the context categories with their kinds', () => {
    const categories = [{ key: 'pool_service', kind: 'operating_expense' as const }];
    fc.assert(
      fc.property(arbRecord('transaction', { ...context, categories }), (transaction) => {
        expect(transaction.category).toBe('pool_service');
        expect(transaction.kind).toBe('operating_expense');
      }),
      { numRuns: 50 },
    );
  });
});

describe('record arbitraries produce canonical stored records', () => {
  test.each(RECORD_TYPES)('%s', (type) => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 2, 3).chain((minorDigits) =>
          arbRecord(type, { ...context, minorDigits, at: { from: '2024-01-01T00:00:00.000Z' } }).map(
            (record) => ({
              record,
              minorDigits,
            }),
          ),
        ),
        ({ record, minorDigits }) => {
          const digits =
            type === 'portfolio'
              ? currencyMinorDigits((record as { currency: string }).currency)
              : minorDigits;
          const result = entitySchemasFor(digits)[type].record.safeParse(record);
          expect(result.error?.issues ?? []).toEqual([]);
          expect(result.data).toEqual(record);
          expect(record.version).toBe(1);
          expect(record.updatedAt).toBe(record.createdAt);
          expect(record.createdAt >= '2024-01-01T00:00:00.000Z').toBe(true);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  test('the documented arbRecord example', () => {
    const portfolioId = 'p1';
    const propertyId = 'pr1';
    fc.assert(
      fc.property(arbRecord('loan', { portfolioId, ids: { property: [propertyId] } }), (loan) => {
        expect(LoanSchema.parse(loan)).toEqual(loan);
        expect(loan.propertyId).toBe(propertyId);
      }),
      { numRuns: 50 },
    );
  });

  test('fixed id, instant and archiving', () => {
    const at = '2025-05-05T05:05:05.000Z';
    fc.assert(
      fc.property(arbRecord('loan', { ...context, id: 'loan-1', at, archived: 'always' }), (loan) => {
        expect(loan.id).toBe('loan-1');
        expect(loan.createdAt).toBe(at);
        expect(loan.archivedAt).not.toBeNull();
        expect(context.ids?.property).toContain(loan.propertyId);
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(arbRecord('portfolio', { portfolioId: 'p-1', archived: 'never' }), (portfolio) => {
        expect(portfolio.id).toBe('p-1');
        expect(portfolio.archivedAt).toBeNull();
      }),
      { numRuns: 20 },
    );
  });

  test('audit entries pass AuditEntrySchema and are canonical', () => {
    fc.assert(
      fc.property(arbAuditEntry(context), (entry) => {
        expect(AuditEntrySchema.parse(entry)).toEqual(entry);
        expect(entry.actorId).toBe(context.ids?.user?.[0]);
        expect(entry.portfolioId).toBe(context.portfolioId);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('arbPortfolioData', () => {
  test('every record passes its schema; ids and unique keys are unique; references resolve', () => {
    fc.assert(
      fc.property(arbPortfolioData(), (data) => {
        const schemas = entitySchemasFor(data.portfolio.currency);
        expect(schemas.portfolio.record.parse(data.portfolio)).toEqual(data.portfolio);
        const entries = portfolioDataEntries(data);
        const ids = new Set<string>();
        for (const { type, record } of entries) {
          expect(schemas[type].record.parse(record), type).toEqual(record);
          expect(ids.has(record.id), `duplicate id ${record.id}`).toBe(false);
          ids.add(record.id);
          if ('portfolioId' in record && type !== 'user') expect(record.portfolioId).toBe(data.portfolio.id);
        }
        for (const entry of data.audit) {
          expect(AuditEntrySchema.parse(entry)).toEqual(entry);
          expect(ids.has(entry.id)).toBe(false);
          ids.add(entry.id);
        }
        for (const [type, keys] of Object.entries(UNIQUE_KEYS) as [
          PortfolioKey,
          readonly (readonly string[])[],
        ][]) {
          for (const fields of keys) {
            const values = (data.records[type] as unknown as Record<string, unknown>[])
              .map((record) => fields.map((field) => record[field]))
              .filter((tuple) => tuple.every((value) => value !== null && value !== undefined))
              .map((tuple) => JSON.stringify(tuple));
            expect(new Set(values).size, `${type} ${fields.join('+')}`).toBe(values.length);
          }
        }
        const { records } = data;
        const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((r) => [r.id, r]));
        const units = byId(records.unit);
        const leases = byId(records.lease);
        const categories = new Map(records.category.map((c) => [c.key, c.kind]));
        for (const lease of records.lease) {
          expect(units.get(lease.unitId)?.propertyId).toBe(lease.propertyId);
          for (const tenant of lease.tenantIds) expect(ids.has(tenant)).toBe(true);
        }
        for (const tx of records.transaction) {
          expect(categories.get(tx.category)).toBe(tx.kind);
          if (tx.leaseId !== null) expect(leases.get(tx.leaseId)?.propertyId).toBe(tx.propertyId);
          if (tx.unitId !== null) expect(units.get(tx.unitId)?.propertyId).toBe(tx.propertyId);
        }
        expect(data.audit.map((e) => `${e.at} ${e.id}`)).toEqual(
          data.audit.map((e) => `${e.at} ${e.id}`).sort(),
        );
        expect(Object.keys(records).sort()).toEqual([...PORTFOLIO_DATA_ORDER].sort());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('loads into the memory repository in dependency order, and reads back identical', async () => {
    await fc.assert(
      fc.asyncProperty(arbPortfolioData({ maxPerType: 2 }), async (data) => {
        const repo = createMemoryRepository();
        await repo.transaction(async (tx) => {
          for (const { type, record } of portfolioDataEntries(data)) await tx.insert(type, record);
          await tx.appendAuditMany(data.audit);
        });
        for (const { type, record } of portfolioDataEntries(data)) {
          expect(await repo.get(type, record.id)).toEqual(record);
        }
        expect((await repo.listAudit({ limit: 1000 })).items).toEqual(data.audit);
        await repo.close();
      }),
      { numRuns: 50 },
    );
  });
});

type PortfolioKey = keyof typeof UNIQUE_KEYS;
