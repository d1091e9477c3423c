/**
 * `freehold tasks`: the portfolio's open tasks, soonest due first, overdue ones marked.
 * @module
 */
import type { Task } from '@freehold/engine';
import { choosePortfolio, openSession } from '../cli/cli-session.js';
import type { CommandSpec } from '../cli/command-spec.js';
import { dateOption, systemToday } from '../cli/option-values.js';
import { renderTable } from '../output/table.js';

const PRIORITY_ORDER: Readonly<Record<Task['priority'], number>> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

/** Open tasks first by due date (undated last), then priority, then title. */
function compareTasks(a: Task, b: Task): number {
  const due = (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31');
  if (due !== 0) return due;
  const priority = PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority];
  return priority !== 0 ? priority : a.title.localeCompare(b.title, 'en');
}

/** The `tasks` command. */
export const tasksCommand: CommandSpec = {
  name: 'tasks',
  summary: 'list open tasks, soonest due first (overdue ones marked)',
  argumentsUsage: '',
  description: ['Open and in-progress tasks of the portfolio; --all includes done and cancelled ones.'],
  options: {
    all: { type: 'boolean', description: 'include done and cancelled tasks' },
    'as-of': {
      type: 'string',
      valueName: 'DATE',
      description: 'the date overdue is judged against (default today)',
    },
  },
  globals: ['db', 'database-url', 'portfolio', 'json'],
  positionals: { min: 0, max: 0 },
  examples: ['freehold tasks', 'freehold tasks --all --json'],
  async run(context) {
    const { options, command, style } = context;
    const asOf = dateOption(options, 'as-of', command) ?? systemToday();
    const cli = await openSession(context.target(), 'existing');
    try {
      const portfolio = await choosePortfolio(cli, options.string('portfolio'), command);
      const tasks: Task[] = [];
      let cursor: string | null = null;
      do {
        const page = await cli.session.tasks.list(portfolio.id, { limit: 1000, cursor });
        tasks.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      const shown = tasks
        .filter((task) => options.flag('all') || task.status === 'open' || task.status === 'in_progress')
        .sort(compareTasks);
      const names = new Map<string, string>();
      for (const id of new Set(
        shown.map((task) => task.propertyId).filter((id): id is string => id !== null),
      )) {
        names.set(id, (await cli.session.properties.get(id)).name);
      }
      const overdue = (task: Task) =>
        task.dueDate !== null &&
        task.dueDate < asOf &&
        (task.status === 'open' || task.status === 'in_progress');
      if (context.json) {
        context.emitJson({
          portfolio: { id: portfolio.id, name: portfolio.name },
          asOf,
          tasks: shown.map((task) => ({
            ...task,
            propertyName: task.propertyId === null ? null : (names.get(task.propertyId) ?? null),
            overdue: overdue(task),
          })),
        });
        return;
      }
      if (shown.length === 0) {
        context.print(`${portfolio.name}: no ${options.flag('all') ? '' : 'open '}tasks`);
        return;
      }
      context.print(
        renderTable(
          {
            title: `${portfolio.name} — ${shown.length} ${options.flag('all') ? '' : 'open '}task${shown.length === 1 ? '' : 's'} as of ${asOf}`,
            columns: [
              { header: 'Due' },
              { header: 'Priority' },
              { header: 'Status' },
              { header: 'Property' },
              { header: 'Task' },
            ],
            rows: shown.map((task) => [
              overdue(task) ? style.red(`${task.dueDate} overdue`) : (task.dueDate ?? '—'),
              task.priority === 'critical' || task.priority === 'high'
                ? style.bold(task.priority)
                : task.priority,
              task.status.replace('_', ' '),
              task.propertyId === null ? '—' : (names.get(task.propertyId) ?? task.propertyId),
              task.title,
            ]),
          },
          style,
        ),
      );
    } finally {
      await cli.storage.close();
    }
  },
};
