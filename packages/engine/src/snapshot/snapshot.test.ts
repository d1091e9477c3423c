import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { collect, counts, propertyInput, rejectsWith, setup, world } from '../../test/services-kit.js';
import { ConflictError, type ValidationError } from '../errors.js';
import { createMemoryRepository, type MemoryRepository } from '../memory/index.js';
import { fixedClock, type Repository, seededRandomBytes, uuidV7Ids } from '../ports/index.js';
import { createFreehold } from '../services/index.js';
import { arbPortfolioData, type PortfolioData } from '../testing/index.js';
import {
  exportSnapshot,
  importSnapshot,
  numberedLines,
  SNAPSHOT_RECORD_TYPES,
  type SnapshotTrailer,
  SnapshotUserConflictError,
} from './index.js';

const IMPORTER = '01900000-0000-7000-8000-0000000000aa';

function repositoryOf(data: PortfolioData): MemoryRepository {
  return createMemoryRepository({
    data: { ...data.records, portfolio: [data.portfolio], auditEntry: data.audit },
  });
}

/** The same repository, claiming short-lived transactions (the IndexedDB path: validate everything, then write). */
function shortTransactions(repository: MemoryRepository): Repository {
  return { ...repository, capabilities: { ...repository.capabilities, longTransactions: false } };
}

async function exportAll(repository: Repository, portfolioId: string, at = '2030-01-01T00:00:00.000Z') {
  return collect(exportSnapshot({ repository, portfolioId, clock: fixedClock(at), pageSize: 7 }));
}

async function importLines(
  repository: Repository,
  lines: AsyncIterable<string> | Iterable<string>,
  seed = 5,
) {
  const clock = fixedClock('2031-01-01T00:00:00.000Z');
  return importSnapshot({
    repository,
    clock,
    ids: uuidV7Ids({ clock, random: seededRandomBytes(seed) }),
    actorId: IMPORTER,
    lines,
  });
}

/** The trailer (last line) of exported lines, parsed. */
function trailerOf(lines: readonly string[]): SnapshotTrailer {
  return JSON.parse(lines.at(-1) ?? '{}') as SnapshotTrailer;
}

/** The lines with the trailer replaced by `edit(trailer)`. */
function withTrailer(lines: readonly string[], edit: (trailer: SnapshotTrailer) => object): string[] {
  return [...lines.slice(0, -1), `${JSON.stringify(edit(trailerOf(lines)))}\n`];
}

function allZero(repository: MemoryRepository): boolean {
  return Object.values(counts(repository)).every((n) => n === 0);
}

function chunksOf(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let start = 0;
  for (const point of points) {
    out.push(text.slice(start, point));
    start = point;
  }
  out.push(text.slice(start));
  return out;
}

describe('snapshot round trip', () => {
  test('export → import into a fresh repository → export again is lossless (fast-check portfolios)', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbPortfolioData({ maxPerType: 3 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        async (data, streaming, cuts, framedAsLines) => {
          const source = repositoryOf(data);
          const first = await exportAll(source, data.portfolio.id);
          expect(first.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
          // The trailer counts the record lines, every type in format order.
          const trailer = trailerOf(first);
          expect(Object.keys(trailer)).toEqual(['type', 'records', 'counts']);
          expect(Object.keys(trailer.counts)).toEqual([...SNAPSHOT_RECORD_TYPES]);
          expect(trailer.records).toBe(first.length - 2);
          for (const type of SNAPSHOT_RECORD_TYPES) {
            const lines = first.filter((line) => line.startsWith(`{"type":"${type}",`));
            expect(trailer.counts[type]).toBe(lines.length);
          }

          const target = createMemoryRepository();
          const input = framedAsLines
            ? first.map((line) => line.slice(0, -1))
            : chunksOf(first.join(''), cuts);
          const result = await importLines(streaming ? target : shortTransactions(target), input);
          expect(result.portfolioId).toBe(data.portfolio.id);
          expect(result.lines).toBe(first.length);
          expect(result.records.transaction).toBe(data.records.transaction.length);
          expect(result.records.auditEntry).toBe(data.audit.length);

          const second = await exportAll(target, data.portfolio.id, '2032-06-01T00:00:00.000Z');
          const importEntry = second.find((line) => line.includes(result.auditEntryId));
          expect(importEntry).toBeDefined();
          const [header1, ...body1] = first.slice(0, -1);
          const [header2, ...body2] = second.slice(0, -1);
          expect(body2.filter((line) => line !== importEntry)).toEqual(body1);
          expect(trailerOf(second)).toEqual({
            ...trailer,
            records: trailer.records + 1,
            counts: { ...trailer.counts, auditEntry: trailer.counts.auditEntry + 1 },
          });
          const strip = (line: string | undefined) => ({ ...JSON.parse(line ?? '{}'), exportedAt: null });
          expect(strip(header2)).toEqual(strip(header1));
          expect(JSON.parse(header2 ?? '{}').exportedAt).toBe('2032-06-01T00:00:00.000Z');

          // What was stored is identical too (back door), plus exactly one audit entry: the import's.
          const a = source.dump();
          const b = target.dump();
          for (const type of SNAPSHOT_RECORD_TYPES) {
            if (type === 'auditEntry') continue;
            expect(b[type]).toEqual(a[type]);
          }
          expect(b.portfolio).toEqual(a.portfolio);
          expect(b.auditEntry.filter((entry) => entry.id !== result.auditEntryId)).toEqual(a.auditEntry);
          expect(b.auditEntry.find((entry) => entry.id === result.auditEntryId)).toMatchObject({
            action: 'import',
            actorId: IMPORTER,
            entityType: 'portfolio',
            entityId: data.portfolio.id,
            portfolioId: data.portfolio.id,
            details: { source: 'snapshot', lines: first.length },
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  test('importing the same snapshot twice is a conflict and writes nothing', async () => {
    const [data] = fc.sample(arbPortfolioData({ maxPerType: 2, currency: 'USD' }), { numRuns: 1, seed: 11 });
    if (!data) throw new Error('no sample');
    const lines = await exportAll(repositoryOf(data), data.portfolio.id);
    const target = createMemoryRepository();
    await importLines(target, lines);
    const before = counts(target);
    await rejectsWith(importLines(target, lines), 'CONFLICT');
    await rejectsWith(importLines(shortTransactions(target), lines), 'CONFLICT');
    expect(counts(target)).toEqual(before);
  });

  test('a record whose id already exists is a conflict, nothing written', async () => {
    const w = await world();
    const lines = await exportAll(w.storage, w.portfolio.id);
    // Re-point the portfolio to a fresh id but keep every record id: the properties collide.
    const fresh = '01900000-0000-7000-8000-00000000f00d';
    const moved = lines.map((line) => line.replaceAll(w.portfolio.id, fresh));
    const before = counts(w.storage);
    await rejectsWith(importLines(w.storage, moved), 'CONFLICT');
    expect(counts(w.storage)).toEqual(before);
  });
});

describe('snapshot validation: errors name the line, nothing is written', () => {
  async function sampleLines() {
    const w = await world();
    const s = w.sessions.owner;
    await s.transactions.create({
      portfolioId: w.portfolio.id,
      propertyId: w.propertyA.id,
      date: '2025-01-02',
      amount: '10.00',
      category: 'rent',
    });
    return { w, lines: await exportAll(w.storage, w.portfolio.id) };
  }

  for (const streaming of [true, false]) {
    const mode = streaming ? 'streaming' : 'validate-then-write';
    const target = () => {
      const repository = createMemoryRepository();
      return { repository, port: streaming ? repository : shortTransactions(repository) };
    };

    test(`${mode}: a newer format version`, async () => {
      const { lines } = await sampleLines();
      const header = JSON.parse(lines[0] ?? '{}');
      const newer = [`${JSON.stringify({ ...header, version: 2 })}\n`, ...lines.slice(1)];
      const { repository, port } = target();
      const error = (await rejectsWith(importLines(port, newer), 'VALIDATION')) as ValidationError;
      expect(error.fields).toEqual(['line.1.version']);
      expect(error.message).toMatch(/^line 1: .*version 2 is newer/);
      expect(counts(repository).portfolio).toBe(0);
      expect(counts(repository).auditEntry).toBe(0);
    });

    test(`${mode}: a malformed line`, async () => {
      const { lines } = await sampleLines();
      const broken = [...lines];
      broken[4] = `${(broken[4] ?? '').slice(0, 20)}\n`;
      const { repository, port } = target();
      const error = (await rejectsWith(importLines(port, broken), 'VALIDATION')) as ValidationError;
      expect(error.fields).toEqual(['line.5']);
      expect(error.message).toMatch(/^line 5: not valid JSON/);
      expect(Object.values(counts(repository)).every((n) => n === 0)).toBe(true);
    });

    test(`${mode}: a record failing its schema, of another portfolio, or out of order`, async () => {
      const { lines } = await sampleLines();
      const index = lines.findIndex((line) => line.includes('"type":"transaction"'));
      const record = JSON.parse(lines[index] ?? '{}');
      const cases: [string[], string][] = [
        [
          Object.assign([...lines], {
            [index]: `${JSON.stringify({ ...record, data: { ...record.data, amount: '1.001' } })}\n`,
          }),
          `line.${index + 1}.data.amount`,
        ],
        [
          Object.assign([...lines], {
            [index]: `${JSON.stringify({ ...record, data: { ...record.data, portfolioId: IMPORTER } })}\n`,
          }),
          `line.${index + 1}.data.portfolioId`,
        ],
        [
          Object.assign([...lines], { [index]: `${JSON.stringify({ ...record, type: 'planet' })}\n` }),
          `line.${index + 1}.type`,
        ],
        [[...lines.slice(0, -1), lines[1] ?? '', ...lines.slice(-1)], `line.${lines.length}.type`],
        [lines.slice(1), 'line.1.format'],
      ];
      for (const [input, field] of cases) {
        const { repository, port } = target();
        const error = (await rejectsWith(importLines(port, input), 'VALIDATION')) as ValidationError;
        expect(error.fields).toContain(field);
        expect(error.message).toMatch(new RegExp(`^line ${field.split('.')[1]}: `));
        expect(Object.values(counts(repository)).every((n) => n === 0)).toBe(true);
      }
      const { repository, port } = target();
      await rejectsWith(importLines(port, []), 'VALIDATION');
      expect(counts(repository).portfolio).toBe(0);
    });

    test(`${mode}: a snapshot cut at any line break is refused, naming the line where the trailer was expected`, async () => {
      const { lines } = await sampleLines();
      for (let kept = 1; kept < lines.length; kept++) {
        const { repository, port } = target();
        const cut = lines.slice(0, kept);
        const error = (await rejectsWith(importLines(port, cut), 'VALIDATION')) as ValidationError;
        expect(error.fields).toEqual([`line.${kept + 1}`]);
        expect(error.message).toMatch(
          new RegExp(
            `^line ${kept + 1}: the snapshot is truncated or incomplete: it ends after line ${kept} `,
          ),
        );
        expect(allZero(repository)).toBe(true);
      }
    });

    test(`${mode}: trailer counts that differ from the records read are refused, naming the trailer line`, async () => {
      const { lines } = await sampleLines();
      const at = lines.length;
      const index = lines.findIndex((line) => line.includes('"type":"transaction"'));
      const cases: [string[], string[]][] = [
        [
          withTrailer(lines, (t) => ({
            ...t,
            counts: { ...t.counts, transaction: t.counts.transaction + 1 },
          })),
          [`line.${at}.counts.transaction`],
        ],
        [withTrailer(lines, (t) => ({ ...t, records: t.records - 1 })), [`line.${at}.records`]],
        // A record line lost in the middle: its type and the total no longer match.
        [
          lines.filter((_, i) => i !== index),
          [`line.${at - 1}.counts.transaction`, `line.${at - 1}.records`],
        ],
        [
          withTrailer(lines, (t) => ({ ...t, counts: { ...t.counts, document: undefined } })),
          [`line.${at}.counts.document`],
        ],
        [withTrailer(lines, (t) => ({ ...t, extra: true })), [`line.${at}.extra`]],
      ];
      for (const [input, fields] of cases) {
        const { repository, port } = target();
        const error = (await rejectsWith(importLines(port, input), 'VALIDATION')) as ValidationError;
        expect(error.fields).toEqual(fields);
        expect(error.message).toMatch(new RegExp(`^line ${fields[0]?.split('.')[1]}: `));
        expect(allZero(repository)).toBe(true);
      }
      const error = (await rejectsWith(
        importLines(target().port, cases[0]?.[0] ?? []),
        'VALIDATION',
      )) as ValidationError;
      expect(error.message).toBe(
        `line ${at}: counts.transaction: the trailer counts 2 transaction records, the snapshot has 1: it is incomplete or was edited`,
      );
    });

    test(`${mode}: any line after the trailer is refused; blank lines are not lines`, async () => {
      const { lines } = await sampleLines();
      const after = lines.length + 1;
      for (const extra of [lines[1] ?? '', lines.at(-1) ?? '', 'garbage\n']) {
        const { repository, port } = target();
        const error = (await rejectsWith(
          importLines(port, [...lines, extra]),
          'VALIDATION',
        )) as ValidationError;
        expect(error.fields).toEqual([`line.${after}`]);
        expect(error.message).toBe(
          `line ${after}: a line after the trailer (line ${lines.length}): the trailer must be the snapshot's last line`,
        );
        expect(allZero(repository)).toBe(true);
      }
      const { repository, port } = target();
      const result = await importLines(port, [...lines, '\n', '  \n']);
      expect(result.lines).toBe(lines.length + 2);
      expect(counts(repository).portfolio).toBe(1);
    });

    test(`${mode}: a user whose email the database gives another user is a conflict naming the line and the email`, async () => {
      const { w, lines } = await sampleLines();
      const { repository, port } = target();
      const other = createFreehold({
        storage: repository,
        clock: w.clock,
        ids: uuidV7Ids({ clock: w.clock, random: seededRandomBytes(77) }),
      });
      const taken = await other.users.create({ email: 'manager@example.com', name: 'Another Manny' });
      const before = counts(repository);
      const line = lines.findIndex((text) => text.includes('"email":"manager@example.com"')) + 1;
      expect(line).toBeGreaterThan(1);
      const error = await rejectsWith(importLines(port, lines), 'CONFLICT');
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toBeInstanceOf(SnapshotUserConflictError);
      expect(error).toMatchObject({
        line,
        userId: w.users.manager.id,
        email: 'manager@example.com',
        existingUserId: taken.id,
      });
      expect(error.message).toMatch(
        new RegExp(
          `^line ${line}: user ${w.users.manager.id} has email manager@example\\.com, which the database already gives another user \\(${taken.id}\\)`,
        ),
      );
      expect(counts(repository)).toEqual(before);
    });

    test(`${mode}: two users of the snapshot with one email are refused`, async () => {
      const { lines } = await sampleLines();
      const twin = lines.map((text) =>
        text.replace('"email":"viewer@example.com"', '"email":"manager@example.com"'),
      );
      const line = twin.findIndex((text) => text.includes('"name":"Vera Viewer"')) + 1;
      const { repository, port } = target();
      const error = (await rejectsWith(importLines(port, twin), 'VALIDATION')) as ValidationError;
      expect(error.fields).toEqual([`line.${line}.data.email`]);
      expect(error.message).toMatch(
        new RegExp(
          `^line ${line}: data.email: user \\S+ has email manager@example\\.com, as user \\S+ on line \\d+`,
        ),
      );
      expect(allZero(repository)).toBe(true);
    });
  }

  test('a snapshot cut anywhere (fast-check portfolios, cut positions and chunking) is refused, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbPortfolioData({ maxPerType: 2 }),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        async (data, position, cuts, streaming, atLineBreak) => {
          const lines = await exportAll(repositoryOf(data), data.portfolio.id);
          const text = lines.join('');
          // Keep whole lines (a cut at a line break) or any proper prefix but the one dropping only the last "\n".
          const kept = position % lines.length;
          const prefix = atLineBreak
            ? lines.slice(0, kept).join('')
            : text.slice(0, position % (text.length - 1));
          const repository = createMemoryRepository();
          const port = streaming ? repository : shortTransactions(repository);
          const error = (await rejectsWith(
            importLines(port, chunksOf(prefix, cuts)),
            'VALIDATION',
          )) as ValidationError;
          expect(error.fields).toHaveLength(1);
          expect(error.fields[0]).toMatch(/^line\.\d+$/);
          if (atLineBreak) {
            expect(error.fields).toEqual([`line.${kept + 1}`]);
            expect(error.message).toMatch(
              kept === 0 ? /the snapshot is empty/ : /the snapshot is truncated or incomplete/,
            );
          }
          expect(allZero(repository)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('snapshots through the services', () => {
  test('owners export; the importer becomes owner of the imported portfolio', async () => {
    const w = await world();
    await w.sessions.owner.properties.create(propertyInput(w.portfolio.id, { name: 'C' }));
    await rejectsWith(collect(w.sessions.manager.snapshots.export(w.portfolio.id)), 'PERMISSION');
    await rejectsWith(collect(w.sessions.stranger.snapshots.export(w.portfolio.id)), 'PERMISSION');
    const lines = await collect(w.sessions.owner.snapshots.export(w.portfolio.id));
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      format: 'freehold-snapshot',
      version: 1,
      exportedAt: w.clock.now(),
    });
    expect(lines.filter((line) => line.includes('"type":"user"'))).toHaveLength(4);

    // Another database, another user: they import and own the copy; the original members keep their roles.
    const other = setup(9);
    const alice = await other.sdk.users.create({ email: 'alice@example.com', name: 'Alice' });
    const result = await other.sdk.as(alice.id).snapshots.import(lines);
    expect(result.grantedOwnerRoleId).not.toBeNull();
    const copy = other.sdk.as(alice.id);
    expect((await copy.portfolios.get(w.portfolio.id)).name).toBe('Main');
    expect((await copy.properties.list(w.portfolio.id)).items).toHaveLength(3);
    const roles = (await copy.roles.list(w.portfolio.id)).items;
    expect(
      roles
        .filter((role) => role.role === 'owner')
        .map((role) => role.userId)
        .sort(),
    ).toEqual([alice.id, w.users.owner.id].sort());
    const log = await copy.audit.list(w.portfolio.id, { limit: 1000 });
    expect(log.items.at(-1)).toMatchObject({ action: 'import', actorId: alice.id, id: result.auditEntryId });

    // A user already in the target database with the same id is kept, and keeps the role the snapshot gives.
    const third = setup(10);
    await third.sdk.users.create({ id: w.users.owner.id, email: 'owner@example.com', name: 'Olive Owner' });
    const again = await third.sdk.as(w.users.owner.id).snapshots.import(lines);
    expect(again).toMatchObject({ existingUsers: 1, grantedOwnerRoleId: null });
  });

  test('an unknown user cannot import', async () => {
    const w = await world();
    const lines = await collect(w.sessions.owner.snapshots.export(w.portfolio.id));
    const other = setup(9);
    await rejectsWith(other.sdk.as(IMPORTER).snapshots.import(lines), 'PERMISSION');
    expect(counts(other.storage).portfolio).toBe(0);
  });
});

describe('numberedLines framing', () => {
  test('chunks cut anywhere and lines without breaks give the same numbered lines', async () => {
    const lines = ['{"a":1}', '{"b":{"c":"}"}}', '', '{"d":[1,2]}'];
    const text = `${lines.join('\r\n')}\n`;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 10 }), async (cuts) => {
        const out = [];
        for await (const line of numberedLines(chunksOf(text, cuts))) out.push([line.lineNumber, line.text]);
        expect(out).toEqual([
          [1, '{"a":1}'],
          [2, '{"b":{"c":"}"}}'],
          [3, ''],
          [4, '{"d":[1,2]}'],
        ]);
      }),
      { numRuns: 300 },
    );
    const unframed = [];
    for await (const line of numberedLines(['{"a":1}', '{"b":2}'])) unframed.push(line.text);
    expect(unframed).toEqual(['{"a":1}', '{"b":2}']);
  });
});
