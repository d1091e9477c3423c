/**
 * `freehold init`: creates the database when missing and a portfolio in it, owned by the local user.
 * @module
 */
import { UsageError } from '../cli/cli-errors.js';
import { openSession } from '../cli/cli-session.js';
import type { CommandSpec } from '../cli/command-spec.js';
import { databaseLabel } from '../storage/open-storage.js';

/** The `init` command. */
export const initCommand: CommandSpec = {
  name: 'init',
  summary: 'create the database (when missing) and an empty portfolio in it',
  argumentsUsage: '',
  description: [
    'Creates ./freehold.db (or the --db file, or the schema in the --database-url database) when it does not',
    'exist yet, and a new portfolio owned by the local user. Run it again to add another portfolio; commands',
    'then need --portfolio ID to pick one.',
  ],
  options: {
    name: { type: 'string', valueName: 'NAME', description: 'portfolio name (default "My Portfolio")' },
    currency: {
      type: 'string',
      valueName: 'CODE',
      description: 'ISO-4217 currency of every amount (default USD)',
    },
  },
  globals: ['db', 'database-url', 'json'],
  positionals: { min: 0, max: 0 },
  examples: ['freehold init --name "Rentals" --currency USD', 'freehold init --db rentals.db --json'],
  async run(context) {
    const { options, command } = context;
    const name = (options.string('name') ?? 'My Portfolio').trim();
    const currency = options.string('currency') ?? 'USD';
    if (name === '') throw new UsageError('--name must not be empty', command);
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw new UsageError(
        `--currency must be a three-letter ISO-4217 code such as USD, not "${currency}"`,
        command,
      );
    }
    const target = context.target();
    const cli = await openSession(target, 'create');
    let failed = true;
    try {
      const portfolio = await cli.session.portfolios.create({ name, currency });
      failed = false;
      if (context.json) {
        context.emitJson({
          database: { kind: target.kind, created: cli.storage.created },
          portfolio: { id: portfolio.id, name: portfolio.name, currency: portfolio.currency },
        });
      } else {
        const created = cli.storage.created ? 'Created the database and' : 'Added';
        context.print(
          `${created} portfolio "${portfolio.name}" (${portfolio.currency}) in ${databaseLabel(target)}`,
        );
        context.print(context.style.dim(`portfolio id ${portfolio.id}`));
      }
    } finally {
      await cli.storage.close({ failed });
    }
  },
};
