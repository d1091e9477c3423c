import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-errors.js';
import { findCommand, GLOBAL_OPTIONS, parseOptions } from './command-line.js';

const specs = { ...GLOBAL_OPTIONS, seed: { type: 'string', description: 'seed' } } as const;

describe('findCommand', () => {
  it('skips global options and their values', () => {
    expect(findCommand(['--db', 'x.db', 'dashboard', '--json'])).toEqual({
      command: 'dashboard',
      rest: ['--db', 'x.db', '--json'],
    });
    expect(findCommand(['--db=x.db', 'export'])).toEqual({ command: 'export', rest: ['--db=x.db'] });
    expect(findCommand(['--json'])).toEqual({ command: undefined, rest: ['--json'] });
  });
});

describe('parseOptions', () => {
  it('reads strings, flags and positionals', () => {
    const { options, positionals } = parseOptions(
      ['file.ndjson', '--db', 'a.db', '--json', '--seed=7'],
      specs,
      'x',
    );
    expect(positionals).toEqual(['file.ndjson']);
    expect(options.string('db')).toBe('a.db');
    expect(options.string('seed')).toBe('7');
    expect(options.flag('json')).toBe(true);
    expect(options.flag('help')).toBe(false);
  });

  it('rejects unknown, repeated, valueless and misplaced options with usage errors', () => {
    const bad = (args: string[]) => () => parseOptions(args, specs, 'x');
    expect(bad(['--nope'])).toThrow(UsageError);
    expect(bad(['--nope'])).toThrow('unknown option --nope for x');
    expect(bad(['--db'])).toThrow('option --db needs a value (PATH)');
    expect(bad(['--db', '--json'])).toThrow('option --db needs a value');
    expect(bad(['--json=yes'])).toThrow('option --json takes no value');
    expect(bad(['--db', 'a', '--db', 'b'])).toThrow('option --db is given twice');
  });

  it('takes arguments after -- as positionals', () => {
    expect(parseOptions(['--', '--weird-name'], specs, 'x').positionals).toEqual(['--weird-name']);
  });
});
