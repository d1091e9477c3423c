/**
 * The core's SQL compiles for both dialects it is designed for: every read and write is run through kysely's
 * SQLite and PostgreSQL query compilers over a driver that returns nothing, and the statements are inspected.
 */
import { createFixtureFactory } from '@freehold/engine/conformance';
import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
} from 'kysely';
import { describe, expect, test } from 'vitest';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';
import { SqlReader } from './sql-reader.js';
import { type CoreDatabase, createCoreSchema } from './sql-schema.js';
import { SqlUnitOfWork } from './sql-unit-of-work.js';

function capture(dialect: 'sqlite' | 'postgres') {
  const statements: CompiledQuery[] = [];
  const db = new Kysely<CoreDatabase>({
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) =>
        dialect === 'sqlite' ? new SqliteIntrospector(kysely) : new PostgresIntrospector(kysely),
      createQueryCompiler: () =>
        dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler(),
    },
    log: (event) => {
      statements.push(event.query);
    },
  });
  return { db, statements };
}

const POSTGRES: SqlDialectAdapter = {
  name: 'postgres',
  types: { text: sql`text collate "C"`, integer: 'integer', bigint: 'bigint', json: 'json', date: 'date' },
  monthOf: (column) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`,
  maxBindParameters: 65_535,
  statementErrorAbortsTransaction: true,
  supportsForUpdate: true,
  isUniqueViolation: (error) => (error as { code?: unknown }).code === '23505',
  isSerializationFailure: (error) => ['40001', '40P01'].includes(String((error as { code?: unknown }).code)),
};

describe('the core SQL on PostgreSQL', () => {
  test('the schema uses the dialect types and no SQLite-only clauses', async () => {
    const { db, statements } = capture('postgres');
    await createCoreSchema(db, POSTGRES);
    const ddl = statements.map((s) => s.sql).join(';\n');
    expect(ddl).toContain(
      'create table "transactions" ("id" text collate "C" primary key, "version" integer not null, "data" json not null',
    );
    expect(ddl).toContain('"amount_minor" bigint not null');
    expect(ddl).toContain(
      `create index "alerts_portfolio_id_priority_rank_raised_at_id_open_idx" on "alerts" ("portfolio_id", "priority_rank", "raised_at", "id") where "status" = 'open'`,
    );
    expect(ddl).toContain('"date" date');
    expect(ddl).toContain('"end_date" date');
    expect(ddl).not.toMatch(/without rowid/i);
    expect(
      statements.every((s) => s.parameters.length === 0),
      'DDL has no bind parameters',
    ).toBe(true);
  });

  test('reads compile with numbered parameters', async () => {
    const { db, statements } = capture('postgres');
    const reader = new SqlReader(db, POSTGRES);
    await reader.get('transaction', 'id-1');
    await reader.list('transaction', {
      where: { propertyId: ['a', 'b', null], category: 'rent' },
      dateFrom: '2024-01-01',
      limit: 10,
    });
    await reader.monthlyTotals({
      portfolioId: 'p',
      from: '2024-01-15',
      to: '2024-12-31',
      granularity: 'kind',
    });
    await reader.openAlerts({ portfolioId: 'p', priorities: ['high'], limit: 3 });
    await reader.leasesEndingBetween({ portfolioId: 'p', from: '2024-01-01', to: '2024-12-31' });
    await reader.loanEventsBetween({
      portfolioId: 'p',
      from: '2024-01-01',
      to: '2024-12-31',
      kinds: ['balloon'],
    });
    await reader.listAudit({
      portfolioId: null,
      cursor: JSON.stringify({ scope: 'audit', after: ['a', 'b'] }),
    });
    const [get, list] = statements;
    const totals = statements.find((s) => s.sql.includes('monthly_kind_totals'));
    expect(get?.sql).toMatch(
      /left join "portfolios" as "p" on "p"\."id" = "t"\."portfolio_id" where "t"\."id" = \$1$/,
    );
    expect(list?.sql).toContain('("t"."property_id" in ($1, $2) or "t"."property_id" is null)');
    expect(totals?.sql).toContain('union all');
    expect(totals?.sql).toContain(`to_char("date", 'YYYY-MM')`);
    expect(statements.map((s) => s.sql).join('\n')).not.toContain('?');
  });

  test('writes use savepoints, FOR UPDATE and the rollup upsert', async () => {
    const { db, statements } = capture('postgres');
    const f = createFixtureFactory();
    const property = f.property(f.portfolio());
    const rent = f.transaction(property);
    const unit = new SqlUnitOfWork(db, POSTGRES);
    await unit.insertMany('transaction', [rent, f.transaction(property)]);
    await unit.flush();
    await unit.update('transaction', f.next('transaction', rent), 1).catch(() => undefined);
    const text = statements.map((s) => s.sql);
    expect(text).toContain('savepoint fh_1');
    expect(
      text.some((s) => /^insert into "transactions" .* values \(\$1, .*\), \(\$\d+, /.test(s)),
      'multi-row insert',
    ).toBe(true);
    expect(
      text.some((s) =>
        s.includes(
          'on conflict ("portfolio_id", "month", "property_id", "kind", "category") do update set "total_minor" = "monthly_category_totals"."total_minor" + "excluded"."total_minor"',
        ),
      ),
    ).toBe(true);
    expect(text.some((s) => s.endsWith('for update'))).toBe(true);
  });
});

describe('the core SQL on SQLite', () => {
  test('bulk inserts go through the dialect fast path as one single-row statement', async () => {
    const { db } = capture('sqlite');
    const runs: { sql: string; rows: number }[] = [];
    const sqlite: SqlDialectAdapter = {
      ...POSTGRES,
      name: 'sqlite',
      types: { text: 'text', integer: 'integer', bigint: 'integer', json: 'text' },
      statementErrorAbortsTransaction: false,
      supportsForUpdate: false,
      executeRepeated: (_executor, statement, rows) => {
        runs.push({ sql: statement, rows: rows.length });
      },
    };
    const f = createFixtureFactory();
    const property = f.property(f.portfolio());
    const unit = new SqlUnitOfWork(db, sqlite);
    await unit.insertMany('transaction', [
      f.transaction(property),
      f.transaction(property),
      f.transaction(property),
    ]);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.rows).toBe(3);
    expect(runs[0]?.sql).toMatch(
      /^insert into "transactions" \("id", "version", "data", .*"amount_minor"\) values \(\?(, \?)+\)$/,
    );
  });
});
