/**
 * Assertions and small helpers shared by the conformance suites.
 * @module
 */
import { expect } from 'vitest';
import type { FreeholdErrorCode } from '../errors.js';
import type {
  Page,
  RecordOf,
  RecordType,
  Repository,
  RepositoryReader,
  UnitOfWork,
} from '../ports/repository.js';
import type { ConformanceTestContext } from './harness.js';

/** The `code` of a thrown value, when it has a string one (Freehold errors do). */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}

/** How a promise settled: its value, or the code of the error it rejected with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string | undefined; error: unknown };

/** Settles `promise` into an {@link Outcome} (never rejects). */
export async function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, code: errorCodeOf(error), error };
  }
}

/** Asserts that `promise` rejects with a Freehold error of `code`; returns the error. */
export async function expectRejection(
  promise: Promise<unknown>,
  code: FreeholdErrorCode,
  what: string,
): Promise<unknown> {
  const outcome = await outcomeOf(promise);
  if (outcome.ok) expect.fail(`${what}: expected a rejection with code ${code}, but it resolved`);
  expect(outcome.code, `${what}: error code (error: ${String(outcome.error)})`).toBe(code);
  return outcome.error;
}

/**
 * Asserts a unique-key or duplicate-id `ConflictError`; when the adapter has a driver, also that the driver's
 * error is its `cause`.
 */
export async function expectUniqueConflict(
  ctx: ConformanceTestContext,
  promise: Promise<unknown>,
  what: string,
): Promise<void> {
  const error = await expectRejection(promise, 'CONFLICT', what);
  if (ctx.options.driverErrors) {
    const cause =
      typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
    expect(cause, `${what}: a translated driver error keeps the driver's error as \`cause\``).not.toBe(
      undefined,
    );
  }
}

/** A write that {@link seed} runs inside one unit of work. */
export type SeedWrite = (tx: UnitOfWork) => Promise<void>;

/** A typed insert for {@link seed}. */
export function put<K extends RecordType>(type: K, record: RecordOf<K>): SeedWrite {
  return (tx) => tx.insert(type, record);
}

/** A typed insertMany for {@link seed}. */
export function putMany<K extends RecordType>(type: K, records: readonly RecordOf<K>[]): SeedWrite {
  return (tx) => tx.insertMany(type, records);
}

/** Runs `writes` in order in one unit of work. */
export async function seed(repo: Repository, ...writes: SeedWrite[]): Promise<void> {
  await repo.transaction(async (tx) => {
    for (const write of writes) await write(tx);
  });
}

/** Walks every page of a paged read, returning the pages. */
export async function walkPages<T>(
  read: (cursor: string | null) => Promise<Page<T>>,
  maxPages = 10_000,
): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let cursor: string | null = null;
  do {
    const page = await read(cursor);
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > maxPages) expect.fail(`paging did not end after ${maxPages} pages`);
  } while (cursor !== null);
  return pages;
}

/** Every record of `type` matching nothing else, over all pages (limit 1000). */
export async function listAll<K extends RecordType>(
  reader: RepositoryReader,
  type: K,
): Promise<RecordOf<K>[]> {
  const pages = await walkPages((cursor) => reader.list(type, { limit: 1000, cursor }));
  return pages.flatMap((page) => page.items);
}

/** Code-unit string comparison (the order of ids, dates and instants in the port). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records sorted the way `list` orders undated types: by id. */
export function sortById<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => compareStrings(a.id, b.id));
}

/** Records sorted the way `list` orders dated types: by date, then id. */
export function sortByDateId<T extends { id: string; date: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.id, b.id));
}

function minorUnitsText(amount: string, minorDigits: number): string {
  const negative = amount.startsWith('-');
  const unsigned = negative ? amount.slice(1) : amount;
  const [whole = '0', fraction = ''] = unsigned.split('.');
  const digits = `${whole}${fraction.padEnd(minorDigits, '0')}`.replace(/^0+(?=\d)/, '');
  return negative && digits !== '0' ? `-${digits}` : digits;
}

function holdsMoney(value: unknown, amount: string, units: string, depth: number): boolean {
  if (depth > 32) return false;
  if (typeof value === 'string') {
    if (value === amount || value === units) return true;
    const trimmed = value.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return holdsMoney(JSON.parse(trimmed), amount, units, depth + 1);
      } catch {
        return false;
      }
    }
    return false;
  }
  if (typeof value === 'bigint') return value.toString() === units;
  if (typeof value === 'number') return Number.isSafeInteger(value) && String(value) === units;
  if (Array.isArray(value)) return value.some((item) => holdsMoney(item, amount, units, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some((item) => holdsMoney(item, amount, units, depth + 1));
  }
  return false;
}

/**
 * Whether a raw stored row or object holds `amount` exactly: as the decimal string itself or as integer minor
 * units (a safe-integer number, a bigint, or a digit string), at any depth, also inside JSON text.
 */
export function storedHoldsMoney(raw: unknown, amount: string, minorDigits: number): boolean {
  return holdsMoney(raw, amount, minorUnitsText(amount, minorDigits), 0);
}
