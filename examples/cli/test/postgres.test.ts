/**
 * The CLI on a real PostgreSQL server (`DATABASE_URL`, as `scripts/with-postgres.mjs` sets it): a snapshot
 * exported from SQLite, imported into PostgreSQL and exported again is unchanged (but for `exportedAt` and the
 * import's audit entry); the demo written to PostgreSQL is the demo written to SQLite. Each test gets a fresh
 * database of its own, dropped afterwards. Without DATABASE_URL the suite is skipped, saying how to run it.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freehold, parseJsonDocument, temporaryDirectory } from './support/run-freehold.js';
import { beforeTheImport, withoutExportedAt } from './support/snapshot-facts.js';

const SERVER = process.env.DATABASE_URL;
const AS_OF = '2026-03-15';
const CLI_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

if (!SERVER) {
  process.stderr.write(
    '[cli tests] DATABASE_URL is not set: skipping the PostgreSQL tests of the CLI. Run them with ' +
      '`node scripts/with-postgres.mjs -- npx vitest run --project cli` (starts a throwaway server).\n',
  );
}

let dir: ReturnType<typeof temporaryDirectory>;
const databases: string[] = [];
const run = (...args: string[]) => freehold(args, { cwd: dir.path });

/**
 * Runs SQL statements on the server as its admin, in a plain Node child process (so the `pg` driver loads as
 * Node loads it, whatever module conditions the test runner uses).
 */
function admin(statements: readonly string[]): void {
  const script = `
    import pg from 'pg';
    const client = new pg.Client({ connectionString: process.env.ADMIN_URL });
    await client.connect();
    try { for (const sql of JSON.parse(process.env.STATEMENTS)) await client.query(sql); } finally { await client.end(); }
  `;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: CLI_ROOT,
    env: { ...process.env, ADMIN_URL: SERVER, STATEMENTS: JSON.stringify(statements) },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 60_000,
  });
}

/** A new, empty database on the server; returns its URL. */
async function freshDatabase(): Promise<string> {
  const name = `freehold_cli_${randomBytes(5).toString('hex')}`;
  admin([`CREATE DATABASE ${name}`]);
  databases.push(name);
  const url = new URL(SERVER ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

describe.skipIf(!SERVER)('PostgreSQL (real server)', () => {
  beforeAll(async () => {
    dir = temporaryDirectory();
    expect((await run('demo', '--as-of', AS_OF, '--db', 'demo.db')).code).toBe(0);
    expect((await run('export', '--db', 'demo.db', '--out', 'demo.ndjson')).code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    dir?.remove();
    if (databases.length > 0) admin(databases.map((name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }, 60_000);

  it('SQLite → export → import into PostgreSQL → export: unchanged but for exportedAt and the import entry', async () => {
    const url = await freshDatabase();
    const imported = await run('import', 'demo.ndjson', '--database-url', url);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('into PostgreSQL postgres://');
    const again = await run('export', '--database-url', url);
    expect(again.code).toBe(0);
    const before = withoutExportedAt(readFileSync(join(dir.path, 'demo.ndjson'), 'utf8'));
    const { lines: after, importEntry } = beforeTheImport(again.stdout);
    expect(after).toEqual(before);
    expect(importEntry).toMatchObject({ type: 'auditEntry', data: { action: 'import' } });

    const [onSqlite, onPostgres] = await Promise.all([
      run('dashboard', '--db', 'demo.db', '--as-of', AS_OF, '--json'),
      run('dashboard', '--database-url', url, '--as-of', AS_OF, '--json'),
    ]);
    expect(onPostgres.code).toBe(0);
    expect(parseJsonDocument(onPostgres.stdout)).toEqual(parseJsonDocument(onSqlite.stdout));

    const twice = await run('import', 'demo.ndjson', '--database-url', url);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already holds portfolio "Demo Portfolio"/);
  });

  it('demo writes the same portfolio to PostgreSQL as to SQLite, and refuses a database that holds data', async () => {
    const url = await freshDatabase();
    const demo = await run('demo', '--as-of', AS_OF, '--database-url', url, '--json');
    expect(demo.code).toBe(0);
    expect(parseJsonDocument(demo.stdout)).toMatchObject({
      database: { kind: 'postgres' },
      counts: { properties: 12 },
    });
    const onPostgres = await run('export', '--database-url', url);
    expect(withoutExportedAt(onPostgres.stdout)).toEqual(
      withoutExportedAt(readFileSync(join(dir.path, 'demo.ndjson'), 'utf8')),
    );
    const again = await run('demo', '--as-of', AS_OF, '--database-url', url);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds Freehold data: give the demo an empty database/);
    const forced = await run('demo', '--as-of', AS_OF, '--database-url', url, '--force');
    expect(forced.code).toBe(2);
  });

  it('a truncated snapshot — mid-line or at a line break — fails naming the line, leaving no portfolio behind', async () => {
    const text = readFileSync(join(dir.path, 'demo.ndjson'), 'utf8');
    const atBreak = text.lastIndexOf('\n', Math.floor(text.length * 0.7)) + 1;
    const cuts: [number, RegExp][] = [
      [Math.floor(text.length * 0.7), /^freehold import: cut\.ndjson: line \d+: not valid JSON/],
      [atBreak, /^freehold import: cut\.ndjson: line \d+: the snapshot is truncated or incomplete/],
    ];
    for (const [length, message] of cuts) {
      const url = await freshDatabase();
      writeFileSync(join(dir.path, 'cut.ndjson'), text.slice(0, length));
      const result = await run('import', 'cut.ndjson', '--database-url', url, '--json');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(parseJsonDocument(result.stdout)).toMatchObject({
        error: { code: 'VALIDATION', file: 'cut.ndjson' },
      });
      const after = await run('export', '--database-url', url);
      expect(after.code).toBe(1);
      expect(after.stderr).toMatch(/holds no portfolio/);
    }
  });

  it('init, then a snapshot of another local owner: refused, the database unchanged', async () => {
    const url = await freshDatabase();
    expect((await run('init', '--database-url', url, '--name', 'Team')).code).toBe(0);
    const before = await run('export', '--database-url', url);
    const result = await run('import', 'demo.ndjson', '--database-url', url, '--json');
    expect(result.code).toBe(1);
    expect(parseJsonDocument(result.stdout)).toMatchObject({ error: { code: 'OWNER_MISMATCH' } });
    const after = await run('export', '--database-url', url);
    expect(withoutExportedAt(after.stdout)).toEqual(withoutExportedAt(before.stdout));
  });

  it('a server that does not answer is a clear failure', async () => {
    const result = await run('dashboard', '--database-url', 'postgres://nobody@127.0.0.1:1/none');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^freehold dashboard: /);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
