/**
 * `freehold export`: the portfolio as the portable NDJSON snapshot, to stdout or to `--out FILE` (written to a
 * temporary file first and renamed into place, so a failure never leaves half a snapshot).
 * @module
 */
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../cli/cli-errors.js';
import { choosePortfolio, openSession } from '../cli/cli-session.js';
import type { CommandSpec } from '../cli/command-spec.js';
import { displayCount } from '../output/display-numbers.js';

/** Writes `lines` to a new file at `path` atomically (temporary file, then rename); returns the line count. */
export async function writeLinesAtomically(path: string, lines: AsyncIterable<string>): Promise<number> {
  const temporary = `${path}.partial-${process.pid}`;
  const stream = createWriteStream(temporary, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  let count = 0;
  try {
    for await (const line of lines) {
      count++;
      if (!stream.write(line)) await Promise.race([once(stream, 'drain'), failed]);
    }
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    renameSync(temporary, path);
    return count;
  } catch (error) {
    stream.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The `export` command. */
export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'write the portfolio as a portable NDJSON snapshot (stdout or --out FILE)',
  argumentsUsage: '',
  description: [
    'Every record of the portfolio and its audit log, one JSON object per line (the header first), with ids',
    'preserved: a backup, or the way to move a portfolio to another database ("freehold import").',
    'With --json the snapshot must go to --out FILE; stdout then holds a summary document.',
  ],
  options: {
    out: { type: 'string', valueName: 'FILE', description: 'write the snapshot to FILE instead of stdout' },
  },
  globals: ['db', 'database-url', 'portfolio', 'json'],
  positionals: { min: 0, max: 0 },
  examples: ['freehold export > backup.ndjson', 'freehold export --out backup.ndjson --json'],
  async run(context) {
    const { options, command, io } = context;
    const out = options.string('out');
    if (context.json && out === undefined) {
      throw new UsageError(
        '--json needs --out FILE: the snapshot itself is NDJSON, not one JSON document',
        command,
      );
    }
    const target = context.target();
    const cli = await openSession(target, 'existing');
    try {
      const portfolio = await choosePortfolio(cli, options.string('portfolio'), command);
      const lines = cli.session.snapshots.export(portfolio.id);
      if (out === undefined) {
        let count = 0;
        for await (const line of lines) {
          io.stdout.write(line);
          count++;
        }
        if (io.stderr.isTTY) context.note(`freehold export: ${displayCount(count)} lines`);
        return;
      }
      const path = isAbsolute(out) ? out : resolve(io.cwd, out);
      const count = await writeLinesAtomically(path, lines);
      if (context.json) {
        context.emitJson({ portfolio: { id: portfolio.id, name: portfolio.name }, file: out, lines: count });
      } else {
        context.print(`Exported "${portfolio.name}" to ${out}: ${displayCount(count)} lines`);
      }
    } finally {
      await cli.storage.close();
    }
  },
};
