import { describe, expect, test } from 'vitest';
import { counts, rejectsWith, world } from '../../test/services-kit.js';
import type { ValidationError } from '../errors.js';

type World = Awaited<ReturnType<typeof world>>;

function rows(w: World, n: number, prefix = 'bank') {
  return Array.from({ length: n }, (_, i) => ({
    propertyId: i % 2 === 0 ? w.propertyA.id : w.propertyB.id,
    date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    amount: i % 3 === 0 ? '1500.00' : `-${(i % 97) + 1}.${String(i % 100).padStart(2, '0')}`,
    category: i % 3 === 0 ? 'rent' : 'repairs',
    externalId: `${prefix}-${i}`,
  }));
}

async function importAudit(w: World) {
  const page = await w.sessions.owner.audit.list(w.portfolio.id, { limit: 1000 });
  return page.items.filter((entry) => entry.action === 'import');
}

describe('transactions.import', () => {
  test('imports every row in one unit of work with one audit entry for the batch', async () => {
    const w = await world();
    const before = counts(w.storage);
    const result = await w.sessions.manager.transactions.import(w.portfolio.id, rows(w, 25), {
      source: 'import',
      sourceRef: 'bank.csv',
    });
    expect(result).toMatchObject({ inserted: 25, skippedDuplicates: 0, duplicateRows: [] });
    const after = counts(w.storage);
    expect(after.transaction).toBe((before.transaction ?? 0) + 25);
    expect(after.auditEntry).toBe((before.auditEntry ?? 0) + 1);
    const [entry] = await importAudit(w);
    expect(entry).toMatchObject({
      actorId: w.users.manager.id,
      entityType: 'transaction',
      entityId: null,
      details: {
        source: 'import',
        sourceRef: 'bank.csv',
        rows: 25,
        inserted: 25,
        skippedDuplicates: 0,
        firstId: result.firstId,
        lastId: result.lastId,
      },
    });
    const stored = await w.sessions.owner.transactions.list(w.portfolio.id, { limit: 1000 });
    const ids = stored.items.map((t) => t.id).sort();
    expect(ids[0]).toBe(result.firstId);
    expect(ids[ids.length - 1]).toBe(result.lastId);
    expect(stored.items.every((t) => t.source === 'import' && t.sourceRef === 'bank.csv')).toBe(true);
    expect(stored.items.find((t) => t.category === 'repairs')?.kind).toBe('operating_expense');
  });

  test('one bad row writes nothing and is named rows.<index>.<field>', async () => {
    const w = await world();
    const batch: Record<string, unknown>[] = rows(w, 10);
    batch[7] = { ...batch[7], amount: '12.345' };
    batch[3] = { ...batch[3], category: 'nope' };
    batch[5] = { ...batch[5], date: '2025-02-30', propertyId: '01900000-0000-7000-8000-00000000dead' };
    const before = counts(w.storage);
    const error = await rejectsWith(
      w.sessions.owner.transactions.import(w.portfolio.id, batch as never),
      'VALIDATION',
    );
    expect((error as ValidationError).fields).toEqual(['rows.3.category', 'rows.5.date', 'rows.7.amount']);
    expect(error.message).toMatch(/rows\.7\.amount/);
    expect(counts(w.storage)).toEqual(before);

    // Once the row is fixed, the unknown property is reported too.
    batch[5] = { ...batch[5], date: '2025-02-28' };
    batch[3] = { ...batch[3], category: 'rent', kind: 'operating_expense' };
    batch[7] = { ...batch[7], amount: '12.34' };
    const second = await rejectsWith(
      w.sessions.owner.transactions.import(w.portfolio.id, batch as never),
      'VALIDATION',
    );
    expect((second as ValidationError).fields).toEqual(['rows.3.kind', 'rows.5.propertyId']);
    expect(counts(w.storage)).toEqual(before);
  });

  test('de-duplicates by (source, externalId) against stored records and within the batch', async () => {
    const w = await world();
    const first = await w.sessions.owner.transactions.import(w.portfolio.id, rows(w, 10));
    expect(first.inserted).toBe(10);
    const batch = [
      ...rows(w, 15),
      ...rows(w, 3, 'new'),
      rows(w, 1, 'new')[0],
      { ...rows(w, 1, 'none')[0], externalId: null },
    ];
    const second = await w.sessions.owner.transactions.import(w.portfolio.id, batch as never);
    // rows 0–9 are stored already; 10–14 are new; new-0..2 new; the repeated new-0 and nothing else skipped.
    expect(second).toMatchObject({ inserted: 9, skippedDuplicates: 11 });
    expect(second.duplicateRows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 18]);
    // Another source has its own keys.
    const third = await w.sessions.owner.transactions.import(w.portfolio.id, rows(w, 2), {
      source: 'system',
    });
    expect(third).toMatchObject({ inserted: 2, skippedDuplicates: 0 });
    const entries = await importAudit(w);
    expect(entries.map((e) => e.details?.skippedDuplicates)).toEqual([0, 11, 0]);
  });

  test('roles: viewers may not import; a scoped manager only into its properties', async () => {
    const w = await world();
    await rejectsWith(w.sessions.viewer.transactions.import(w.portfolio.id, rows(w, 2)), 'PERMISSION');
    await rejectsWith(w.sessions.stranger.transactions.import(w.portfolio.id, rows(w, 2)), 'PERMISSION');
    const error = await rejectsWith(
      w.sessions.scoped.transactions.import(w.portfolio.id, rows(w, 2)),
      'VALIDATION',
    );
    expect((error as ValidationError).fields).toEqual(['rows.1.propertyId']);
    const onlyA = rows(w, 4).filter((row) => row.propertyId === w.propertyA.id);
    expect((await w.sessions.scoped.transactions.import(w.portfolio.id, onlyA)).inserted).toBe(2);
  });

  test('rows may not name another portfolio or source', async () => {
    const w = await world();
    const [row] = rows(w, 1);
    const error = await rejectsWith(
      w.sessions.owner.transactions.import(w.portfolio.id, [{ ...row, source: 'manual' } as never]),
      'VALIDATION',
    );
    expect((error as ValidationError).fields).toEqual(['rows.0.source']);
  });

  test('10,000 rows in one import, re-imported as duplicates, without one query per row', async () => {
    const w = await world();
    const batch = rows(w, 10_000);
    let lists = 0;
    const originalTransaction = w.storage.transaction.bind(w.storage);
    w.storage.transaction = (work) =>
      originalTransaction((tx) => {
        const counting = Object.create(tx);
        counting.list = (...args: Parameters<typeof tx.list>) => {
          lists++;
          return tx.list(...args);
        };
        return work(counting);
      });
    const first = await w.sessions.owner.transactions.import(w.portfolio.id, batch);
    expect(first.inserted).toBe(10_000);
    const listsFirst = lists;
    expect(listsFirst).toBeLessThanOrEqual(20);
    const again = await w.sessions.owner.transactions.import(w.portfolio.id, batch);
    expect(again).toMatchObject({ inserted: 0, skippedDuplicates: 10_000, firstId: null, lastId: null });
    expect(lists - listsFirst).toBeLessThanOrEqual(40);
    expect((await importAudit(w)).length).toBe(2);
    expect(counts(w.storage).transaction).toBe(10_000);
  });
});
