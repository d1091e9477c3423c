/**
 * Streaming import of a snapshot into a repository: every line validated against its record schema, one unit of
 * work, one audit entry for the import. Any failure — a malformed line, a newer format version, a record of
 * another portfolio, an id the database already holds — leaves nothing written.
 * @module
 */
import { z } from 'zod';
import { type AuditEntry, AuditEntrySchema } from '../domain/entities/audit.js';
import { entitySchemasFor } from '../domain/entities/entity-schemas.js';
import { type Portfolio, PortfolioSchema } from '../domain/entities/portfolio.js';
import type { RoleAssignment } from '../domain/entities/user.js';
import { IdSchema, InstantSchema, type JsonObject } from '../domain/entities/values.js';
import { parseWith, toValidationError } from '../domain/validation.js';
import { ValidationError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/ids.js';
import type { RecordOf, Repository, UnitOfWork } from '../ports/repository.js';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_RECORD_TYPES,
  SNAPSHOT_VERSION,
  type SnapshotRecordType,
} from './format.js';
import { type NumberedLine, numberedLines } from './ndjson-lines.js';

/** Options of {@link importSnapshot}. */
export interface ImportSnapshotOptions {
  /** The repository to import into; it must not hold the snapshot's ids (users excepted, see below). */
  readonly repository: Repository;
  /** The clock stamping the import's audit entry (and a granted role). */
  readonly clock: Clock;
  /** Ids of the import's audit entry (and a granted role). */
  readonly ids: IdGenerator;
  /** The user recorded as the import's actor. */
  readonly actorId: string;
  /**
   * The snapshot: whole lines (with or without their line breaks) or chunks of the file cut anywhere, as
   * produced by `exportSnapshot` or read from a file or a stream.
   */
  readonly lines: AsyncIterable<string> | Iterable<string>;
  /** A user (existing in the target database) made owner when the snapshot gives them no role. */
  readonly grantOwnerTo?: string;
}

/** What an import did. */
export interface SnapshotImportResult {
  /** The imported portfolio's id. */
  readonly portfolioId: string;
  /** Lines read, the header included. */
  readonly lines: number;
  /** Records read per type (users already present included; audit entries under `auditEntry`). */
  readonly records: Readonly<Record<SnapshotRecordType, number>>;
  /** Users of the snapshot the database already held (same id): kept as they are, not re-inserted. */
  readonly existingUsers: number;
  /** The owner role granted to `grantOwnerTo`, or null when none was needed. */
  readonly grantedOwnerRoleId: string | null;
  /** The import's own audit entry. */
  readonly auditEntryId: string;
}

const HeaderSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.int().min(1),
  exportedAt: InstantSchema,
  portfolio: z.unknown(),
});

const RecordLineSchema = z.strictObject({
  type: z.enum(SNAPSHOT_RECORD_TYPES),
  data: z.record(z.string(), z.unknown()),
});

/** Records buffered per `insertMany` call. */
const BATCH = 500;

function lineError(lineNumber: number, message: string, field = '', expected = 'a valid snapshot line') {
  const path = field === '' ? `line.${lineNumber}` : `line.${lineNumber}.${field}`;
  return new ValidationError({
    path,
    expected,
    message: `line ${lineNumber}: ${field ? `${field}: ` : ''}${message}`,
  });
}

function parseAt<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lineNumber: number,
  prefix: string[],
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const error = toValidationError(result.error, ['line', lineNumber, ...prefix]);
  const issues = error.issues.map((issue) => ({ ...issue, message: `line ${lineNumber}: ${issue.message}` }));
  throw new ValidationError(issues, { cause: result.error });
}

function parseJson(line: NumberedLine): unknown {
  if ('parsed' in line) return line.parsed;
  try {
    return JSON.parse(line.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw lineError(line.lineNumber, `not valid JSON (${reason})`, '', 'one JSON object per line');
  }
}

/** A validated record of a snapshot line. */
interface SnapshotRecord {
  readonly type: SnapshotRecordType;
  readonly data: Record<string, unknown> & { id: string };
}

/** Validates the lines of one snapshot, in order. */
class SnapshotValidator {
  private portfolio: Portfolio | null = null;
  private typeIndex = 0;
  readonly counts = Object.fromEntries(SNAPSHOT_RECORD_TYPES.map((type) => [type, 0])) as Record<
    SnapshotRecordType,
    number
  >;
  exportedAt = '';
  lines = 0;

  get header(): Portfolio | null {
    return this.portfolio;
  }

  /** Validates the header line; returns the portfolio. */
  acceptHeader(line: NumberedLine): Portfolio {
    const value = parseJson(line);
    const versionOf = (v: unknown) =>
      typeof v === 'object' && v !== null ? (v as { version?: unknown }).version : undefined;
    const version = versionOf(value);
    if (typeof version === 'number' && Number.isInteger(version) && version > SNAPSHOT_VERSION) {
      throw lineError(
        line.lineNumber,
        `snapshot format version ${version} is newer than this reader knows (${SNAPSHOT_VERSION}): upgrade Freehold`,
        'version',
        `a format version of at most ${SNAPSHOT_VERSION}`,
      );
    }
    const header = parseAt(HeaderSchema, value, line.lineNumber, []);
    const portfolio = parseAt(PortfolioSchema, header.portfolio, line.lineNumber, ['portfolio']);
    this.portfolio = portfolio;
    this.exportedAt = header.exportedAt;
    return portfolio;
  }

  /** Validates a record line against its type's record schema, order and portfolio. */
  acceptRecord(line: NumberedLine): SnapshotRecord {
    const portfolio = this.portfolio;
    if (!portfolio) throw lineError(line.lineNumber, 'the header line must come first');
    const { type, data } = parseAt(RecordLineSchema, parseJson(line), line.lineNumber, []);
    const index = SNAPSHOT_RECORD_TYPES.indexOf(type);
    if (index < this.typeIndex) {
      throw lineError(
        line.lineNumber,
        `a ${type} record after ${SNAPSHOT_RECORD_TYPES[this.typeIndex]} records: records must be in dependency order`,
        'type',
        `a record type at or after ${SNAPSHOT_RECORD_TYPES[this.typeIndex]}`,
      );
    }
    this.typeIndex = index;
    const schema =
      type === 'auditEntry' ? AuditEntrySchema : entitySchemasFor(portfolio.currency)[type].record;
    const record = parseAt(schema, data, line.lineNumber, ['data']) as Record<string, unknown> & {
      id: string;
    };
    if (type !== 'user' && record.portfolioId !== portfolio.id) {
      throw lineError(
        line.lineNumber,
        `belongs to portfolio ${String(record.portfolioId)}, not to the snapshot's portfolio ${portfolio.id}`,
        'data.portfolioId',
        `the snapshot's portfolio id ${portfolio.id}`,
      );
    }
    this.counts[type]++;
    return { type, data: record };
  }
}

/** Writes validated records inside a unit of work, batching them per type. */
class SnapshotWriter {
  private batchType: SnapshotRecordType | null = null;
  private batch: Record<string, unknown>[] = [];
  private readonly roleHolders = new Set<string>();
  existingUsers = 0;

  constructor(private readonly tx: UnitOfWork) {}

  async portfolio(portfolio: Portfolio): Promise<void> {
    await this.tx.insert('portfolio', portfolio);
  }

  async push(record: SnapshotRecord): Promise<void> {
    if (record.type === 'user') {
      // Users are shared by every portfolio of a database: one already present (same id) is kept, not a conflict.
      if (await this.tx.get('user', record.data.id)) {
        this.existingUsers++;
        return;
      }
    }
    if (record.type === 'roleAssignment') this.roleHolders.add(String(record.data.userId));
    if (this.batchType !== record.type || this.batch.length >= BATCH) await this.flush();
    this.batchType = record.type;
    this.batch.push(record.data);
  }

  hasRole(userId: string): boolean {
    return this.roleHolders.has(userId);
  }

  async flush(): Promise<void> {
    const type = this.batchType;
    const records = this.batch;
    this.batch = [];
    if (type === null || records.length === 0) return;
    if (type === 'auditEntry') {
      await this.tx.appendAuditMany(records as unknown as AuditEntry[]);
    } else {
      await this.tx.insertMany(type, records as unknown as RecordOf<typeof type>[]);
    }
  }
}

function emptyInput(): ValidationError {
  return new ValidationError({
    path: 'line.1',
    expected: 'a snapshot header line',
    message: 'line 1: the snapshot is empty (no header line)',
  });
}

/**
 * Imports a snapshot. The repository must not already hold the portfolio or any of its records' ids: an existing
 * id is a `ConflictError` and nothing is written (importing the same snapshot twice fails that way). Users are the
 * exception — shared by every portfolio of a database, a user already present with the same id is kept as is.
 *
 * A malformed line, a record failing its schema, a record of another portfolio, records out of dependency order,
 * or a header with a newer `version` is a `ValidationError` whose paths start with `line.<n>` (1-based) and whose
 * message starts with `line <n>:`; nothing is written.
 *
 * Writes happen in one unit of work with one audit entry (`import portfolio`, details: counts per type, lines,
 * exportedAt). With `capabilities.longTransactions` the lines are validated and written as they stream in (a
 * failure rolls everything back); without it (IndexedDB) every line is read and validated first, then written.
 */
export async function importSnapshot(options: ImportSnapshotOptions): Promise<SnapshotImportResult> {
  const { repository, clock, ids } = options;
  const actorId = parseWith(IdSchema, options.actorId, 'actorId');
  const validator = new SnapshotValidator();

  const finish = async (tx: UnitOfWork, writer: SnapshotWriter, portfolio: Portfolio, lines: number) => {
    await writer.flush();
    const now = clock.now();
    let grantedOwnerRoleId: string | null = null;
    const grantee = options.grantOwnerTo;
    if (grantee !== undefined && !writer.hasRole(grantee)) {
      const role: RoleAssignment = {
        id: ids.next(),
        version: 1,
        createdAt: now,
        updatedAt: now,
        portfolioId: portfolio.id,
        userId: grantee,
        role: 'owner',
        propertyIds: null,
      };
      await tx.insert('roleAssignment', role);
      grantedOwnerRoleId = role.id;
    }
    const details: JsonObject = {
      source: 'snapshot',
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      exportedAt: validator.exportedAt,
      lines,
      records: { ...validator.counts },
      existingUsers: writer.existingUsers,
      grantedOwnerRoleId,
    };
    const auditEntryId = ids.next();
    await tx.appendAudit({
      id: auditEntryId,
      portfolioId: portfolio.id,
      at: now,
      actorId,
      action: 'import',
      entityType: 'portfolio',
      entityId: portfolio.id,
      before: null,
      after: null,
      details,
    });
    return {
      portfolioId: portfolio.id,
      lines,
      records: { ...validator.counts },
      existingUsers: writer.existingUsers,
      grantedOwnerRoleId,
      auditEntryId,
    };
  };

  if (repository.capabilities.longTransactions) {
    return repository.transaction(async (tx) => {
      const writer = new SnapshotWriter(tx);
      let portfolio: Portfolio | null = null;
      let lines = 0;
      for await (const line of numberedLines(options.lines)) {
        lines = line.lineNumber;
        if (line.text.trim() === '') continue;
        if (!portfolio) {
          portfolio = validator.acceptHeader(line);
          await writer.portfolio(portfolio);
        } else {
          await writer.push(validator.acceptRecord(line));
        }
      }
      if (!portfolio) throw emptyInput();
      return finish(tx, writer, portfolio, lines);
    });
  }

  // Short-lived transactions (IndexedDB): read and validate everything first, then write.
  let portfolio: Portfolio | null = null;
  let lines = 0;
  const records: SnapshotRecord[] = [];
  for await (const line of numberedLines(options.lines)) {
    lines = line.lineNumber;
    if (line.text.trim() === '') continue;
    if (!portfolio) portfolio = validator.acceptHeader(line);
    else records.push(validator.acceptRecord(line));
  }
  if (!portfolio) throw emptyInput();
  const header = portfolio;
  return repository.transaction(async (tx) => {
    const writer = new SnapshotWriter(tx);
    await writer.portfolio(header);
    for (const record of records) await writer.push(record);
    return finish(tx, writer, header, lines);
  });
}
