/**
 * init, export and import through the built binary: round trips, bad and truncated files — cut anywhere, even at a
 * line break (the error names the line; nothing is written) — a missing database, and choosing among several
 * portfolios.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FREEHOLD_BIN,
  freehold,
  parseJsonDocument,
  snapshotLines,
  temporaryDirectory,
} from './support/run-freehold.js';
import { beforeTheImport, parseSnapshot, withoutExportedAt } from './support/snapshot-facts.js';

const AS_OF = '2025-12-31';
let dir: ReturnType<typeof temporaryDirectory>;
let snapshotText: string;
const at = (name: string) => join(dir.path, name);
const run = (...args: string[]) => freehold(args, { cwd: dir.path });

beforeAll(async () => {
  dir = temporaryDirectory();
  const demo = await run('demo', '--as-of', AS_OF, '--db', 'source.db', '--seed', '5');
  expect(demo.code).toBe(0);
  const exported = await run('export', '--db', 'source.db', '--out', 'source.ndjson');
  expect(exported.code).toBe(0);
  snapshotText = readFileSync(at('source.ndjson'), 'utf8');
}, 120_000);
afterAll(() => dir.remove());

describe('freehold init', () => {
  it('creates the database with an empty portfolio', async () => {
    const result = await run('init', '--db', 'new.db', '--name', 'Rentals', '--currency', 'EUR');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Created the database and portfolio "Rentals" \(EUR\) in SQLite new\.db\n/,
    );
    const dashboard = await run('dashboard', '--db', 'new.db', '--as-of', AS_OF, '--json');
    const doc = parseJsonDocument(dashboard.stdout) as {
      currency: string;
      properties: unknown[];
      totals: { income: string };
    };
    expect(doc.currency).toBe('EUR');
    expect(doc.properties).toEqual([]);
    expect(doc.totals.income).toBe('0.00');
    const text = await run('dashboard', '--db', 'new.db', '--as-of', AS_OF);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Rentals — trailing 12 months: 2025-01-01 to 2025-12-31');
  });

  it('adds a second portfolio; commands then ask which one (exit 2) and --portfolio picks it', async () => {
    const first = parseJsonDocument(
      (await run('init', '--db', 'two.db', '--name', 'One', '--json')).stdout,
    ) as {
      portfolio: { id: string };
      database: { created: boolean };
    };
    expect(first.database.created).toBe(true);
    const second = parseJsonDocument(
      (await run('init', '--db', 'two.db', '--name', 'Two', '--json')).stdout,
    ) as {
      portfolio: { id: string };
      database: { created: boolean };
    };
    expect(second.database.created).toBe(false);
    const ambiguous = await run('dashboard', '--db', 'two.db');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('holds 2 portfolios: pick one with --portfolio ID');
    expect(ambiguous.stderr).toContain(`${first.portfolio.id} "One"`);
    expect(ambiguous.stderr).toContain(`${second.portfolio.id} "Two"`);
    const picked = await run(
      'dashboard',
      '--db',
      'two.db',
      '--portfolio',
      second.portfolio.id,
      '--as-of',
      AS_OF,
    );
    expect(picked.code).toBe(0);
    expect(picked.stdout).toMatch(/^Two — /);
    const unknown = await run('dashboard', '--db', 'two.db', '--portfolio', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^freehold dashboard: no portfolio nope in two\.db/);
  });
});

describe('a missing database', () => {
  it.each([['dashboard'], ['export'], ['tasks']])('%s fails clearly and creates nothing', async (command) => {
    const result = await run(command, '--db', 'missing.db');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `freehold ${command}: no database at missing.db: create one with "freehold init" or "freehold demo", or name one with --db PATH\n`,
    );
    expect(existsSync(at('missing.db'))).toBe(false);
  });

  it('with --json reports the error as the one JSON document', async () => {
    const result = await run('dashboard', '--db', 'missing.db', '--json');
    expect(result.code).toBe(1);
    expect(parseJsonDocument(result.stdout)).toMatchObject({
      error: { code: 'NO_DATABASE', file: 'missing.db' },
    });
  });

  it('a file that is not a database fails with the driver’s reason', async () => {
    writeFileSync(at('notes.txt'), 'hello, this is not SQLite '.repeat(100));
    const result = await run('dashboard', '--db', 'notes.txt');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^freehold dashboard: .*not a database/);
  });
});

describe('freehold export', () => {
  it('writes NDJSON to stdout: a header, then one JSON record per line', async () => {
    const result = await run('export', '--db', 'source.db');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = snapshotLines(result.stdout);
    const header = JSON.parse(lines[0] ?? '') as {
      format: string;
      version: number;
      portfolio: { name: string };
    };
    expect(header).toMatchObject({
      format: 'freehold-snapshot',
      version: 1,
      portfolio: { name: 'Demo Portfolio' },
    });
    for (const line of lines.slice(1)) expect(JSON.parse(line)).toHaveProperty('type');
    // The last line is the trailer, counting the record lines.
    const { trailer, of } = parseSnapshot(result.stdout);
    expect(trailer).toMatchObject({ type: 'end', records: lines.length - 2 });
    expect(trailer.counts.property).toBe(of('property').length);
    expect(trailer.counts.transaction).toBe(of('transaction').length);
    expect(withoutExportedAt(result.stdout)).toEqual(withoutExportedAt(snapshotText));
  });

  it('stops quietly when the reader of stdout goes away (| head)', () => {
    const script = `"${process.execPath}" "${FREEHOLD_BIN}" export --db source.db | head -c 100 > /dev/null; echo "exit \${PIPESTATUS[0]}"`;
    const shown = execFileSync('bash', ['-c', script], {
      cwd: dir.path,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(shown).toBe('exit 0\n');
  });

  it('--out with --json writes the file and prints one summary document', async () => {
    const result = await run('export', '--db', 'source.db', '--out', 'copy.ndjson', '--json');
    expect(result.code).toBe(0);
    const doc = parseJsonDocument(result.stdout) as { file: string; lines: number };
    expect(doc.file).toBe('copy.ndjson');
    expect(doc.lines).toBe(snapshotLines(snapshotText).length);
    expect(readdirSync(dir.path).filter((name) => name.includes('.partial'))).toEqual([]);
  });
});

describe('freehold import', () => {
  it('round-trips: import into a new database, export again, unchanged but for exportedAt and the import entry', async () => {
    const result = await run('import', 'source.ndjson', '--db', 'copy.db');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported "Demo Portfolio" from source\.ndjson into SQLite copy\.db\n/);
    const again = await run('export', '--db', 'copy.db');
    const { lines: after, importEntry } = beforeTheImport(again.stdout);
    expect(after).toEqual(withoutExportedAt(snapshotText));
    expect(importEntry).toMatchObject({
      type: 'auditEntry',
      data: { action: 'import', entityType: 'portfolio', details: { source: 'snapshot' } },
    });
    const dashboards = await Promise.all(
      ['source.db', 'copy.db'].map((db) => run('dashboard', '--db', db, '--as-of', AS_OF, '--json')),
    );
    expect(dashboards[0]?.stdout).toBe(dashboards[1]?.stdout);
  });

  it('--json prints the import result', async () => {
    const result = await run('import', 'source.ndjson', '--db', 'json.db', '--json');
    expect(result.code).toBe(0);
    const doc = parseJsonDocument(result.stdout) as {
      records: Record<string, number>;
      database: { created: boolean };
    };
    expect(doc.records.property).toBe(12);
    expect(doc.database.created).toBe(true);
  });

  it('refuses to import the same snapshot twice, leaving the database unchanged', async () => {
    await run('import', 'source.ndjson', '--db', 'twice.db');
    const before = await run('export', '--db', 'twice.db');
    const result = await run('import', 'source.ndjson', '--db', 'twice.db');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^freehold import: source\.ndjson: twice\.db already holds portfolio "Demo Portfolio"/,
    );
    const after = await run('export', '--db', 'twice.db');
    expect(withoutExportedAt(after.stdout)).toEqual(withoutExportedAt(before.stdout));
  });

  const lines = () => snapshotLines(snapshotText);
  const badFiles: [string, () => string, RegExp, number | (() => number)][] = [
    [
      'a malformed line',
      () =>
        lines()
          .map((line, i) => (i === 6 ? line.replace('{"', '{"x').slice(0, -2) : line))
          .join('\n'),
      /^freehold import: bad\.ndjson: line 7: not valid JSON/,
      7,
    ],
    [
      'a record failing its schema',
      () =>
        lines()
          .map((line) =>
            line.includes('"type":"transaction"')
              ? line.replace(/"amount":"(-?\d+)\.(\d\d)"/, '"amount":"$1.$25"')
              : line,
          )
          .join('\n'),
      /^freehold import: bad\.ndjson: line (\d+): data\.amount: expected a decimal string with at most 2 decimals/,
      0,
    ],
    [
      'a file cut in the middle of a line',
      () => snapshotText.slice(0, Math.floor(snapshotText.length / 2)),
      /^freehold import: bad\.ndjson: line (\d+): not valid JSON/,
      0,
    ],
    [
      'a file cut exactly at a line break',
      () => `${lines().slice(0, 40).join('\n')}\n`,
      /^freehold import: bad\.ndjson: line 41: the snapshot is truncated or incomplete: it ends after line 40 without its trailer line/,
      41,
    ],
    [
      'a file that lost its last line (the trailer)',
      () => lines().slice(0, -1).join('\n'),
      /^freehold import: bad\.ndjson: line (\d+): the snapshot is truncated or incomplete/,
      () => snapshotLines(snapshotText).length,
    ],
    [
      'a trailer whose counts differ from the records',
      () =>
        lines()
          .map((line, i, all) => (i === all.length - 1 ? line.replace('"records":', '"records":1') : line))
          .join('\n'),
      /^freehold import: bad\.ndjson: line (\d+): records: the trailer counts 1\d+ record lines, the snapshot has \d+: it is incomplete or was edited/,
      () => snapshotLines(snapshotText).length,
    ],
    [
      'a line after the trailer',
      () => `${snapshotText}${lines()[1]}\n`,
      /^freehold import: bad\.ndjson: line (\d+): a line after the trailer/,
      () => snapshotLines(snapshotText).length + 1,
    ],
    [
      'a newer format version',
      () =>
        lines()
          .map((line, i) => (i === 0 ? line.replace('"version":1', '"version":2') : line))
          .join('\n'),
      /^freehold import: bad\.ndjson: line 1: version: snapshot format version 2 is newer than this reader knows/,
      1,
    ],
    ['an empty file', () => '', /^freehold import: bad\.ndjson: line 1: the snapshot is empty/, 1],
  ];

  it.each(badFiles)(
    '%s fails naming the line; a new database is not left behind',
    async (_label, make, message, line) => {
      writeFileSync(at('bad.ndjson'), make());
      const result = await run('import', 'bad.ndjson', '--db', 'fresh.db', '--json');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      const doc = parseJsonDocument(result.stdout) as { error: { file: string; line: number } };
      expect(doc.error.file).toBe('bad.ndjson');
      expect(doc.error.line).toBeGreaterThan(0);
      const expected = typeof line === 'function' ? line() : line;
      if (expected > 0) expect(doc.error.line).toBe(expected);
      const reported = Number(/line (\d+)/.exec(result.stderr)?.[1]);
      expect(reported).toBe(doc.error.line);
      expect(existsSync(at('fresh.db'))).toBe(false);
    },
  );

  it('a bad file leaves an existing database exactly as it was', async () => {
    await run('import', 'source.ndjson', '--db', 'kept.db');
    const before = await run('export', '--db', 'kept.db');
    // Another portfolio of the same owner whose third line is cut short.
    const bad = lines().map((line, i) => {
      if (i === 0)
        return line.replace(
          /"id":"[^"]+","name":"Demo Portfolio"/,
          '"id":"another-portfolio","name":"Demo Portfolio"',
        );
      return i === 2 ? line.slice(0, 30) : line;
    });
    writeFileSync(at('bad.ndjson'), `${bad.join('\n')}\n`);
    const result = await run('import', 'bad.ndjson', '--db', 'kept.db');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^freehold import: bad\.ndjson: line 3: not valid JSON/);
    const after = await run('export', '--db', 'kept.db');
    expect(withoutExportedAt(after.stdout)).toEqual(withoutExportedAt(before.stdout));
  });

  it('a file cut at a line break leaves an existing database exactly as it was', async () => {
    // Another portfolio of the source's owner (made in a.db), imported into b.db, which holds the source's.
    await run('import', 'source.ndjson', '--db', 'a.db');
    await run('import', 'source.ndjson', '--db', 'b.db');
    const made = await run('init', '--db', 'a.db', '--name', 'Second', '--json');
    const second = (parseJsonDocument(made.stdout) as { portfolio: { id: string } }).portfolio.id;
    await run('export', '--db', 'a.db', '--portfolio', second, '--out', 'second.ndjson');
    const whole = snapshotLines(readFileSync(at('second.ndjson'), 'utf8'));
    expect(whole.length).toBeGreaterThan(3);
    const before = await run('export', '--db', 'b.db');
    for (const kept of [whole.length - 1, 2]) {
      writeFileSync(at('cut.ndjson'), `${whole.slice(0, kept).join('\n')}\n`);
      const result = await run('import', 'cut.ndjson', '--db', 'b.db', '--json');
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `freehold import: cut.ndjson: line ${kept + 1}: the snapshot is truncated or incomplete: it ends after line ${kept} without its trailer line ({"type":"end",…})\n`,
      );
      expect(parseJsonDocument(result.stdout)).toMatchObject({
        error: { code: 'VALIDATION', file: 'cut.ndjson', line: kept + 1 },
      });
      const after = await run('export', '--db', 'b.db');
      expect(withoutExportedAt(after.stdout)).toEqual(withoutExportedAt(before.stdout));
    }
    // The whole file imports.
    const imported = await run('import', 'second.ndjson', '--db', 'b.db');
    expect(imported.code).toBe(0);
    expect((await run('export', '--db', 'b.db', '--portfolio', second)).code).toBe(0);
  });

  it('a snapshot of another local owner is refused naming its line: it belongs in a new database', async () => {
    await run('init', '--db', 'mine.db', '--name', 'Mine');
    const before = await run('export', '--db', 'mine.db');
    const result = await run('import', 'source.ndjson', '--db', 'mine.db', '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^freehold import: source\.ndjson: line 2: its local owner \(user \S+\) is not the local owner of mine\.db \(user \S+\): import it into a new database\n$/,
    );
    expect(parseJsonDocument(result.stdout)).toMatchObject({
      error: { code: 'OWNER_MISMATCH', file: 'source.ndjson', line: 2, field: 'data.email' },
    });
    const after = await run('export', '--db', 'mine.db');
    expect(withoutExportedAt(after.stdout)).toEqual(withoutExportedAt(before.stdout));
  });

  it('a missing file fails naming it, before touching any database', async () => {
    const result = await run('import', 'nowhere.ndjson', '--db', 'none.db');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('freehold import: nowhere.ndjson: no such file\n');
    expect(existsSync(at('none.db'))).toBe(false);
  });
});
