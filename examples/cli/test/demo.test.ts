/**
 * `freehold demo` through the built binary: the tables it prints, its JSON, what the database holds, refusal
 * to overwrite, and determinism (same seed and as-of date → the same export).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, amortize, Decimal, defaultCategory } from '@freehold/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fileHash,
  freehold,
  parseJsonDocument,
  type RunResult,
  temporaryDirectory,
} from './support/run-freehold.js';
import { type ParsedSnapshot, parseSnapshot, withoutExportedAt } from './support/snapshot-facts.js';

const AS_OF = '2026-03-15';
const PROPERTY_NAMES = [
  'Barton Hills House',
  'Clintonville Bungalow',
  'Five Points Cottage',
  'Brickell Bay Condo 1804',
  'LoHi Loft 3B',
  'Germantown Townhome',
  'South End Townhome',
  'Olde Towne Fourplex',
  'Fountain Square Eight',
  'Westport Commons',
  'Camelback Retail Center',
  'Lawrenceville Corner',
];

let dir: ReturnType<typeof temporaryDirectory>;
let demo: RunResult;
let exported: string;
let snapshot: ParsedSnapshot;

beforeAll(async () => {
  dir = temporaryDirectory();
  demo = await freehold(['demo', '--as-of', AS_OF], { cwd: dir.path });
  const out = await freehold(['export'], { cwd: dir.path });
  expect(out.code).toBe(0);
  exported = out.stdout;
  snapshot = parseSnapshot(exported);
}, 120_000);
afterAll(() => dir.remove());

describe('freehold demo', () => {
  it('creates ./freehold.db and prints the dashboard as tables, nothing on stderr in a pipe', () => {
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(existsSync(join(dir.path, 'freehold.db'))).toBe(true);
    expect(readdirSync(dir.path).filter((name) => name.includes('partial'))).toEqual([]);
    const out = demo.stdout;
    expect(out).toContain(`Freehold demo — seed 1, history 2021-03-01 to ${AS_OF}, in SQLite ./freehold.db`);
    expect(out).toContain('12 properties · 40 units');
    expect(out).toContain(`Demo Portfolio — trailing 12 months: 2025-04-01 to ${AS_OF} (12 months, USD)`);
    for (const label of [
      'Income',
      'Operating expenses',
      'Net operating income',
      'Debt service',
      'Cash flow',
      'Cap rate (current value)',
      'Cash-on-cash return',
      'DSCR',
      'Physical occupancy',
    ]) {
      expect(out).toMatch(new RegExp(`^${label.replace(/[()]/g, '\\$&')} +\\S`, 'm'));
    }
    for (const name of PROPERTY_NAMES) expect(out).toMatch(new RegExp(`^${name} +[\\d,-]+ `, 'm'));
    expect(out).toMatch(/^Portfolio +\d{1,3}(,\d{3})+ /m);
    expect(out).toMatch(/^Income +\d{1,3}(,\d{3})+\.\d{2}$/m);
    expect(out).not.toContain('\u001b[');
  });

  it('aligns the property table: money right-aligned in fixed columns', () => {
    const lines = demo.stdout.split('\n');
    const header = lines.findIndex((line) => line.startsWith('Property '));
    const rows = lines.slice(header + 2, header + 2 + PROPERTY_NAMES.length);
    const incomeEnd = (lines[header] ?? '').indexOf('Income') + 'Income'.length;
    for (const row of rows) expect(row[incomeEnd - 1]).toMatch(/\d/);
    expect(new Set(rows.map((row) => row.length)).size).toBeLessThanOrEqual(2);
  });

  it('refuses an existing database unless --force, leaving it untouched', async () => {
    const path = join(dir.path, 'freehold.db');
    const before = fileHash(path);
    const refused = await freehold(['demo', '--as-of', AS_OF, '--seed', '2'], { cwd: dir.path });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'freehold demo: ./freehold.db already exists: pass --force to replace it, or --db PATH for another file\n',
    );
    expect(fileHash(path)).toBe(before);
  });

  it('--json prints one document with the counts and the dashboard', async () => {
    const other = temporaryDirectory();
    try {
      const result = await freehold(['demo', '--as-of', AS_OF, '--json', '--db', 'demo.db'], {
        cwd: other.path,
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const doc = parseJsonDocument(result.stdout) as {
        counts: Record<string, number>;
        dashboard: { properties: { income: string }[]; totals: { income: string; capRate: number } };
        asOf: string;
        seed: number;
      };
      expect(doc.seed).toBe(1);
      expect(doc.asOf).toBe(AS_OF);
      expect(doc.counts.properties).toBe(12);
      expect(doc.counts.units).toBe(40);
      expect(doc.dashboard.properties).toHaveLength(12);
      const sum = doc.dashboard.properties.reduce((total, line) => total.plus(line.income), new Decimal(0));
      expect(sum.toFixed(2)).toBe(doc.dashboard.totals.income);
      expect(doc.dashboard.totals.capRate).toBeGreaterThan(0.02);
    } finally {
      other.remove();
    }
  });

  it('is deterministic: the same seed and as-of date give the same export; another seed does not', async () => {
    const other = temporaryDirectory();
    try {
      expect((await freehold(['demo', '--as-of', AS_OF, '--db', 'a.db'], { cwd: other.path })).code).toBe(0);
      expect(
        (await freehold(['demo', '--as-of', AS_OF, '--db', 'b.db', '--seed', '2'], { cwd: other.path })).code,
      ).toBe(0);
      const again = await freehold(['export', '--db', 'a.db'], { cwd: other.path });
      const seeded = await freehold(['export', '--db', 'b.db'], { cwd: other.path });
      expect(withoutExportedAt(again.stdout)).toEqual(withoutExportedAt(exported));
      expect(withoutExportedAt(seeded.stdout)).not.toEqual(withoutExportedAt(exported));
      const forced = await freehold(['demo', '--as-of', AS_OF, '--db', 'b.db', '--force'], {
        cwd: other.path,
      });
      expect(forced.code).toBe(0);
      const replaced = await freehold(['export', '--db', 'b.db'], { cwd: other.path });
      expect(withoutExportedAt(replaced.stdout)).toEqual(withoutExportedAt(exported));
    } finally {
      other.remove();
    }
  });
});

describe('the demo portfolio', () => {
  it('has twelve properties of every type in several cities, and forty units', () => {
    const properties = snapshot.of('property');
    expect(properties.map((p) => p.name).sort()).toEqual([...PROPERTY_NAMES].sort());
    expect(new Set(properties.map((p) => p.propertyType))).toEqual(
      new Set(['single_family', 'multifamily', 'condo', 'townhouse', 'commercial', 'mixed_use']),
    );
    expect(new Set(properties.map((p) => (p.address as { city: string }).city)).size).toBeGreaterThanOrEqual(
      8,
    );
    expect(snapshot.of('unit')).toHaveLength(40);
  });

  it('has lease history: renewals, ended leases, escalations, vacancies, month-to-month, one ending within 90 days', () => {
    const leases = snapshot.of('lease');
    const units = snapshot.of('unit');
    expect(leases.filter((l) => l.previousLeaseId !== null).length).toBeGreaterThan(20);
    expect(leases.filter((l) => l.status === 'ended').length).toBeGreaterThan(40);
    const kinds = new Set(leases.flatMap((l) => (l.escalations as { kind: string }[]).map((e) => e.kind)));
    expect(kinds).toEqual(new Set(['percent', 'fixed_amount']));
    const active = leases.filter((l) => l.status === 'active');
    expect(active.some((l) => typeof l.endDate === 'string' && l.endDate <= addDays(AS_OF, 90))).toBe(true);
    expect(active.some((l) => l.endDate === null)).toBe(true);
    expect(units.filter((u) => u.status === 'vacant').length).toBeGreaterThanOrEqual(2);
    const leased = new Set(active.map((l) => l.unitId));
    for (const unit of units) expect(leased.has(unit.id)).toBe(unit.status !== 'vacant');
  });

  it('has a loan of each kind, each with a lender, paid exactly as amortize() schedules it', () => {
    const loans = snapshot.of('loan');
    const contacts = new Map(snapshot.of('contact').map((c) => [c.id, c]));
    expect(new Set(loans.map((l) => l.kind))).toEqual(
      new Set(['fixed', 'interest_only', 'adjustable', 'balloon']),
    );
    const transactions = snapshot.of('transaction');
    for (const loan of loans) {
      expect(contacts.get(loan.lenderContactId)?.kind).toBe('lender');
      const schedule = amortize({
        principal: loan.originalAmount as string,
        annualRate: loan.annualRate as number,
        termMonths: (loan.amortizationMonths ?? loan.termMonths) as number,
        startDate: loan.startDate as string,
        interestOnlyMonths: loan.interestOnlyMonths as number,
        balloonMonth: loan.balloonMonth as number | null,
        rateResets: loan.rateResets as { period: number; annualRate: number }[],
        interestBasis: loan.interestBasis as '30/360',
      }).schedule.filter((row) => row.date !== undefined && row.date >= '2021-03-01' && row.date <= AS_OF);
      const paid = (category: string) =>
        transactions
          .filter((t) => t.loanId === loan.id && t.category === category)
          .map((t) => [t.date, t.amount]);
      const expected = (amount: (row: (typeof schedule)[number]) => string) =>
        schedule.filter((row) => amount(row) !== '0.00').map((row) => [row.date, `-${amount(row)}`]);
      expect(paid('mortgage_interest')).toEqual(expected((row) => row.interest));
      expect(paid('mortgage_principal')).toEqual(expected((row) => row.principal));
      if (loan.kind === 'interest_only') expect(paid('mortgage_principal')).toEqual([]);
    }
  });

  it('has five years of categorised transactions ending on as-of, every operating expense category, late fees', () => {
    const transactions = snapshot.of('transaction');
    const dates = transactions.map((t) => t.date as string).sort();
    expect(dates[0]?.slice(0, 7)).toBe('2021-03');
    const last = dates[dates.length - 1] ?? '';
    expect(last <= AS_OF && last >= addDays(AS_OF, -5)).toBe(true);
    const categories = new Set(transactions.map((t) => t.category as string));
    const expenseCategories = snapshot
      .of('category')
      .filter((c) => c.kind === 'operating_expense')
      .map((c) => c.key as string);
    for (const key of expenseCategories) expect(categories.has(key), key).toBe(true);
    for (const key of [
      'rent',
      'late_fees',
      'other_income',
      'capital_improvements',
      'security_deposit',
      'owner_distribution',
    ]) {
      expect(categories.has(key), key).toBe(true);
    }
    for (const t of transactions) expect(t.kind).toBe(defaultCategory(t.category as string)?.kind);
  });

  it('has valuations, budgets, recurring charges with renewals, open tasks and a pipeline of deals', () => {
    expect(snapshot.of('valuation').length).toBeGreaterThanOrEqual(12 * 4);
    expect(snapshot.of('budget').length).toBeGreaterThan(100);
    const charges = snapshot.of('recurringCharge');
    expect(new Set(charges.map((c) => c.renewalKind))).toEqual(
      new Set([null, 'insurance', 'tax', 'licence']),
    );
    const tasks = snapshot.of('task');
    expect(
      tasks.filter((t) => t.status === 'open' || t.status === 'in_progress').length,
    ).toBeGreaterThanOrEqual(8);
    const deals = snapshot.of('deal');
    expect(new Set(deals.map((d) => d.stage)).size).toBeGreaterThanOrEqual(4);
    for (const deal of deals) {
      const history = deal.stageHistory as { stage: string }[];
      expect(history[history.length - 1]?.stage).toBe(deal.stage);
    }
  });

  it('was written through the services: every record audited, the transactions as one import', () => {
    const audit = snapshot.of('auditEntry');
    const imports = audit.filter((entry) => entry.action === 'import');
    expect(imports.map((entry) => entry.entityType).sort()).toEqual(['portfolio', 'transaction']);
    const created = new Set(audit.filter((e) => e.action === 'create').map((e) => e.entityId));
    for (const type of ['property', 'unit', 'lease', 'loan', 'task', 'deal']) {
      for (const record of snapshot.of(type))
        expect(created.has(record.id), `${type} ${String(record.id)}`).toBe(true);
    }
  });

  it('prints figures the data add up to: income = the period’s income transactions', async () => {
    const result = await freehold(['dashboard', '--as-of', AS_OF, '--json'], { cwd: dir.path });
    const doc = parseJsonDocument(result.stdout) as { totals: { income: string; debtService: string } };
    const inPeriod = snapshot
      .of('transaction')
      .filter((t) => (t.date as string) >= '2025-04-01' && (t.date as string) <= AS_OF);
    const sum = (kinds: string[]) =>
      inPeriod
        .filter((t) => kinds.includes(t.kind as string))
        .reduce((total, t) => total.plus(t.amount as string), new Decimal(0));
    expect(sum(['income']).toFixed(2)).toBe(doc.totals.income);
    expect(sum(['debt_service_interest', 'debt_service_principal']).negated().toFixed(2)).toBe(
      doc.totals.debtService,
    );
  });
});
