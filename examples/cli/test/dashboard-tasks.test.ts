/**
 * `dashboard` and `tasks` through the built binary, on a demo database: tables, JSON, periods; and colours and
 * progress bars only when a terminal watches (a pseudo-terminal through `script(1)`, when installed).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREEHOLD_BIN, freehold, parseJsonDocument, temporaryDirectory } from './support/run-freehold.js';

const AS_OF = '2026-03-15';
let dir: ReturnType<typeof temporaryDirectory>;
const run = (...args: string[]) => freehold(args, { cwd: dir.path });

beforeAll(async () => {
  dir = temporaryDirectory();
  expect((await run('demo', '--as-of', AS_OF)).code).toBe(0);
}, 120_000);
afterAll(() => dir.remove());

interface Kpis {
  income: string;
  operatingExpenses: string;
  netOperatingIncome: string;
  debtService: string;
  cashFlow: string;
  capRate: number | null;
  cashOnCash: number | null;
  debtServiceCoverageRatio: number | null;
  physicalOccupancy: number | null;
}

describe('freehold dashboard', () => {
  it('--json: one document with the period, every property and the totals', async () => {
    const result = await run('dashboard', '--as-of', AS_OF, '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const doc = parseJsonDocument(result.stdout) as {
      portfolio: { name: string };
      period: { from: string; to: string; months: number };
      properties: (Kpis & { name: string })[];
      totals: Kpis;
      byMonth: unknown[];
    };
    expect(doc.portfolio.name).toBe('Demo Portfolio');
    expect(doc.period).toEqual({ from: '2025-04-01', to: AS_OF, months: 12 });
    expect(doc.properties).toHaveLength(12);
    expect(doc.byMonth).toHaveLength(12);
    for (const key of [
      'income',
      'operatingExpenses',
      'netOperatingIncome',
      'debtService',
      'cashFlow',
    ] as const) {
      expect(doc.totals[key]).toMatch(/^-?\d+\.\d{2}$/);
    }
    expect(doc.totals.debtServiceCoverageRatio).toBeGreaterThan(1);
    expect(doc.totals.physicalOccupancy).toBeGreaterThan(0.85);
    expect(doc.totals.physicalOccupancy).toBeLessThan(1);
    // the text table shows the same figures
    const text = await run('dashboard', '--as-of', AS_OF);
    const noi = Number(doc.totals.netOperatingIncome)
      .toFixed(2)
      .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(text.stdout).toMatch(new RegExp(`^Net operating income +${noi}$`, 'm'));
  });

  it('--from/--to gives that period', async () => {
    const result = await run('dashboard', '--from', '2024-01-01', '--to', '2024-12-31', '--json');
    const doc = parseJsonDocument(result.stdout) as { period: { months: number }; totals: Kpis };
    expect(doc.period.months).toBe(12);
    const text = await run('dashboard', '--from', '2024-01-01', '--to', '2024-12-31');
    expect(text.stdout).toMatch(/^Demo Portfolio — dashboard: 2024-01-01 to 2024-12-31 \(12 months, USD\)$/m);
  });
});

describe('freehold tasks', () => {
  it('lists open tasks soonest first and marks the overdue one', async () => {
    const result = await run('tasks', '--as-of', AS_OF);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Demo Portfolio — \d+ open tasks as of 2026-03-15$/);
    const rows = lines.slice(3);
    expect(rows[0]).toMatch(
      /^2026-03-09 overdue +medium +open +Olde Towne Fourplex +Replace water heater, unit B$/,
    );
    const dates = rows.map((row) => row.slice(0, 10));
    expect([...dates].sort()).toEqual(dates);
    expect(result.stdout).not.toContain('Burst pipe');
  });

  it('--all --json includes finished tasks, with property names and overdue flags', async () => {
    const result = await run('tasks', '--as-of', AS_OF, '--all', '--json');
    const doc = parseJsonDocument(result.stdout) as {
      tasks: { title: string; status: string; overdue: boolean; propertyName: string | null }[];
    };
    expect(doc.tasks.some((task) => task.status === 'done')).toBe(true);
    expect(doc.tasks.filter((task) => task.overdue).map((task) => task.title)).toEqual([
      'Replace water heater, unit B',
    ]);
    expect(doc.tasks.every((task) => task.propertyName !== null)).toBe(true);
  });
});

function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs the binary on a pseudo-terminal (stdout and stderr both a terminal) and returns what the terminal showed. */
function onTerminal(args: string, env: Record<string, string> = {}): string {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(FREEHOLD_BIN)} ${args}`;
  return execFileSync('script', ['-qec', command, '/dev/null'], {
    cwd: dir.path,
    env: { ...process.env, NO_COLOR: '', ...env, TERM: 'xterm' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe.skipIf(!hasScript())('on a terminal (script(1))', () => {
  it('colours the tables, unless NO_COLOR is set', () => {
    const coloured = onTerminal(`dashboard --as-of ${AS_OF}`);
    expect(coloured).toContain('\u001b[1mPortfolio\u001b[22m');
    const plain = onTerminal(`dashboard --as-of ${AS_OF}`, { NO_COLOR: '1' });
    expect(plain).not.toContain('\u001b[');
    expect(plain.replace(/\r/g, '')).toContain('Net operating income');
  });

  it('never colours --json', () => {
    const json = onTerminal(`dashboard --as-of ${AS_OF} --json`);
    expect(json).not.toContain('\u001b[');
    expect(() => JSON.parse(json)).not.toThrow();
  });

  it('draws a progress bar while the demo is generated and written, then clears it', () => {
    const shown = onTerminal(`demo --as-of ${AS_OF} --db tty.db`);
    expect(shown).toContain('█');
    expect(shown).toContain('\r\u001b[2K');
    expect(shown).toContain('Creating the demo portfolio through the services');
  });
});
