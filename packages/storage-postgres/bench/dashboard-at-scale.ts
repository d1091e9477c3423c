/**
 * Dashboard latency at full scale without importing millions of rows: fills the monthly rollup tables of a fresh
 * schema directly (N properties × 120 months × 11 categories, as 10M transactions would leave them), then times
 * `monthlyTotals` through the repository for the trailing 12 months (by category and by kind) and the whole
 * history by kind, next to fetching the same rows with plain `pg`.
 *
 *   node scripts/with-postgres.mjs -- node --import tsx packages/storage-postgres/bench/dashboard-at-scale.ts [properties]
 * @module
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createPostgresRepository } from '../src/index.js';

const CATEGORIES: readonly (readonly [string, string])[] = [
  ['rent', 'income'],
  ['late_fees', 'income'],
  ['other_income', 'income'],
  ['repairs', 'operating_expense'],
  ['utilities', 'operating_expense'],
  ['insurance', 'operating_expense'],
  ['taxes', 'operating_expense'],
  ['management_fees', 'operating_expense'],
  ['mortgage_interest', 'debt_service_interest'],
  ['mortgage_principal', 'debt_service_principal'],
  ['capital_improvements', 'capital_expenditure'],
];

async function time(label: string, query: () => Promise<number>, runs = 5): Promise<void> {
  await query();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    rows = await query();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  process.stdout.write(
    `${label.padEnd(44)} ${String(rows).padStart(8)} rows  median ${median.toFixed(1)} ms  min ${(times[0] ?? 0).toFixed(1)} ms\n`,
  );
}

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run through scripts/with-postgres.mjs');
const properties = Number(process.argv[2] ?? 1000);
const schema = `freehold_dash_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const repo = await createPostgresRepository({ connectionString: url, schema });
try {
  const started = performance.now();
  await admin.query(
    `insert into "${schema}".portfolios (id, version, data, currency) values ('pf', 1, '{}', 'USD')`,
  );
  await admin.query(
    `insert into "${schema}".monthly_category_totals (portfolio_id, month, property_id, kind, category, total_minor, tx_count)
     select 'pf', to_char(date '2015-01-01' + make_interval(months => m), 'YYYY-MM'), lpad(p::text, 36, '0'),
            c.kind, c.category, (p * 7 + m) * 100, 9
     from generate_series(0, $1::int - 1) p, generate_series(0, 119) m,
          unnest($2::text[], $3::text[]) as c(category, kind)`,
    [properties, CATEGORIES.map((c) => c[0]), CATEGORIES.map((c) => c[1])],
  );
  await admin.query(
    `insert into "${schema}".monthly_kind_totals (portfolio_id, month, property_id, kind, total_minor, tx_count)
     select portfolio_id, month, property_id, kind, sum(total_minor), sum(tx_count)
     from "${schema}".monthly_category_totals group by 1, 2, 3, 4`,
  );
  await admin.query(`analyze "${schema}".monthly_category_totals; analyze "${schema}".monthly_kind_totals`);
  process.stdout.write(
    `rollups for ${properties} properties × 120 months filled in ${Math.round(performance.now() - started)} ms\n`,
  );
  const trailing = { portfolioId: 'pf', from: '2024-01-01', to: '2024-12-31' };
  await time(
    'repository: trailing 12 months by category',
    async () => (await repo.monthlyTotals(trailing)).length,
  );
  await time(
    'repository: trailing 12 months by kind',
    async () => (await repo.monthlyTotals({ ...trailing, granularity: 'kind' })).length,
  );
  await time(
    'repository: whole history by kind',
    async () => (await repo.monthlyTotals({ ...trailing, from: '2015-01-01', granularity: 'kind' })).length,
  );
  await time('plain pg: trailing 12 months by category rows', async () => {
    const { rows } = await admin.query(
      `select property_id, month, kind, category, total_minor, tx_count from "${schema}".monthly_category_totals
       where portfolio_id = 'pf' and month between '2024-01' and '2024-12' order by property_id, month, kind, category`,
    );
    return rows.length;
  });
  await time('plain pg: trailing 12 months, portfolio level', async () => {
    const { rows } = await admin.query(
      `select month, kind, category, sum(total_minor) as total, sum(tx_count) as count
       from "${schema}".monthly_category_totals
       where portfolio_id = 'pf' and month between '2024-01' and '2024-12' group by 1, 2, 3 order by 1, 2, 3`,
    );
    return rows.length;
  });
} finally {
  await repo.close();
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
}
