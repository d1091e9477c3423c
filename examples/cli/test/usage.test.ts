/**
 * Wrong usage exits 2 with one line naming the problem; help exits 0. Runs the built binary.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREEHOLD_BIN, freehold, parseJsonDocument, temporaryDirectory } from './support/run-freehold.js';

let dir: ReturnType<typeof temporaryDirectory>;
beforeAll(() => {
  dir = temporaryDirectory();
});
afterAll(() => dir.remove());

const run = (...args: string[]) => freehold(args, { cwd: dir.path });

describe('help', () => {
  it('lists the commands and the exit codes', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    for (const command of ['demo', 'init', 'import', 'export', 'dashboard', 'tasks']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(result.stdout).toContain('Exit codes: 0 success, 1 failure, 2 wrong usage');
    expect(result.stderr).toBe('');
  });

  it('has no commands for engines that do not exist yet', async () => {
    const result = await run('--help');
    for (const command of ['alerts', 'deals', 'analyze-deal', 'scenario', 'report']) {
      expect(result.stdout).not.toMatch(new RegExp(`^  ${command} `, 'm'));
      const attempt = await run(command);
      expect(attempt.code).toBe(2);
    }
  });

  it.each(['demo', 'init', 'import', 'export', 'dashboard', 'tasks'])(
    '%s --help shows its usage',
    async (command) => {
      const result = await run(command, '--help');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: freehold ${command}`);
      expect(result.stdout).toContain('-h, --help');
      const viaHelp = await run('help', command);
      expect(viaHelp.stdout).toBe(result.stdout);
    },
  );

  it('does not create a database when only asked for help', async () => {
    await run('dashboard', '--help');
    await run('demo', '-h');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir.path)).toEqual([]);
  });
});

describe('the executable', () => {
  it('starts with a shebang, is executable, and runs without naming node', async () => {
    expect(readFileSync(FREEHOLD_BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(FREEHOLD_BIN).mode & 0o111).not.toBe(0);
    const help = execFileSync(FREEHOLD_BIN, ['--help'], { cwd: dir.path, encoding: 'utf8' });
    expect(help).toContain('Usage: freehold <command> [options]');
  });
});

describe('wrong usage exits 2 with one line on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /^freehold: missing command \(see freehold --help\)\n$/],
    ['an unknown command', ['frobnicate'], /^freehold: unknown command "frobnicate"/],
    [
      'an unknown option',
      ['dashboard', '--bogus'],
      /^freehold dashboard: unknown option --bogus for dashboard/,
    ],
    ['an option without its value', ['dashboard', '--db'], /option --db needs a value \(PATH\)/],
    ['a flag with a value', ['dashboard', '--json=yes'], /option --json takes no value/],
    [
      'a malformed date',
      ['dashboard', '--as-of', '2025-02-30'],
      /--as-of must be a calendar date YYYY-MM-DD, not "2025-02-30"/,
    ],
    ['--from without --to', ['dashboard', '--from', '2025-01-01'], /--from and --to go together/],
    [
      '--to before --from',
      ['dashboard', '--from', '2025-02-01', '--to', '2025-01-01'],
      /--to \(2025-01-01\) is before --from/,
    ],
    [
      '--as-of with --from/--to',
      ['dashboard', '--as-of', '2025-01-01', '--from', '2025-01-01', '--to', '2025-02-01'],
      /either --as-of or --from\/--to/,
    ],
    [
      'two databases',
      ['dashboard', '--db', 'a.db', '--database-url', 'postgres://x@localhost/y'],
      /--db and --database-url name two databases/,
    ],
    [
      'a non-PostgreSQL URL',
      ['dashboard', '--database-url', 'mysql://x'],
      /--database-url must start with postgres:\/\//,
    ],
    ['a missing FILE', ['import'], /^freehold import: missing FILE/],
    ['an extra argument', ['dashboard', 'extra'], /unexpected argument "extra"/],
    ['a bad seed', ['demo', '--seed', '-3'], /--seed needs a value|--seed must be an integer/],
    ['a bad currency', ['init', '--currency', 'usd'], /--currency must be a three-letter ISO-4217 code/],
    [
      '--portfolio where it does not apply',
      ['demo', '--portfolio', 'x'],
      /unknown option --portfolio for demo/,
    ],
    ['export --json without --out', ['export', '--json'], /--json needs --out FILE/],
  ];
  it.each(cases)('%s', async (_label, args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('with --json still prints exactly one JSON document: the error', async () => {
    const result = await run('dashboard', '--json', '--as-of', 'yesterday');
    expect(result.code).toBe(2);
    expect(parseJsonDocument(result.stdout)).toEqual({
      error: { code: 'USAGE', message: '--as-of must be a calendar date YYYY-MM-DD, not "yesterday"' },
    });
  });
});
