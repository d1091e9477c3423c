/**
 * `freehold demo`: a realistic, deterministic demo portfolio in a new database, then its dashboard.
 *
 * The plan is generated (pure), loaded through the services into an in-memory repository, and moved into the
 * target database as one snapshot import — one unit of work, so a failure leaves nothing behind. A SQLite
 * database is written to a temporary file and renamed into place; `--force` replaces an existing file.
 * Records get their ids and timestamps from a clock fixed at the as-of date and ids seeded from `--seed`, so the
 * same seed and as-of date always give the same database.
 * @module
 */
import { renameSync } from 'node:fs';
import {
  createFreehold,
  type FreeholdSession,
  fixedClock,
  seededRandomBytes,
  uuidV7Ids,
} from '@freehold/engine';
import { createMemoryRepository } from '@freehold/engine/memory';
import { CliFailure, UsageError } from '../cli/cli-errors.js';
import { openSession } from '../cli/cli-session.js';
import type { CommandContext, CommandSpec } from '../cli/command-spec.js';
import { dateOption, seedOption, systemToday } from '../cli/option-values.js';
import { dashboardJson, renderDashboard } from '../dashboard/render-dashboard.js';
import type { DemoPlan } from '../demo/demo-plan.js';
import { generateDemoPlan } from '../demo/generate-demo.js';
import { demoCounts, demoLoadSteps, loadDemoPlan } from '../demo/load-demo.js';
import { displayCount } from '../output/display-numbers.js';
import type { Progress } from '../output/progress.js';
import { databaseLabel, removeSqliteFiles, targetExists } from '../storage/open-storage.js';
import type { StorageTarget } from '../storage/storage-target.js';

/** Counts lines as they pass, for the progress bar. */
async function* counted(lines: AsyncIterable<string>, progress: Progress): AsyncGenerator<string> {
  for await (const line of lines) {
    progress.advance();
    yield line;
  }
}

/** Where the demo database is written before it is moved into place (SQLite), or the target itself. */
function stagingTarget(target: StorageTarget): StorageTarget {
  if (target.kind !== 'sqlite') return target;
  const suffix = `.demo-${process.pid}.partial`;
  return { kind: 'sqlite', path: `${target.path}${suffix}`, absolutePath: `${target.absolutePath}${suffix}` };
}

/** Builds the demo in memory and copies it into `target` as one snapshot import. */
async function writeDemo(plan: DemoPlan, target: StorageTarget, progress: Progress): Promise<string> {
  const clock = fixedClock(`${plan.asOf}T12:00:00.000Z`);
  const services = { clock, ids: uuidV7Ids({ clock, random: seededRandomBytes(plan.seed) }) };
  const memory = createMemoryRepository();
  const sdk = createFreehold({ storage: memory, ...services });
  const owner = await sdk.ensureLocalOwner();
  const session: FreeholdSession = sdk.as(owner.id);
  progress.phase('Creating the demo portfolio through the services', demoLoadSteps(plan));
  const portfolio = await loadDemoPlan(session, plan, progress);

  const cli = await openSession(target, 'create', {
    services,
    ownerIfNew: { id: owner.id, name: owner.name },
  });
  let failed = true;
  try {
    if (cli.owner.id !== owner.id || (await cli.session.portfolios.list()).length > 0) {
      throw new CliFailure(
        'DATABASE_NOT_EMPTY',
        `${databaseLabel(target)} already holds Freehold data: give the demo an empty database`,
      );
    }
    // About one line per record and one per audit entry (the exact count does not matter for a progress bar).
    const lines = 2 * demoLoadSteps(plan) + plan.transactions.length + 40;
    progress.phase(`Writing ${databaseLabel(target)}`, lines);
    await cli.session.snapshots.import(counted(session.snapshots.export(portfolio.id), progress));
    failed = false;
    return portfolio.id;
  } finally {
    await cli.storage.close({ failed });
    await memory.close();
  }
}

/** The `demo` command. */
export const demoCommand: CommandSpec = {
  name: 'demo',
  summary: 'create a database with a realistic demo portfolio and print its dashboard',
  argumentsUsage: '',
  description: [
    'Twelve properties with forty units in eleven US cities — single-family homes, condos, townhomes, small',
    'multifamily, retail and mixed use — with five years of history ending on --as-of: leases with renewals,',
    'escalations, turnovers and vacancies; fixed, interest-only, adjustable and balloon loans paid to the cent',
    'from their amortization schedules; rent with late and missed payments; every operating expense category',
    'with its seasonality, capital projects and a few anomalies; valuations, budgets, recurring charges, open',
    'tasks and deals in the pipeline. The same --seed and --as-of always give the same data.',
    'Writes ./freehold.db (or --db PATH, or an empty PostgreSQL database with --database-url); an existing',
    'SQLite file is replaced only with --force.',
  ],
  options: {
    seed: { type: 'string', valueName: 'N', description: 'seed of the generated data (default 1)' },
    'as-of': { type: 'string', valueName: 'DATE', description: 'last day of the history (default today)' },
    force: { type: 'boolean', description: 'replace an existing database file' },
  },
  globals: ['db', 'database-url', 'json'],
  positionals: { min: 0, max: 0 },
  examples: ['freehold demo', 'freehold demo --seed 7 --as-of 2025-12-31 --db demo.db --force'],
  async run(context: CommandContext) {
    const { options, command, progress, style } = context;
    const seed = seedOption(options, 'seed', 1, command);
    const asOf = dateOption(options, 'as-of', command) ?? systemToday();
    const force = options.flag('force');
    const target = context.target();
    if (target.kind === 'postgres' && force) {
      throw new UsageError(
        '--force replaces SQLite files only: give the demo an empty PostgreSQL database',
        command,
      );
    }
    if (target.kind === 'sqlite' && targetExists(target) && !force) {
      throw new CliFailure(
        'DATABASE_EXISTS',
        `${target.path} already exists: pass --force to replace it, or --db PATH for another file`,
        { file: target.path },
      );
    }
    progress.phase('Generating the demo portfolio', 1);
    const plan = generateDemoPlan({ seed, asOf });
    progress.advance();

    const staging = stagingTarget(target);
    if (staging.kind === 'sqlite') removeSqliteFiles(staging.absolutePath);
    try {
      await writeDemo(plan, staging, progress);
      if (staging.kind === 'sqlite' && target.kind === 'sqlite') {
        removeSqliteFiles(target.absolutePath);
        renameSync(staging.absolutePath, target.absolutePath);
      }
    } finally {
      if (staging.kind === 'sqlite') removeSqliteFiles(staging.absolutePath);
    }
    progress.done();

    const cli = await openSession(target, 'existing');
    try {
      const [portfolio] = await cli.session.portfolios.list();
      if (!portfolio) throw new CliFailure('NO_PORTFOLIO', 'the demo portfolio is missing after writing it');
      const dashboard = await cli.session.trailingTwelveMonths({ portfolioId: portfolio.id, asOf });
      const counts = demoCounts(plan);
      if (context.json) {
        context.emitJson({
          database: { kind: target.kind, ...(target.kind === 'sqlite' ? { path: target.path } : {}) },
          seed,
          asOf,
          historyStart: plan.historyStart,
          counts,
          dashboard: dashboardJson(portfolio, dashboard),
        });
        return;
      }
      context.print(
        style.bold(
          `Freehold demo — seed ${seed}, history ${plan.historyStart} to ${asOf}, in ${databaseLabel(target)}`,
        ),
      );
      context.print(
        [
          `${counts.properties} properties`,
          `${counts.units} units`,
          `${counts.leases} leases`,
          `${counts.loans} loans`,
          `${displayCount(counts.transactions)} transactions`,
          `${counts.valuations} valuations`,
          `${counts.budgets} budget lines`,
          `${counts.recurringCharges} recurring charges`,
          `${counts.tasks} tasks`,
          `${counts.deals} deals`,
        ].join(' · '),
      );
      context.print();
      context.print(renderDashboard(portfolio, dashboard, 'trailing 12 months', style));
      context.print();
      const next = target.kind === 'sqlite' && target.path !== './freehold.db' ? ` --db ${target.path}` : '';
      context.print(
        style.dim(
          `Next: freehold dashboard --as-of ${asOf}${next} · freehold tasks --as-of ${asOf}${next} · freehold export${next} > demo.ndjson`,
        ),
      );
    } finally {
      await cli.storage.close();
    }
  },
};
