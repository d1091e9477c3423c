/**
 * What the CLI touches of its process: the two output streams, the environment and the working directory.
 * Commands never reach `process` directly, so tests and embedders can run them with their own streams.
 * @module
 */

/** An output stream: text in, plus whether a person is looking at it. */
export interface OutputStream {
  /** Writes text as is (no newline added). */
  write(text: string): void;
  /** True when the stream is a terminal. */
  readonly isTTY: boolean;
  /** Terminal width in columns, when known. */
  readonly columns?: number | undefined;
}

/** The process surroundings a CLI run uses. */
export interface CliIo {
  /** Results: tables, or exactly one JSON document with `--json`. */
  readonly stdout: OutputStream;
  /** Diagnostics: errors, warnings, progress bars. */
  readonly stderr: OutputStream;
  /** Environment variables (`NO_COLOR`, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
}

/**
 * The real process's streams, environment and working directory. When the reader of stdout goes away (`freehold
 * export | head`), the process ends quietly, as command-line tools do, instead of crashing on `EPIPE`.
 */
export function processIo(): CliIo {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const wrap = (stream: NodeJS.WriteStream): OutputStream => ({
    write: (text) => {
      stream.write(text);
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
  });
  return { stdout: wrap(process.stdout), stderr: wrap(process.stderr), env: process.env, cwd: process.cwd() };
}
