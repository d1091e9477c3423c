/**
 * Command-line parsing on `node:util`'s `parseArgs`: finds the command among global options, then checks every
 * option against what that command accepts. Anything wrong is a {@link UsageError} (exit 2).
 * @module
 */
import { parseArgs } from 'node:util';
import { UsageError } from './cli-errors.js';

/** One option a command accepts. */
export interface OptionSpec {
  /** `string` takes a value (`--db PATH`), `boolean` is a flag (`--json`). */
  readonly type: 'string' | 'boolean';
  /** One-letter alias (`h` for `--help`). */
  readonly short?: string;
  /** Placeholder for the value in help (`PATH`). */
  readonly valueName?: string;
  /** One line of help. */
  readonly description: string;
}

/** The options shared by commands, keyed by long name. */
export const GLOBAL_OPTIONS = {
  db: {
    type: 'string',
    valueName: 'PATH',
    description: 'SQLite database file (default ./freehold.db)',
  },
  'database-url': {
    type: 'string',
    valueName: 'URL',
    description: 'PostgreSQL connection string (postgres://user@host:port/db) instead of SQLite',
  },
  portfolio: {
    type: 'string',
    valueName: 'ID',
    description: 'the portfolio to use when the database holds several',
  },
  json: { type: 'boolean', description: 'print exactly one JSON document on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
} as const satisfies Record<string, OptionSpec>;

/** Name of a global option. */
export type GlobalOptionName = keyof typeof GLOBAL_OPTIONS;

/** Parsed options: string values and flags, by long name. */
export class ParsedOptions {
  readonly #strings = new Map<string, string>();
  readonly #flags = new Set<string>();

  /** Records a string option's value. */
  setString(name: string, value: string): void {
    this.#strings.set(name, value);
  }

  /** Records a flag. */
  setFlag(name: string): void {
    this.#flags.add(name);
  }

  /** The value of string option `name`, or undefined when absent. */
  string(name: string): string | undefined {
    return this.#strings.get(name);
  }

  /** Whether flag `name` was given. */
  flag(name: string): boolean {
    return this.#flags.has(name);
  }

  /** Whether option `name` (of either type) was given. */
  has(name: string): boolean {
    return this.#strings.has(name) || this.#flags.has(name);
  }
}

/** A command line split into its command, positionals and options. */
export interface CommandLine {
  /** The command name, or undefined when none was given. */
  readonly command: string | undefined;
  /** Arguments other than options and the command. */
  readonly positionals: readonly string[];
  /** Options, checked against the command's specification. */
  readonly options: ParsedOptions;
}

const VALUE_OPTIONS = new Set(
  Object.entries(GLOBAL_OPTIONS)
    .filter(([, spec]) => spec.type === 'string')
    .map(([name]) => `--${name}`),
);

/** Finds the command: the first argument that is neither an option nor the value of a global option. */
export function findCommand(argv: readonly string[]): { command: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    return { command: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { command: undefined, rest: [...argv] };
}

/**
 * Parses `args` (the command line without the command) against `specs`. Unknown options, missing values,
 * values given to flags and repeated options are usage errors naming the option.
 */
export function parseOptions(
  args: readonly string[],
  specs: Readonly<Record<string, OptionSpec>>,
  command: string | undefined,
): { positionals: string[]; options: ParsedOptions } {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    config[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  const { tokens } = parseArgs({
    args: [...args],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const where = command ? ` for ${command}` : '';
  const options = new ParsedOptions();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const spec = specs[token.name];
    if (!spec) throw new UsageError(`unknown option ${token.rawName}${where}`, command);
    if (options.has(token.name)) throw new UsageError(`option --${token.name} is given twice`, command);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`option --${token.name} takes no value`, command);
      options.setFlag(token.name);
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('-') && value !== '-')) {
      throw new UsageError(`option --${token.name} needs a value (${spec.valueName ?? 'VALUE'})`, command);
    }
    options.setString(token.name, value);
  }
  return { positionals, options };
}
