/**
 * Bulk transaction import: every row validated first (nothing written when any row is bad), de-duplicated by
 * `(source, externalId)` against the stored transactions and within the batch, then written in one unit of work
 * with one audit entry for the batch.
 * @module
 */
import { z } from 'zod';
import type { Category } from '../domain/entities/category.js';
import { entitySchemasFor } from '../domain/entities/entity-schemas.js';
import {
  type Transaction,
  type TransactionCreate,
  type TransactionSource,
  TransactionSourceSchema,
} from '../domain/entities/transaction.js';
import { IdSchema } from '../domain/entities/values.js';
import { parseWith, safeParseWith } from '../domain/validation.js';
import { PermissionError, ValidationError, type ValidationIssue } from '../errors.js';
import type { Page, UnitOfWork } from '../ports/repository.js';
import { canRead, requirePortfolioAccess } from './access.js';
import { loadPortfolio } from './entity-service.js';
import { auditEntry, isPlainObject, listAll, type ServiceDependencies } from './records.js';

/** A row of an import: a transaction without `portfolioId`, `source` and `sourceRef` (the import sets them). */
export type TransactionImportRow = Omit<TransactionCreate, 'portfolioId' | 'source' | 'sourceRef'> & {
  /** Optional per-row detail of the origin; defaults to the import's `sourceRef`. */
  readonly sourceRef?: string | null;
};

/** Options of {@link TransactionImporter.import}. */
export interface TransactionImportOptions {
  /** Origin recorded on every row and half of the de-duplication key (default `import`). */
  readonly source?: TransactionSource;
  /** Detail of the origin (an import profile, a file name), recorded on rows that give none. */
  readonly sourceRef?: string | null;
}

/** What an import did. */
export interface TransactionImportResult {
  /** Rows written. */
  readonly inserted: number;
  /**
   * Rows skipped as duplicates: their `(source, externalId)` was already stored, or appeared earlier in the
   * batch (the first occurrence wins).
   */
  readonly skippedDuplicates: number;
  /** Indices (0-based) of the skipped rows, in order. */
  readonly duplicateRows: readonly number[];
  /** Id of the first transaction written (ids increase in row order), or null when none was. */
  readonly firstId: string | null;
  /** Id of the last transaction written, or null. */
  readonly lastId: string | null;
  /** The id of the import's single audit entry. */
  readonly auditEntryId: string;
}

/** The import operation of a session's transactions. */
export interface TransactionImporter {
  /**
   * Imports `rows` into a portfolio. Every row is validated before anything is written: a bad row is a
   * `ValidationError` whose paths start with `rows.<index>.` (the first 100 issues are reported) and nothing is
   * written. Rows with an `externalId` already stored for the same `source`, or repeated in the batch, are
   * skipped and counted. One unit of work, one audit entry (`import transaction`, with source, counts and id
   * range). Owners and managers; a scoped manager only for its properties.
   */
  import(
    portfolioId: string,
    rows: readonly TransactionImportRow[],
    options?: TransactionImportOptions,
  ): Promise<TransactionImportResult>;
}

/** Issues reported at most (a file of bad rows should not make a megabyte error message). */
const MAX_ISSUES = 100;
/** `externalId`s looked up per query. */
const LOOKUP_CHUNK = 500;
/** Records per `insertMany` call. */
const INSERT_CHUNK = 1000;

const OPTIONS_SCHEMA_SOURCE = TransactionSourceSchema.default('import');
const SOURCE_REF_SCHEMA = z.string().trim().min(1).max(200).nullable();

interface Lookup {
  readonly categories: ReadonlyMap<string, Category>;
  readonly properties: ReadonlySet<string>;
  readonly units: ReadonlyMap<string, string>;
  readonly leases: ReadonlyMap<string, string>;
  readonly loans: ReadonlyMap<string, string>;
}

function checkLinks(
  row: Record<string, unknown>,
  index: number,
  lookup: Lookup,
  issues: ValidationIssue[],
): void {
  const propertyId = row.propertyId as string;
  const path = (field: string) => `rows.${index}.${field}`;
  if (!lookup.properties.has(propertyId)) {
    issues.push({
      path: path('propertyId'),
      expected: 'the id of a property of this portfolio',
      message: `${path('propertyId')}: no property ${propertyId} in this portfolio`,
    });
  }
  const links: [string, ReadonlyMap<string, string>][] = [
    ['unitId', lookup.units],
    ['leaseId', lookup.leases],
    ['loanId', lookup.loans],
  ];
  for (const [field, map] of links) {
    const id = row[field];
    if (typeof id !== 'string') continue;
    const owner = map.get(id);
    if (owner !== propertyId) {
      const what = field.slice(0, -2);
      issues.push({
        path: path(field),
        expected: `the id of a ${what} of property ${propertyId}`,
        message: `${path(field)}: no ${what} ${id} on property ${propertyId}`,
      });
    }
  }
}

async function storedExternalIds(
  tx: UnitOfWork,
  portfolioId: string,
  source: TransactionSource,
  externalIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < externalIds.length; start += LOOKUP_CHUNK) {
    const chunk = externalIds.slice(start, start + LOOKUP_CHUNK);
    let cursor: string | null = null;
    do {
      const page: Page<Transaction> = await tx.list('transaction', {
        where: { portfolioId, source, externalId: chunk },
        limit: 1000,
        cursor,
      });
      for (const item of page.items) if (item.externalId !== null) found.add(item.externalId);
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return found;
}

/** Builds the import operation for an actor. */
export function createTransactionImporter(deps: ServiceDependencies, actorId: string): TransactionImporter {
  const { storage, clock, ids } = deps;

  async function importRows(
    portfolioId: string,
    rows: readonly TransactionImportRow[],
    options: TransactionImportOptions = {},
  ): Promise<TransactionImportResult> {
    const checkedPortfolioId = parseWith(IdSchema, portfolioId, 'portfolioId');
    const source = parseWith(OPTIONS_SCHEMA_SOURCE, options.source, 'source');
    const sourceRef = parseWith(SOURCE_REF_SCHEMA, options.sourceRef ?? null, 'sourceRef');
    if (!Array.isArray(rows)) throw ValidationError.field('rows', 'a list of transaction rows');
    const access = await requirePortfolioAccess(storage, actorId, checkedPortfolioId);
    const portfolio = await loadPortfolio(deps, checkedPortfolioId);
    const schemas = entitySchemasFor(portfolio.currency).transaction;

    const categories = new Map(
      (await listAll(storage, 'category', { where: { portfolioId: checkedPortfolioId } })).map((c) => [
        c.key,
        c,
      ]),
    );
    if (access.role === 'viewer') {
      throw new PermissionError(`the viewer role may not import transactions into ${checkedPortfolioId}`);
    }
    const properties = new Set(
      (await listAll(storage, 'property', { where: { portfolioId: checkedPortfolioId } }))
        .filter((property) => canRead(access, { kind: 'property', propertyId: property.id }))
        .map((property) => property.id),
    );
    const needs = (field: string) => rows.some((row) => isPlainObject(row) && typeof row[field] === 'string');
    const owners = async (type: 'unit' | 'lease' | 'loan', field: string) =>
      needs(field)
        ? new Map(
            (await listAll(storage, type, { where: { portfolioId: checkedPortfolioId } })).map((r) => [
              r.id,
              r.propertyId,
            ]),
          )
        : new Map<string, string>();
    const lookup: Lookup = {
      categories,
      properties,
      units: await owners('unit', 'unitId'),
      leases: await owners('lease', 'leaseId'),
      loans: await owners('loan', 'loanId'),
    };

    // Validate every row before opening the unit of work.
    const issues: ValidationIssue[] = [];
    const parsedRows: Record<string, unknown>[] = [];
    for (const [index, row] of rows.entries()) {
      if (issues.length >= MAX_ISSUES) break;
      if (!isPlainObject(row)) {
        issues.push({
          path: `rows.${index}`,
          expected: 'an object',
          message: `rows.${index}: expected a transaction object`,
        });
        continue;
      }
      for (const fixed of ['portfolioId', 'source'] as const) {
        const expected = fixed === 'source' ? source : checkedPortfolioId;
        if (row[fixed] !== undefined && row[fixed] !== expected) {
          issues.push({
            path: `rows.${index}.${fixed}`,
            expected: `${expected} (set by the import) or nothing`,
            message: `rows.${index}.${fixed}: must be ${expected} or left out`,
          });
        }
      }
      const result = safeParseWith(
        schemas.create,
        {
          ...row,
          portfolioId: checkedPortfolioId,
          source,
          sourceRef: row.sourceRef === undefined ? sourceRef : row.sourceRef,
        },
        ['rows', index],
      );
      if (!result.ok) {
        issues.push(...result.error.issues);
        continue;
      }
      const parsed = result.value as Record<string, unknown>;
      const category = categories.get(parsed.category as string);
      if (!category) {
        issues.push({
          path: `rows.${index}.category`,
          expected: 'the key of one of the portfolio categories',
          message: `rows.${index}.category: no category ${JSON.stringify(parsed.category)} in this portfolio`,
        });
      } else if (parsed.kind !== undefined && parsed.kind !== category.kind) {
        issues.push({
          path: `rows.${index}.kind`,
          expected: `${category.kind} (the kind of category ${category.key}) or nothing`,
          message: `rows.${index}.kind: ${String(parsed.kind)} disagrees with category ${category.key} (${category.kind})`,
        });
      } else {
        parsed.kind = category.kind;
      }
      checkLinks(parsed, index, lookup, issues);
      parsedRows[index] = parsed;
    }
    if (issues.length > 0) throw new ValidationError(issues.slice(0, MAX_ISSUES));

    // De-duplicate within the batch: the first row with an externalId wins.
    const firstIndexOf = new Map<string, number>();
    const duplicateInBatch = new Set<number>();
    parsedRows.forEach((row, index) => {
      const externalId = row.externalId;
      if (typeof externalId !== 'string') return;
      if (firstIndexOf.has(externalId)) duplicateInBatch.add(index);
      else firstIndexOf.set(externalId, index);
    });

    const now = clock.now();
    return storage.transaction(async (tx) => {
      const stored = await storedExternalIds(tx, checkedPortfolioId, source, [...firstIndexOf.keys()]);
      const records: Transaction[] = [];
      const duplicateRows: number[] = [];
      parsedRows.forEach((row, index) => {
        const externalId = row.externalId;
        if (duplicateInBatch.has(index) || (typeof externalId === 'string' && stored.has(externalId))) {
          duplicateRows.push(index);
          return;
        }
        records.push({
          ...(row as Omit<Transaction, 'id' | 'version' | 'createdAt' | 'updatedAt'>),
          id: typeof row.id === 'string' ? row.id : ids.next(),
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
      });
      for (let start = 0; start < records.length; start += INSERT_CHUNK) {
        await tx.insertMany('transaction', records.slice(start, start + INSERT_CHUNK));
      }
      const firstId = records[0]?.id ?? null;
      const lastId = records[records.length - 1]?.id ?? null;
      const entry = auditEntry(ids, now, {
        actorId,
        action: 'import',
        entityType: 'transaction',
        entityId: null,
        portfolioId: checkedPortfolioId,
        details: {
          source,
          sourceRef,
          rows: rows.length,
          inserted: records.length,
          skippedDuplicates: duplicateRows.length,
          firstId,
          lastId,
        },
      });
      await tx.appendAudit(entry);
      return {
        inserted: records.length,
        skippedDuplicates: duplicateRows.length,
        duplicateRows,
        firstId,
        lastId,
        auditEntryId: entry.id,
      };
    });
  }

  return { import: importRows };
}
