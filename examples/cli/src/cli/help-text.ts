/**
 * Help texts: the global usage with the command list, and each command's usage, options and examples.
 * @module
 */

import { GLOBAL_OPTIONS, type OptionSpec } from './command-line.js';
import type { CommandSpec } from './command-spec.js';

function optionLines(options: readonly (readonly [string, OptionSpec])[]): string[] {
  const labels = options.map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '';
    const value = spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : '';
    return `${short}--${name}${value}`;
  });
  const width = Math.max(...labels.map((label) => label.length));
  return options.map(([, spec], i) => `  ${(labels[i] ?? '').padEnd(width)}  ${spec.description}`);
}

/** The global help: what freehold is, its commands, global options, exit codes. */
export function globalHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'freehold — real-estate portfolio analytics on your own machine (an example app of the Freehold SDK)',
    '',
    'Usage: freehold <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Global options (where they apply):',
    ...optionLines(Object.entries(GLOBAL_OPTIONS)),
    '',
    'Data live in ./freehold.db (SQLite) unless --db or --database-url names another database.',
    'With --json a command prints exactly one JSON document on stdout (errors too: {"error": …}); messages go to stderr.',
    'Colours only on a terminal, never with NO_COLOR set. Exit codes: 0 success, 1 failure, 2 wrong usage.',
    '',
    'Run "freehold <command> --help" for a command\'s options.',
    '',
  ].join('\n');
}

/** A command's help: usage, description, options, examples. */
export function commandHelp(command: CommandSpec): string {
  const globals = command.globals.map((name) => [name, GLOBAL_OPTIONS[name]] as const);
  const options = [...Object.entries(command.options), ...globals, ['help', GLOBAL_OPTIONS.help] as const];
  const args = command.argumentsUsage ? ` ${command.argumentsUsage}` : '';
  return [
    `freehold ${command.name} — ${command.summary}`,
    '',
    `Usage: freehold ${command.name}${args} [options]`,
    '',
    ...command.description.flatMap((paragraph) => [paragraph, '']),
    'Options:',
    ...optionLines(options),
    '',
    ...(command.examples.length > 0
      ? ['Examples:', ...command.examples.map((example) => `  ${example}`), '']
      : []),
  ].join('\n');
}
