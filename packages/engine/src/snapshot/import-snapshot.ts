/**
 * Streaming import of a snapshot into a repository: every line validated against its record schema, the trailer
 * checked against what was read, one unit of work, one audit entry for the import. Any failure — a malformed
 * line, a newer format version, a record of another portfolio, a missing or wrong trailer, an id the database
 * already holds, a user's email that another user holds — leaves nothing written.
 * @module
 */
import { z } from 'zod';
import { type AuditEntry, AuditEntrySchema } from '../domain/entities/audit.js';
import { entitySchemasFor } from '../domain/entities/entity-schemas.js';
import { type Portfolio, PortfolioSchema } from '../domain/entities/portfolio.js';
import type { RoleAssignment } from '../domain/entities/user.js';
import { IdSchema, InstantSchema, type JsonObject } from '../domain/entities/values.js';
import { parseWith, toValidationError } from '../domain/validation.js';
import { ConflictError, ValidationError, type ValidationIssue } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/ids.js';
import type { RecordOf, Repository, UnitOfWork } from '../ports/repository.js';
import {
  emptyRecordCounts,
  SNAPSHOT_FORMAT,
  SNAPSHOT_RECORD_TYPES,
  SNAPSHOT_TRAILER_TYPE,
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
  /** Lines read, the header and the trailer included. */
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

const countSchema = () => z.int().min(0);
const TrailerSchema = z.strictObject({
  type: z.literal(SNAPSHOT_TRAILER_TYPE),
  records: countSchema(),
  counts: z.strictObject(
    Object.fromEntries(SNAPSHOT_RECORD_TYPES.map((type) => [type, countSchema()])) as Record<
      SnapshotRecordType,
      ReturnType<typeof countSchema>
    >,
  ),
});

/**
 * A user of the snapshot has an email that the target database already gives another user (emails are unique).
 * The snapshot's user keeps its id — records, roles and audit entries refer to it — so it is not merged into the
 * existing one: the import fails and nothing is written.
 */
export class SnapshotUserConflictError extends ConflictError {
  constructor(
    /** The snapshot line of the user (1-based). */
    readonly line: number,
    /** The snapshot user's id. */
    readonly userId: string,
    /** The email both users have. */
    readonly email: string,
    /** The id of the user of the database with that email. */
    readonly existingUserId: string,
  ) {
    super(
      `line ${line}: user ${userId} has email ${email}, which the database already gives another user ` +
        `(${existingUserId}): a snapshot keeps its users' ids, so import it into a database where that email ` +
        'is free or belongs to the same user id',
    );
  }
}

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

function emptyInput(): ValidationError {
  return new ValidationError({
    path: 'line.1',
    expected: 'a snapshot header line',
    message: 'line 1: the snapshot is empty (no header line)',
  });
}

/** A validated record of a snapshot line. */
interface SnapshotRecord {
  readonly type: SnapshotRecordType;
  readonly data: Record<string, unknown> & { id: string };
  /** Its line (1-based). */
  readonly lineNumber: number;
}

/** What a line turned out to be: the header, a record, or nothing to write (a blank line, the trailer). */
type AcceptedLine = { readonly portfolio: Portfolio } | { readonly record: SnapshotRecord } | null;

function isTrailer(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === SNAPSHOT_TRAILER_TYPE
  );
}

/** Validates the lines of one snapshot, in order. */
class SnapshotValidator {
  private portfolio: Portfolio | null = null;
  private typeIndex = 0;
  private trailerAt = 0;
  private lastLine = 0;
  /** Users' emails seen so far, with their line. */
  private readonly emails = new Map<string, { line: number; userId: string }>();
  readonly counts = emptyRecordCounts();
  exportedAt = '';

  /** The last line number read (blank lines included). */
  get lines(): number {
    return this.lastLine;
  }

  /** Validates the next line: a blank line or the trailer give null. */
  accept(line: NumberedLine): AcceptedLine {
    this.lastLine = line.lineNumber;
    if (line.text.trim() === '') return null;
    if (this.trailerAt !== 0) {
      throw lineError(
        line.lineNumber,
        `a line after the trailer (line ${this.trailerAt}): the trailer must be the snapshot's last line`,
        '',
        'nothing after the trailer line',
      );
    }
    if (!this.portfolio) return { portfolio: this.acceptHeader(line) };
    const value = parseJson(line);
    if (isTrailer(value)) {
      this.acceptTrailer(line.lineNumber, value);
      return null;
    }
    return { record: this.acceptRecord(line.lineNumber, value) };
  }

  /**
   * Checks that the input ended properly (after the header and the trailer); returns the portfolio.
   * @throws {ValidationError} naming line 1 for empty input, or the line where the trailer was expected.
   */
  finish(): Portfolio {
    if (!this.portfolio) throw emptyInput();
    if (this.trailerAt === 0) {
      const expected = this.lastLine + 1;
      throw lineError(
        expected,
        `the snapshot is truncated or incomplete: it ends after line ${this.lastLine} without its trailer line ` +
          `({"type":"${SNAPSHOT_TRAILER_TYPE}",…})`,
        '',
        'the trailer line',
      );
    }
    return this.portfolio;
  }

  /** Validates the header line; returns the portfolio. */
  private acceptHeader(line: NumberedLine): Portfolio {
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
  private acceptRecord(lineNumber: number, value: unknown): SnapshotRecord {
    const portfolio = this.portfolio;
    if (!portfolio) throw lineError(lineNumber, 'the header line must come first');
    const { type, data } = parseAt(RecordLineSchema, value, lineNumber, []);
    const index = SNAPSHOT_RECORD_TYPES.indexOf(type);
    if (index < this.typeIndex) {
      throw lineError(
        lineNumber,
        `a ${type} record after ${SNAPSHOT_RECORD_TYPES[this.typeIndex]} records: records must be in dependency order`,
        'type',
        `a record type at or after ${SNAPSHOT_RECORD_TYPES[this.typeIndex]}`,
      );
    }
    this.typeIndex = index;
    const schema =
      type === 'auditEntry' ? AuditEntrySchema : entitySchemasFor(portfolio.currency)[type].record;
    const record = parseAt(schema, data, lineNumber, ['data']) as Record<string, unknown> & {
      id: string;
    };
    if (type === 'user' && typeof record.email === 'string') {
      const first = this.emails.get(record.email);
      if (first) {
        throw lineError(
          lineNumber,
          `user ${record.id} has email ${record.email}, as user ${first.userId} on line ${first.line}: emails are unique`,
          'data.email',
          'an email no other user of the snapshot has',
        );
      }
      this.emails.set(record.email, { line: lineNumber, userId: record.id });
    }
    if (type !== 'user' && record.portfolioId !== portfolio.id) {
      throw lineError(
        lineNumber,
        `belongs to portfolio ${String(record.portfolioId)}, not to the snapshot's portfolio ${portfolio.id}`,
        'data.portfolioId',
        `the snapshot's portfolio id ${portfolio.id}`,
      );
    }
    this.counts[type]++;
    return { type, data: record, lineNumber };
  }

  /** Validates the trailer line and checks its counts against the records read. */
  private acceptTrailer(lineNumber: number, value: unknown): void {
    const trailer = parseAt(TrailerSchema, value, lineNumber, []);
    const issues: ValidationIssue[] = [];
    let total = 0;
    for (const type of SNAPSHOT_RECORD_TYPES) {
      const read = this.counts[type];
      total += read;
      const said = trailer.counts[type];
      if (said !== read) {
        issues.push({
          path: `line.${lineNumber}.counts.${type}`,
          expected: `${read}, the number of ${type} lines before the trailer`,
          message: `line ${lineNumber}: counts.${type}: the trailer counts ${said} ${type} records, the snapshot has ${read}: it is incomplete or was edited`,
        });
      }
    }
    if (trailer.records !== total) {
      issues.push({
        path: `line.${lineNumber}.records`,
        expected: `${total}, the number of record lines before the trailer`,
        message: `line ${lineNumber}: records: the trailer counts ${trailer.records} record lines, the snapshot has ${total}: it is incomplete or was edited`,
      });
    }
    if (issues.length > 0) throw new ValidationError(issues);
    this.trailerAt = lineNumber;
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
      const { id, email } = record.data;
      if (await this.tx.get('user', id)) {
        this.existingUsers++;
        return;
      }
      // Another user with the same email: the unique key would refuse the insert; say which line and email.
      if (typeof email === 'string') {
        const { items } = await this.tx.list('user', { where: { email }, limit: 1 });
        const holder = items[0];
        if (holder) throw new SnapshotUserConflictError(record.lineNumber, id, email, holder.id);
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

/**
 * Imports a snapshot. The repository must not already hold the portfolio or any of its records' ids: an existing
 * id is a `ConflictError` and nothing is written (importing the same snapshot twice fails that way). Users are the
 * exception — shared by every portfolio of a database, a user already present with the same id is kept as is. A
 * user of the snapshot whose email the database gives a user with another id is a {@link SnapshotUserConflictError}
 * (a `ConflictError` naming the line and the email); nothing is written.
 *
 * A malformed line, a record failing its schema, a record of another portfolio, records out of dependency order,
 * a header with a newer `version`, a missing trailer (a file cut anywhere, even at a line break), a trailer whose
 * counts differ from the records read, or a line after the trailer is a `ValidationError` whose paths start with
 * `line.<n>` (1-based) and whose message starts with `line <n>:`; nothing is written.
 *
 * Writes happen in one unit of work with one audit entry (`import portfolio`, details: counts per type, lines,
 * exportedAt). With `capabilities.longTransactions` the lines are validated and written as they stream in (a
 * failure, the missing trailer included, rolls everything back); without it (IndexedDB) every line is read and
 * validated first, then written.
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
      for await (const line of numberedLines(options.lines)) {
        const accepted = validator.accept(line);
        if (accepted === null) continue;
        if ('portfolio' in accepted) await writer.portfolio(accepted.portfolio);
        else await writer.push(accepted.record);
      }
      // Throwing here (no trailer) rolls back everything written above.
      const portfolio = validator.finish();
      return finish(tx, writer, portfolio, validator.lines);
    });
  }

  // Short-lived transactions (IndexedDB): read and validate everything first, then write.
  const records: SnapshotRecord[] = [];
  for await (const line of numberedLines(options.lines)) {
    const accepted = validator.accept(line);
    if (accepted !== null && 'record' in accepted) records.push(accepted.record);
  }
  const portfolio = validator.finish();
  return repository.transaction(async (tx) => {
    const writer = new SnapshotWriter(tx);
    await writer.portfolio(portfolio);
    for (const record of records) await writer.push(record);
    return finish(tx, writer, portfolio, validator.lines);
  });
}
