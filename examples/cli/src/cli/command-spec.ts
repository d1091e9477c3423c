/**
 * What a command is: its name, help, the options and arguments it accepts, and what it does given a
 * {@link CommandContext}.
 * @module
 */

import type { Progress } from '../output/progress.js';
import type { TextStyle } from '../output/text-style.js';
import type { StorageTarget } from '../storage/storage-target.js';
import type { CliIo } from './cli-io.js';
import type { GlobalOptionName, OptionSpec, ParsedOptions } from './command-line.js';

/** Everything a running command may use. */
export interface CommandContext {
  /** Streams, environment, working directory. */
  readonly io: CliIo;
  /** The command's name. */
  readonly command: string;
  /** Parsed options. */
  readonly options: ParsedOptions;
  /** Positional arguments. */
  readonly positionals: readonly string[];
  /** `--json` was given: write exactly one JSON document with {@link CommandContext.emitJson}. */
  readonly json: boolean;
  /** Styling for stdout. */
  readonly style: TextStyle;
  /** Progress bar (silent unless a person watches). */
  readonly progress: Progress;
  /** The database named by `--db` / `--database-url`. */
  target(): StorageTarget;
  /** Writes a line of results to stdout (not with `--json`). */
  print(text?: string): void;
  /** Writes a line of diagnostics to stderr. */
  note(text: string): void;
  /** Writes the command's one JSON document to stdout. */
  emitJson(value: unknown): void;
  /** Records the input file the command reads, so errors name it. */
  readingFile(file: string | undefined): void;
}

/** A command of the CLI. */
export interface CommandSpec {
  /** Name typed on the command line. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Arguments after the name, for the usage line (`FILE`). */
  readonly argumentsUsage: string;
  /** Paragraphs of help. */
  readonly description: readonly string[];
  /** Options of this command (besides the global ones it takes). */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Global options that apply to this command (`--help` always does). */
  readonly globals: readonly GlobalOptionName[];
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  /** Examples for the help text. */
  readonly examples: readonly string[];
  /** Runs the command; throws to fail. */
  run(context: CommandContext): Promise<void>;
}
