/**
 * `freehold import FILE`: loads a portable NDJSON snapshot as a new portfolio, in one unit of work — a
 * malformed or truncated file (cut anywhere, even at a line break: the snapshot's trailer is then missing) fails
 * naming the line, and nothing is written (a database file this command created is removed again).
 * @module
 */
import { createReadStream, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import {
  ConflictError,
  LOCAL_OWNER,
  numberedLines,
  type SnapshotImportResult,
  SnapshotUserConflictError,
} from '@freehold/engine';
import { CliFailure } from '../cli/cli-errors.js';
import { openSession } from '../cli/cli-session.js';
import type { CommandSpec } from '../cli/command-spec.js';
import { displayCount } from '../output/display-numbers.js';
import type { Progress } from '../output/progress.js';
import { databaseLabel } from '../storage/open-storage.js';
import { describeTarget } from '../storage/storage-target.js';

/** What the first lines of a snapshot say: its portfolio and its users (users come right after the header). */
export interface SnapshotPreview {
  /** The portfolio of the header, when the header could be read. */
  readonly portfolio: { readonly id: string; readonly name: string } | null;
  /** The users listed before the first other record. */
  readonly users: readonly {
    readonly id: string;
    readonly email: string | null;
    readonly name: string;
    readonly createdAt: string | undefined;
  }[];
}

function isInstant(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(value) && !Number.isNaN(Date.parse(value))
  );
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * Reads the header and the user lines of a snapshot file, stopping at the first other line. Anything it cannot
 * read is left for the import to report with its line number.
 */
export async function previewSnapshot(path: string): Promise<SnapshotPreview> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  let portfolio: SnapshotPreview['portfolio'] = null;
  const users: { id: string; email: string | null; name: string; createdAt: string | undefined }[] = [];
  try {
    for await (const line of numberedLines(stream as AsyncIterable<string>)) {
      if (line.text.trim() === '') continue;
      let value: unknown;
      try {
        value = 'parsed' in line ? line.parsed : JSON.parse(line.text);
      } catch {
        break;
      }
      const record = asRecord(value);
      if (!record) break;
      if (line.lineNumber === 1 || portfolio === null) {
        const header = asRecord(record.portfolio);
        if (!header || typeof header.id !== 'string') break;
        portfolio = { id: header.id, name: typeof header.name === 'string' ? header.name : header.id };
        continue;
      }
      const data = asRecord(record.data);
      if (record.type !== 'user' || !data || typeof data.id !== 'string') break;
      users.push({
        id: data.id,
        email: typeof data.email === 'string' ? data.email : null,
        name: typeof data.name === 'string' ? data.name : LOCAL_OWNER.name,
        createdAt:
          typeof data.createdAt === 'string' && isInstant(data.createdAt) ? data.createdAt : undefined,
      });
    }
  } finally {
    stream.destroy();
  }
  return { portfolio, users };
}

/** The file's text in chunks, advancing `progress` by the characters read. */
async function* chunksOf(path: string, progress: Progress): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      progress.advance(chunk.length);
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}

const SUMMARY_TYPES = [
  ['property', 'properties'],
  ['unit', 'units'],
  ['lease', 'leases'],
  ['loan', 'loans'],
  ['transaction', 'transactions'],
  ['auditEntry', 'audit entries'],
] as const;

function summary(result: SnapshotImportResult): string {
  return SUMMARY_TYPES.map(([type, label]) => `${displayCount(result.records[type])} ${label}`).join(', ');
}

/** The `import` command. */
export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'load a portable NDJSON snapshot (from "freehold export") as a new portfolio',
  argumentsUsage: 'FILE',
  description: [
    'Validates every line and writes the whole portfolio in one unit of work: a malformed or truncated file',
    '(one cut anywhere, even at a line break, lacks the final trailer line) fails with the number of the bad',
    'line and nothing is written. The database is created when missing (and removed again if the import',
    'fails). Ids are preserved, so a database cannot hold the same snapshot twice, and its users must not have',
    "another user's email there. Move a portfolio from SQLite to PostgreSQL with export, then import",
    '--database-url.',
  ],
  options: {},
  globals: ['db', 'database-url', 'json'],
  positionals: { min: 1, max: 1 },
  examples: [
    'freehold import backup.ndjson --db restored.db',
    'freehold import backup.ndjson --database-url postgres://me@localhost/freehold',
  ],
  async run(context) {
    const { io, progress } = context;
    const file = context.positionals[0] ?? '';
    context.readingFile(file);
    const path = isAbsolute(file) ? file : resolve(io.cwd, file);
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliFailure('NOT_A_FILE', `${file}: is a directory`, { file });
    const size = stat.size;
    const preview = await previewSnapshot(path);
    const snapshotOwner = preview.users.find((user) => user.email === LOCAL_OWNER.email);

    const target = context.target();
    const where = describeTarget(target);
    const cli = await openSession(target, 'create', {
      ...(snapshotOwner
        ? {
            ownerIfNew: {
              id: snapshotOwner.id,
              name: snapshotOwner.name,
              createdAt: snapshotOwner.createdAt,
            },
          }
        : {}),
    });
    let failed = true;
    try {
      if (preview.portfolio) {
        const existing = await cli.session.portfolios.list();
        const clash = existing.find((portfolio) => portfolio.id === preview.portfolio?.id);
        if (clash) {
          throw new CliFailure(
            'ALREADY_IMPORTED',
            `${file}: ${where} already holds portfolio "${clash.name}" (${clash.id}); a snapshot imports as a new portfolio`,
            { file },
          );
        }
      }
      progress.phase(`Importing ${file}`, size);
      let result: SnapshotImportResult;
      try {
        result = await cli.session.snapshots.import(chunksOf(path, progress));
      } catch (error) {
        // The engine refuses a snapshot user whose email another user of the database has, naming the line: for
        // the local owner's email, that is a snapshot of another local owner.
        if (error instanceof SnapshotUserConflictError) {
          const location = { file, line: error.line, field: 'data.email' };
          if (error.email === LOCAL_OWNER.email) {
            throw new CliFailure(
              'OWNER_MISMATCH',
              `${file}: line ${error.line}: its local owner (user ${error.userId}) is not the local owner of ` +
                `${where} (user ${error.existingUserId}): import it into a new database`,
              location,
              { cause: error },
            );
          }
          throw new CliFailure(
            'CONFLICT',
            `${file}: line ${error.line}: its user ${error.userId} has email ${error.email}, which ${where} ` +
              `already gives user ${error.existingUserId} (a snapshot keeps its users' ids)`,
            location,
            { cause: error },
          );
        }
        if (error instanceof ConflictError) {
          const message = `${file}: ${where} already holds some of its records: ${error.message}`;
          throw new CliFailure('CONFLICT', message, { file });
        }
        throw error;
      }
      progress.done();
      failed = false;
      if (context.json) {
        context.emitJson({ file, database: { kind: target.kind, created: cli.storage.created }, ...result });
      } else {
        const name = preview.portfolio?.name ?? result.portfolioId;
        context.print(`Imported "${name}" from ${file} into ${databaseLabel(target)}`);
        context.print(`${displayCount(result.lines)} lines: ${summary(result)}`);
        context.print(context.style.dim(`portfolio id ${result.portfolioId}`));
      }
    } finally {
      await cli.storage.close({ failed });
    }
  },
};
