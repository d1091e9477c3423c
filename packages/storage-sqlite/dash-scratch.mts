import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createSqliteRepository } from '@freehold/storage-sqlite';
const file = '/work/scratch-sqlite/s/dash.db';
const P = 1000, M = 120;
const cats = [['rent','income'],['late_fees','income'],['other_income','income'],['repairs','operating_expense'],['utilities','operating_expense'],['insurance','operating_expense'],['taxes','operating_expense'],['management_fees','operating_expense'],['mortgage_interest','debt_service_interest'],['mortgage_principal','debt_service_principal'],['capital_improvements','capital_expenditure']];
if (!existsSync(file)) {
  await (await createSqliteRepository({ filename: file })).close();
  const db = new Database(file);
  const ins = db.prepare('insert into monthly_category_totals values (?,?,?,?,?,?,?)');
  const insk = db.prepare('insert into monthly_kind_totals values (?,?,?,?,?,?) on conflict do update set total_minor = total_minor + excluded.total_minor, tx_count = tx_count + excluded.tx_count');
  db.prepare('begin').run();
  for (let m = 0; m < M; m++) { const month = `${2015 + Math.floor(m / 12)}-${String(m % 12 + 1).padStart(2, '0')}`;
    for (let p = 0; p < P; p++) { const pid = `0194c000-0000-7000-8000-${String(p).padStart(12, '0')}`;
      for (const [c, k] of cats) { const t = Math.round(Math.random() * 1e7) - 3e6; ins.run('pf', month, pid, k, c, t, 7); insk.run('pf', month, pid, k, t, 7); } } }
  db.prepare('commit').run(); db.close();
}
const med = async (f: () => unknown) => { const ts: number[] = []; for (let i = 0; i < 9; i++) { const t = performance.now(); await f(); ts.push(performance.now() - t); } ts.sort((a, b) => a - b); return `${ts[4]!.toFixed(0)} (min ${ts[0]!.toFixed(0)})`; };
const raw = new Database(file, { readonly: true }); raw.defaultSafeIntegers(true);
const w = `from monthly_category_totals where portfolio_id = 'pf' and month >= '2024-01' and month <= '2024-12'`;
const a = raw.prepare(`select property_id, month, kind, category, total_minor, tx_count ${w}`);
const b = raw.prepare(`select property_id, month, kind, category, cast(total_minor as text) as total_minor, cast(tx_count as double precision) as tx_count ${w}`);
console.log('raw bigint', await med(() => a.all()));
console.log('raw text/double', await med(() => b.all()));
const repo = await createSqliteRepository({ filename: file });
console.log('repo category 12m', await med(() => repo.monthlyTotals({ portfolioId: 'pf', from: '2024-01-01', to: '2024-12-31' })));
console.log('repo kind 12m', await med(() => repo.monthlyTotals({ portfolioId: 'pf', from: '2024-01-01', to: '2024-12-31', granularity: 'kind' })));
await repo.close();
