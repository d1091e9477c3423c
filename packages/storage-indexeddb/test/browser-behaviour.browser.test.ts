/**
 * What only a real browser shows: data surviving a page reload, an upgrade from the previous schema version on
 * Chromium's IndexedDB, the quota running out for real, and another connection's upgrade.
 */
import type { MonthlyTotalsQuery } from '@freehold/engine';
import { createFixtureFactory } from '@freehold/engine/conformance';
import { createMemoryRepository } from '@freehold/engine/memory';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { commands } from 'vitest/browser';
import {
  createIndexedDbRepository,
  deleteIndexedDbDatabase,
  INDEXEDDB_SCHEMA_VERSION,
  type IndexedDbRepository,
} from '../src/index.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { openDatabase } from '../src/open-database.js';
import { rawGetAll, uniqueDatabaseName } from './support/conformance-options.js';
import { ledgerWorld } from './support/worlds.js';

const names: string[] = [];

const repos: IndexedDbRepository[] = [];

/** A database name deleted after the test. */
function databaseName(): string {
  const name = uniqueDatabaseName('freehold-browser');
  names.push(name);
  return name;
}

async function open(name: string, extra: { onVersionChange?: () => void } = {}) {
  const repo = await createIndexedDbRepository({ name, ...extra });
  repos.push(repo);
  return repo;
}

afterEach(async () => {
  for (const repo of repos.splice(0)) await repo.close().catch(() => undefined);
  for (const name of names.splice(0)) await deleteIndexedDbDatabase({ name, blockedTimeoutMs: 2000 });
});

describe('in Chromium', () => {
  test('data survive a page reload (and are visible to another document of the origin)', async () => {
    const name = databaseName();
    const { written, reloaded } = await commands.reloadRoundTrip(name);
    expect(written.transactions).toHaveLength(40);
    expect(written.totals.length).toBeGreaterThan(0);
    expect(written.audit).toHaveLength(1);
    expect(reloaded).toEqual(written);
    // This document is another realm of the same origin: it reads the same data.
    const repo = await open(name);
    expect((await repo.list('transaction', { limit: 1000 })).items).toEqual(written.transactions);
    expect(
      await repo.monthlyTotals({
        portfolioId: written.portfolio?.id ?? '',
        from: '2024-01-01',
        to: '2024-12-31',
      }),
    ).toEqual(written.totals);
  });

  test('upgrades a database of the previous schema version, building the rollup from stored transactions', async () => {
    const name = databaseName();
    const f = createFixtureFactory();
    const world = ledgerWorld(f, { properties: 3, months: 15, perMonth: 8 });
    const v1 = await openDatabase({
      factory: indexedDB,
      name,
      migrations: MIGRATIONS.slice(0, 1),
      blockedTimeoutMs: 2000,
    });
    await new Promise<void>((resolve, reject) => {
      const tx = v1.transaction(['portfolio', 'property', 'transaction', 'loan'], 'readwrite');
      tx.objectStore('portfolio').put(world.portfolio);
      for (const property of world.properties) tx.objectStore('property').put(property);
      for (const transaction of world.transactions) tx.objectStore('transaction').put(transaction);
      for (const loan of world.loans) tx.objectStore('loan').put(loan);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
    v1.close();

    const repo = await open(name);
    expect(repo.schemaVersion).toBe(INDEXEDDB_SCHEMA_VERSION);
    const memory = createMemoryRepository({
      data: {
        portfolio: [world.portfolio],
        property: world.properties,
        transaction: world.transactions,
        loan: world.loans,
      },
    });
    for (const [from, to] of [
      ['2023-11-01', '2025-01-31'],
      ['2024-01-01', '2024-12-31'],
      ['2023-12-15', '2024-03-10'],
    ] as const) {
      const query: MonthlyTotalsQuery = { portfolioId: world.portfolio.id, from, to };
      expect(await repo.monthlyTotals(query)).toEqual(await memory.monthlyTotals(query));
    }
    const events = { portfolioId: world.portfolio.id, from: '2020-01-01', to: '2030-12-31' };
    expect(await repo.loanEventsBetween(events)).toEqual(await memory.loanEventsBetween(events));
  });

  test('running out of quota is a StorageError and the unit of work writes nothing', async () => {
    const probe = await commands.quotaProbe(uniqueDatabaseName('freehold-quota'));
    expect(probe.code, probe.message ?? '').toBe('STORAGE');
    expect(probe.message).toContain('quota');
    expect(probe.transactionsAfter).toBe(0);
    expect(probe.bucketsAfter).toBe(0);
  });

  test('refuses a database of a newer schema version and leaves it untouched', async () => {
    const name = databaseName();
    const newer = INDEXEDDB_SCHEMA_VERSION + 3;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, newer);
      req.onupgradeneeded = () => req.result.createObjectStore('future').put('kept', 'k');
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    await expect(createIndexedDbRepository({ name })).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringContaining(`schema version ${newer}`),
    });
    const version = await new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        resolve(req.result.version);
        req.result.close();
      };
      req.onerror = () => reject(req.error);
    });
    expect(version).toBe(newer);
    expect(await rawGetAll({ factory: indexedDB, name }, 'future')).toEqual(['kept']);
  });

  test('another connection’s upgrade closes this one and tells the app, without blocking the upgrade', async () => {
    const name = databaseName();
    const onVersionChange = vi.fn();
    const repo = await open(name, { onVersionChange });
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, INDEXEDDB_SCHEMA_VERSION + 1);
      req.onblocked = () => reject(new Error('blocked'));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    upgraded.close();
    expect(onVersionChange).toHaveBeenCalledOnce();
    await expect(repo.get('portfolio', 'x')).rejects.toMatchObject({ code: 'STORAGE' });
  });
});
