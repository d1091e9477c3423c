/**
 * The statements the repository sends use the indexes meant for them, from the first row on (SQLite has no
 * statistics until ANALYZE; the schema ships fixed planner statistics): every statement is captured while the
 * port's queries run, and SQLite's query plan for it is checked.
 */
import { createFixtureFactory } from '@freehold/engine/conformance';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqliteRepository, type SqliteRepository } from '../src/index.js';
import { tempDir } from './helpers.js';

const dir = tempDir();
const file = dir.file();
const statements: { sql: string; parameters: unknown[] }[] = [];
let repo: SqliteRepository;

/** The better-sqlite3 database of the repository, recording what it runs. */
function recordingDatabase(): Database.Database {
  const db = new Database(file);
  const prepare = db.prepare.bind(db);
  const record = (sql: string) => (parameters: unknown[]) => statements.push({ sql, parameters });
  return Object.assign(db, {
    prepare: (sql: string) => {
      const statement = prepare(sql);
      const seen = record(sql);
      const wrap = <F extends (...args: unknown[]) => unknown>(run: F) =>
        ((...args: unknown[]) => {
          seen((args[0] as unknown[]) ?? []);
          return run(...args);
        }) as F;
      return Object.assign(statement, {
        all: wrap(statement.all.bind(statement) as (...args: unknown[]) => unknown),
        get: wrap(statement.get.bind(statement) as (...args: unknown[]) => unknown),
        run: wrap(statement.run.bind(statement) as (...args: unknown[]) => unknown),
      });
    },
  }) as Database.Database;
}

/** SQLite's plan of the last recorded statement that starts with `prefix`. */
function planOf(prefix: string): string {
  const statement = [...statements].reverse().find((s) => s.sql.startsWith(prefix));
  if (!statement) throw new Error(`no statement starting with ${prefix}`);
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare(`explain query plan ${statement.sql}`).all(statement.parameters) as {
      detail: string;
    }[];
    return rows.map((row) => row.detail).join('\n');
  } finally {
    db.close();
  }
}

const f = createFixtureFactory();
const portfolio = f.portfolio();
const property = f.property(portfolio);

beforeAll(async () => {
  repo = await createSqliteRepository({ database: recordingDatabase });
  await repo.transaction(async (tx) => {
    await tx.insert('portfolio', portfolio);
    await tx.insert('property', property);
    await tx.insertMany(
      'transaction',
      Array.from({ length: 50 }, (_, i) =>
        f.transaction(property, { source: 'import', externalId: `E${i}` }),
      ),
    );
  });
});
afterAll(async () => {
  await repo.close();
  dir.remove();
});

describe('query plans', () => {
  test('a de-duplication lookup of 500 external ids probes the unique key', async () => {
    const externalId = Array.from({ length: 500 }, (_, i) => `E${i}`);
    await repo.list('transaction', {
      where: { portfolioId: portfolio.id, source: 'import', externalId },
      limit: 1000,
    });
    expect(planOf('select "t"."data"')).toContain(
      'USING INDEX transactions_portfolio_id_source_external_id_key',
    );
  });

  test('listing a property’s transactions uses the property index', async () => {
    await repo.list('transaction', { where: { portfolioId: portfolio.id, propertyId: property.id } });
    expect(planOf('select "t"."data"')).toContain('USING INDEX transactions_property_id_date_idx');
  });

  test('monthly totals read the rollup by its key and partial months through the date index', async () => {
    await repo.monthlyTotals({ portfolioId: portfolio.id, from: '2024-01-10', to: '2024-12-31' });
    const plan = planOf('select "property_id" as "propertyId"');
    expect(plan).toMatch(
      /SEARCH monthly_category_totals USING PRIMARY KEY \(portfolio_id=\? AND month>\? AND month<\?\)/,
    );
    expect(plan).toContain(
      'SEARCH transactions USING INDEX transactions_portfolio_id_date_idx (portfolio_id=? AND date>? AND date<?)',
    );
    expect(plan).not.toMatch(/SCAN (transactions|monthly)/);
  });

  test('open alerts use the partial index of open alerts', async () => {
    await repo.openAlerts({ portfolioId: portfolio.id });
    expect(planOf('select "t"."data"')).toContain('alerts_portfolio_id_priority_rank_raised_at_id_open_idx');
  });

  test('audit entries of an entity use the entity index', async () => {
    await repo.listAudit({ portfolioId: portfolio.id, entityId: property.id });
    expect(planOf('select "data", "at", "id" from "audit_entries"')).toContain(
      'audit_entries_entity_id_at_id_idx',
    );
  });
});
