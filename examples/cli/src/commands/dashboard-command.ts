/**
 * `freehold dashboard`: the portfolio's KPIs for a period — the trailing twelve months ending on `--as-of`
 * (default today), or `--from`/`--to` — per property and in total.
 * @module
 */

import { UsageError } from '../cli/cli-errors.js';
import { choosePortfolio, openSession } from '../cli/cli-session.js';
import type { CommandSpec } from '../cli/command-spec.js';
import { dateOption, systemToday } from '../cli/option-values.js';
import { dashboardJson, renderDashboard } from '../dashboard/render-dashboard.js';

/** The `dashboard` command. */
export const dashboardCommand: CommandSpec = {
  name: 'dashboard',
  summary: "the portfolio's KPIs per property and in total (trailing 12 months by default)",
  argumentsUsage: '',
  description: [
    'Income, operating expenses, NOI, debt service, cash flow, cap rate, cash-on-cash return, DSCR and occupancy,',
    'computed by the engine from the stored transactions (aggregated in the database).',
    'The period is the trailing twelve months ending on --as-of (from the first day of the month eleven months',
    'earlier), or --from to --to (both dates included).',
  ],
  options: {
    'as-of': {
      type: 'string',
      valueName: 'DATE',
      description: 'end of the trailing 12 months (default today)',
    },
    from: { type: 'string', valueName: 'DATE', description: 'first day of the period (with --to)' },
    to: { type: 'string', valueName: 'DATE', description: 'last day of the period (with --from)' },
  },
  globals: ['db', 'database-url', 'portfolio', 'json'],
  positionals: { min: 0, max: 0 },
  examples: [
    'freehold dashboard',
    'freehold dashboard --as-of 2025-12-31 --json',
    'freehold dashboard --from 2025-01-01 --to 2025-06-30 --db other.db',
  ],
  async run(context) {
    const { options, command } = context;
    const asOf = dateOption(options, 'as-of', command);
    const from = dateOption(options, 'from', command);
    const to = dateOption(options, 'to', command);
    if ((from === undefined) !== (to === undefined))
      throw new UsageError('--from and --to go together', command);
    if (from !== undefined && asOf !== undefined) {
      throw new UsageError('give either --as-of or --from/--to, not both', command);
    }
    if (from !== undefined && to !== undefined && to < from) {
      throw new UsageError(`--to (${to}) is before --from (${from})`, command);
    }
    const target = context.target();
    const cli = await openSession(target, 'existing');
    try {
      const portfolio = await choosePortfolio(cli, options.string('portfolio'), command);
      const dashboard =
        from !== undefined && to !== undefined
          ? await cli.session.dashboard({ portfolioId: portfolio.id, from, to })
          : await cli.session.trailingTwelveMonths({
              portfolioId: portfolio.id,
              asOf: asOf ?? systemToday(),
            });
      if (context.json) {
        context.emitJson(dashboardJson(portfolio, dashboard));
      } else {
        const label = from !== undefined ? 'dashboard' : 'trailing 12 months';
        context.print(renderDashboard(portfolio, dashboard, label, context.style));
      }
    } finally {
      await cli.storage.close();
    }
  },
};
