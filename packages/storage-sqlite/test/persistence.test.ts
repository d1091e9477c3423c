/**
 * A file database in WAL mode: committed data survive closing and reopening (also when the process left its WAL
 * behind), other connections read committed data while a unit of work is open, and `:memory:` is not persistent.
 */
import { existsSync, statSync } from 'node:fs';
import { createFixtureFactory } from '@freehold/engine/conformance';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { createSqliteRepository } from '../src/index.js';
import { rawRead, tempDir } from './helpers.js';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});
function freshFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.file();
}

describe('WAL persistence', () => {
  test('writes go to the WAL, survive close and reopen, and the file is in WAL mode with the pragmas set', async () => {
    const file = freshFile();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const rent = f.transaction(property, { amount: '1500.25', date: '2024-05-03' });
    const repo = await createSqliteRepository({ filename: file });
    expect(repo.capabilities).toEqual({ persistent: true, concurrentWriters: false, longTransactions: true });
    await repo.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('property', property);
      await tx.insert('transaction', rent);
      await tx.appendAudit(f.auditEntry({ portfolioId: portfolio.id }));
    });
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    // A second connection sees the committed rows while the repository is open.
    expect(rawRead(file, 'transaction', rent.id)).toMatchObject({
      id: rent.id,
      amount_minor: 150025,
      data: rent,
    });
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await repo.close();

    const reopened = await createSqliteRepository({ filename: file });
    expect(await reopened.get('transaction', rent.id)).toEqual(rent);
    expect(
      await reopened.monthlyTotals({ portfolioId: portfolio.id, from: '2024-05-01', to: '2024-05-31' }),
    ).toEqual([
      {
        propertyId: property.id,
        month: '2024-05',
        kind: 'income',
        category: 'rent',
        total: '1500.25',
        count: 1,
      },
    ]);
    expect((await reopened.listAudit()).items).toHaveLength(1);
    await reopened.close();
  });

  test('a WAL left behind by a connection that was never closed is recovered on open', async () => {
    const file = freshFile();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    await (await createSqliteRepository({ filename: file })).close();
    // Write through a raw connection that is never closed (as if the process died): the data stay in the WAL.
    const abandoned = new Database(file);
    abandoned.pragma('wal_autocheckpoint = 0');
    const other = await createSqliteRepository({ filename: file });
    await other.transaction((tx) => tx.insert('portfolio', portfolio));
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    // `other` is left open too; a new repository on the file sees everything committed.
    const reopened = await createSqliteRepository({ filename: file });
    expect(await reopened.get('portfolio', portfolio.id)).toEqual(portfolio);
    await reopened.close();
    await other.close();
    abandoned.close();
  });

  test('units of work see their own writes; other connections see them only after commit', async () => {
    const file = freshFile();
    const f = createFixtureFactory();
    const repo = await createSqliteRepository({ filename: file });
    const user = f.user();
    await repo.transaction(async (tx) => {
      await tx.insert('user', user);
      expect(await tx.get('user', user.id)).toEqual(user);
      expect(rawRead(file, 'user', user.id)).toBeNull();
    });
    expect(rawRead(file, 'user', user.id)).toMatchObject({ id: user.id, version: 1, data: user });
    await repo.close();
  });

  test(':memory: databases are not persistent and every repository gets its own', async () => {
    const f = createFixtureFactory();
    const a = await createSqliteRepository({ filename: ':memory:' });
    const b = await createSqliteRepository({ filename: ':memory:' });
    expect(a.capabilities.persistent).toBe(false);
    const user = f.user();
    await a.transaction((tx) => tx.insert('user', user));
    expect(await b.get('user', user.id)).toBeNull();
    await a.close();
    await b.close();
    await expect(a.get('user', user.id)).rejects.toMatchObject({ code: 'STORAGE' });
    await expect(a.close()).rejects.toMatchObject({ code: 'STORAGE' });
  });
});
