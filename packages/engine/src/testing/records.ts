/**
 * fast-check arbitraries of fully formed stored records — what the services hand to a repository: a create
 * input parsed by its schema (defaults applied, values canonical) plus id, version 1 and timestamps.
 * @module
 */
import fc from 'fast-check';
import { DEFAULT_CATEGORIES } from '../domain/categories.js';
import type { InstantString } from '../domain/dates.js';
import {
  ARCHIVABLE_ENTITY_TYPES,
  type AuditEntry,
  AuditEntryCreateSchema,
  entitySchemasFor,
} from '../domain/entities/index.js';
import { currencyMinorDigits } from '../domain/money.js';
import type { RecordOf, RecordType } from '../ports/repository.js';
import {
  type ArbContext,
  arbAuditEntryCreate,
  arbCreateInput,
  arbPortfolioCreate,
  type CategoryRef,
} from './create-inputs.js';
import { arbId, arbInstant } from './values.js';

/** When generated records were created: one fixed instant, or a range (default 2000–2040). */
export type ArbInstants = InstantString | { readonly from?: InstantString; readonly to?: InstantString };

/** Options of {@link arbRecord}: the create-input context plus what makes a record stored. */
export interface ArbRecordOptions extends ArbContext {
  /** The record's id (default: a random UUIDv7; for a portfolio, `portfolioId` when given). */
  readonly id?: string;
  /** `createdAt` (= `updatedAt`, the record being at version 1), fixed or drawn from a range. */
  readonly at?: ArbInstants;
  /** For a portfolio record: its currency (default: one of `ARB_CURRENCIES`). */
  readonly currency?: string;
  /**
   * Whether archivable records (property, unit, lease, loan, contact, category, portfolio) may come archived
   * (`archivedAt` set): `'sometimes'` (default, about one in six), `'never'` or `'always'`.
   */
  readonly archived?: 'sometimes' | 'never' | 'always';
}

function instants(at: ArbInstants | undefined): fc.Arbitrary<InstantString> {
  if (typeof at === 'string') return fc.constant(new Date(at).toISOString());
  return arbInstant(at ?? {});
}

function archivedAt(
  mode: ArbRecordOptions['archived'],
  createdAt: InstantString,
): fc.Arbitrary<InstantString | null> {
  const later = fc
    .integer({ min: 0, max: 5 * 365 * 86_400_000 })
    .map((ms) => new Date(Date.parse(createdAt) + ms).toISOString());
  if (mode === 'never') return fc.constant(null);
  if (mode === 'always') return later;
  return fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: later, weight: 1 });
}

/**
 * Fully formed stored records of `type` that pass its record schema and are canonical (parsing one returns an
 * equal object): `id`, `version` 1, `createdAt` = `updatedAt`, `archivedAt` on archivable types, `erasedAt` null on
 * contacts and users, and a transaction's `kind` from its category.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbRecord('loan', { portfolioId, ids: { property: [propertyId] } }), (loan) => {
 *   expect(LoanSchema.parse(loan)).toEqual(loan);
 * }));
 * ```
 */
export function arbRecord<K extends RecordType>(
  type: K,
  options: ArbRecordOptions = {},
): fc.Arbitrary<RecordOf<K>> {
  const input: fc.Arbitrary<unknown> =
    type === 'portfolio'
      ? arbPortfolioCreate(options.currency === undefined ? {} : { currency: options.currency })
      : arbCreateInput(type, options);
  const id = options.id ?? (type === 'portfolio' ? options.portfolioId : undefined);
  return fc
    .record({
      input,
      id: id === undefined ? arbId() : fc.constant(id),
      createdAt: instants(options.at),
    })
    .chain(({ input, id, createdAt }) =>
      archivedAt(options.archived, createdAt).map((archived) =>
        toStoredRecord(type, input, { id, createdAt, archived, options }),
      ),
    );
}

/** Parses a create input into the record the services would store. */
function toStoredRecord<K extends RecordType>(
  type: K,
  input: unknown,
  stored: { id: string; createdAt: InstantString; archived: InstantString | null; options: ArbRecordOptions },
): RecordOf<K> {
  const digits =
    type === 'portfolio'
      ? currencyMinorDigits((input as { currency?: string }).currency ?? 'USD')
      : (stored.options.minorDigits ?? 2);
  const parsed = entitySchemasFor(digits)[type].create.parse(input) as Record<string, unknown>;
  const record: Record<string, unknown> = {
    ...parsed,
    id: stored.id,
    version: 1,
    createdAt: stored.createdAt,
    updatedAt: stored.createdAt,
  };
  if ((ARCHIVABLE_ENTITY_TYPES as readonly string[]).includes(type)) record.archivedAt = stored.archived;
  if (type === 'contact' || type === 'user') record.erasedAt = null;
  if (type === 'transaction' && record.kind === undefined) {
    record.kind = kindOf(String(record.category), stored.options.categories);
  }
  return record as RecordOf<K>;
}

function kindOf(key: string, categories: readonly CategoryRef[] | undefined): CategoryRef['kind'] {
  const found = (categories ?? DEFAULT_CATEGORIES).find((category) => category.key === key);
  if (!found) throw new Error(`arbRecord: category ${key} is not in the context`);
  return found.kind;
}

/** Options of {@link arbAuditEntry}. */
export interface ArbAuditEntryOptions extends ArbContext {
  /** The entry's id (default: a random UUIDv7). */
  readonly id?: string;
}

/** Stored audit entries (canonical, passing `AuditEntrySchema`), by a user of `ids.user` when given. */
export function arbAuditEntry(options: ArbAuditEntryOptions = {}): fc.Arbitrary<AuditEntry> {
  return fc
    .tuple(arbAuditEntryCreate(options), options.id === undefined ? arbId() : fc.constant(options.id))
    .map(([input, id]) => ({ ...AuditEntryCreateSchema.parse(input), id }));
}
