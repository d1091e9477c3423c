/**
 * Streaming export of one portfolio as a snapshot: the port is walked page by page, so memory stays bounded by a
 * page (plus the portfolio's member list), whatever the size of the portfolio.
 * @module
 */
import { NotFoundError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { ListQuery, Page, RecordOf, RepositoryReader } from '../ports/repository.js';
import {
  emptyRecordCounts,
  headerLine,
  recordLine,
  SNAPSHOT_FORMAT,
  SNAPSHOT_RECORD_TYPES,
  SNAPSHOT_VERSION,
  type SnapshotRecordType,
  trailerLine,
} from './format.js';

/** Options of {@link exportSnapshot}. */
export interface ExportSnapshotOptions {
  /** Where to read (a repository, or a unit of work's reader). */
  readonly repository: RepositoryReader;
  /** The portfolio to export. */
  readonly portfolioId: string;
  /** The clock that stamps `exportedAt`. */
  readonly clock: Clock;
  /** Records per page read from the port (1–1000, default 1000). */
  readonly pageSize?: number;
}

type PortfolioRecordType = Exclude<(typeof SNAPSHOT_RECORD_TYPES)[number], 'user' | 'auditEntry'>;

/**
 * Exports a portfolio as NDJSON lines — each item is one line ending in `"\n"`, so concatenating the items gives
 * the file: the header, the portfolio's users and role assignments, its records in dependency order, its audit
 * entries, and last the trailer with the count of each type (see `format.ts`), counted as the lines are yielded.
 * Ids are preserved. Not auditing: reading is not a mutation.
 *
 * The pages are read one after another, not in one unit of work (an IndexedDB transaction cannot stay open
 * while the caller consumes lines): export while nothing writes to the portfolio for an exact copy.
 * @throws {NotFoundError} on the first iteration when the portfolio does not exist.
 */
export async function* exportSnapshot(
  options: ExportSnapshotOptions,
): AsyncGenerator<string, void, undefined> {
  const { repository, portfolioId, clock } = options;
  const limit = options.pageSize ?? 1000;
  const portfolio = await repository.get('portfolio', portfolioId);
  if (!portfolio) throw new NotFoundError('portfolio', portfolioId);
  yield `${headerLine({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, exportedAt: clock.now(), portfolio })}\n`;

  const counts = emptyRecordCounts();
  const line = (type: SnapshotRecordType, data: object) => {
    counts[type]++;
    return `${recordLine(type, data)}\n`;
  };

  async function* pages<K extends PortfolioRecordType>(type: K): AsyncGenerator<RecordOf<K>[]> {
    let cursor: string | null = null;
    do {
      const query: ListQuery<K> = { where: { portfolioId } as ListQuery<K>['where'], limit, cursor };
      const page: Page<RecordOf<K>> = await repository.list(type, query);
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  // Users first: those holding a role in the portfolio (a bounded list), in id order.
  const roles: RecordOf<'roleAssignment'>[] = [];
  for await (const items of pages('roleAssignment')) roles.push(...items);
  const userIds = [...new Set(roles.map((role) => role.userId))].sort();
  for (const userId of userIds) {
    const user = await repository.get('user', userId);
    if (user) yield line('user', user);
  }
  for (const role of roles) yield line('roleAssignment', role);

  for (const type of SNAPSHOT_RECORD_TYPES) {
    if (type === 'user' || type === 'roleAssignment' || type === 'auditEntry') continue;
    for await (const items of pages(type)) {
      for (const data of items) yield line(type, data);
    }
  }

  let cursor: string | null = null;
  do {
    const page = await repository.listAudit({ portfolioId, limit, cursor });
    for (const data of page.items) yield line('auditEntry', data);
    cursor = page.nextCursor;
  } while (cursor !== null);

  yield `${trailerLine(counts)}\n`;
}
