/**
 * The CLI's entry: parses the command line, runs the command, and turns every outcome into an exit code —
 * 0 success, 1 failure, 2 wrong usage — with one clear line on stderr when something went wrong (and, with
 * `--json`, an `{"error": …}` document on stdout so that it still holds exactly one JSON document).
 * @module
 */
import { progressFor } from '../output/progress.js';
import { stdoutStyle } from '../output/text-style.js';
import { storageTargetFrom } from '../storage/storage-target.js';
import { EXIT_OK, UsageError } from './cli-errors.js';
import type { CliIo } from './cli-io.js';
import { findCommand, GLOBAL_OPTIONS, type OptionSpec, parseOptions } from './command-line.js';
import type { CommandContext, CommandSpec } from './command-spec.js';
import { describeError } from './describe-error.js';
import { commandHelp, globalHelp } from './help-text.js';

/** Runs the CLI with `argv` (without `node` and the script) and the given streams; resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CommandSpec[],
): Promise<number> {
  const { command: name, rest } = findCommand(argv);
  let json = argv.includes('--json');
  let emitted = false;
  let file: string | undefined;
  let progressDone: () => void = () => {};
  try {
    if (name === undefined || name === 'help') {
      const topic = name === 'help' ? rest.find((arg) => !arg.startsWith('-')) : undefined;
      const wantsHelp = name === 'help' || rest.includes('--help') || rest.includes('-h');
      if (!wantsHelp) throw new UsageError('missing command');
      const spec = topic === undefined ? undefined : commands.find((command) => command.name === topic);
      if (topic !== undefined && !spec) throw new UsageError(`unknown command "${topic}"`);
      io.stdout.write(spec ? commandHelp(spec) : globalHelp(commands));
      return EXIT_OK;
    }
    const spec = commands.find((command) => command.name === name);
    if (!spec) {
      throw new UsageError(
        `unknown command "${name}" (commands: ${commands.map((command) => command.name).join(', ')})`,
      );
    }
    const specs: Record<string, OptionSpec> = { ...spec.options, help: GLOBAL_OPTIONS.help };
    for (const global of spec.globals) specs[global] = GLOBAL_OPTIONS[global];
    const { positionals, options } = parseOptions(rest, specs, spec.name);
    if (options.flag('help')) {
      io.stdout.write(commandHelp(spec));
      return EXIT_OK;
    }
    json = options.flag('json');
    const { min, max } = spec.positionals;
    if (positionals.length < min) {
      throw new UsageError(`missing ${spec.argumentsUsage || 'argument'}`, spec.name);
    }
    if (positionals.length > max) {
      throw new UsageError(`unexpected argument "${positionals[max] ?? ''}"`, spec.name);
    }
    const progress = progressFor(io, json);
    progressDone = () => progress.done();
    const context: CommandContext = {
      io,
      command: spec.name,
      options,
      positionals,
      json,
      style: stdoutStyle(io, json),
      progress,
      target: () =>
        storageTargetFrom(
          { db: options.string('db'), databaseUrl: options.string('database-url') },
          io.cwd,
          spec.name,
        ),
      print(text = '') {
        if (!json) io.stdout.write(`${text}\n`);
      },
      note(text) {
        io.stderr.write(`${text}\n`);
      },
      emitJson(value) {
        if (emitted) throw new Error('a command must emit one JSON document');
        emitted = true;
        io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      },
      readingFile(next) {
        file = next;
      },
    };
    await spec.run(context);
    progress.done();
    return EXIT_OK;
  } catch (error) {
    progressDone();
    const described = describeError(error, { file });
    const known = commands.some((command) => command.name === name);
    io.stderr.write(`freehold${known ? ` ${name}` : ''}: ${described.line}\n`);
    if (json && !emitted) io.stdout.write(`${JSON.stringify({ error: described.json }, null, 2)}\n`);
    if (io.env.FREEHOLD_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return described.exitCode;
  }
}
