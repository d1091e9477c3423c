/**
 * Turns any failure into one clear line for stderr — naming the file, line or field when known — plus the same
 * facts as JSON for `--json`, and the exit code (2 for wrong usage, 1 otherwise).
 * @module
 */
import { isFreeholdError, ValidationError } from '@freehold/engine';
import { CliFailure, EXIT_FAILURE, EXIT_USAGE, UsageError } from './cli-errors.js';

/** A failure as the CLI reports it. */
export interface DescribedError {
  /** The exit code. */
  readonly exitCode: number;
  /** One line, without the `freehold:` prefix. */
  readonly line: string;
  /** The same facts for `--json`. */
  readonly json: {
    readonly code: string;
    readonly message: string;
    readonly file?: string;
    readonly line?: number;
    readonly field?: string;
    readonly issues?: readonly { readonly path: string; readonly message: string }[];
  };
}

/** What the command knows about the input it was reading when the error came. */
export interface ErrorContext {
  /** The input file, as the user named it. */
  readonly file?: string | undefined;
}

/** `line 5: line.5.data.name: expected …` → `line 5: data.name: expected …` (the path repeats the line). */
function tidy(message: string): string {
  return message
    .replace(/^line (\d+): line\.\1\./, 'line $1: ')
    .replace(/^line (\d+): line\.\1: /, 'line $1: ');
}

/** `line.17.data.amount` → line 17, field `data.amount`. */
function lineAndField(path: string): { line?: number; field?: string } {
  const match = /^line\.(\d+)(?:\.(.*))?$/.exec(path);
  if (!match) return path === '' ? {} : { field: path };
  const line = Number(match[1]);
  return match[2] ? { line, field: match[2] } : { line };
}

function causeText(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error && cause.message && !error.message.includes(cause.message)) {
    return ` (${cause.message})`;
  }
  return '';
}

/** Describes `error`, prefixing the input file when the message is about a line or field of it. */
export function describeError(error: unknown, context: ErrorContext = {}): DescribedError {
  const file = context.file;
  const inFile = (text: string) => (file ? `${file}: ${text}` : text);
  if (error instanceof UsageError) {
    const hint = error.command ? `freehold ${error.command} --help` : 'freehold --help';
    return {
      exitCode: EXIT_USAGE,
      line: `${error.message} (see ${hint})`,
      json: { code: 'USAGE', message: error.message },
    };
  }
  if (error instanceof CliFailure) {
    const { location } = error;
    return {
      exitCode: EXIT_FAILURE,
      line: error.message,
      json: {
        code: error.code,
        message: error.message,
        ...(location.file !== undefined ? { file: location.file } : {}),
        ...(location.line !== undefined ? { line: location.line } : {}),
        ...(location.field !== undefined ? { field: location.field } : {}),
      },
    };
  }
  if (error instanceof ValidationError) {
    const first = error.issues[0];
    const where = first ? lineAndField(first.path) : {};
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
    const message = tidy(first ? first.message : error.message);
    return {
      exitCode: EXIT_FAILURE,
      line: inFile(`${message}${more}`),
      json: {
        code: error.code,
        message,
        ...(file !== undefined ? { file } : {}),
        ...where,
        issues: error.issues.map((issue) => ({ path: issue.path, message: tidy(issue.message) })),
      },
    };
  }
  if (isFreeholdError(error)) {
    const message = `${error.message}${causeText(error)}`;
    return {
      exitCode: EXIT_FAILURE,
      line: inFile(message),
      json: { code: error.code, message, ...(file !== undefined ? { file } : {}) },
    };
  }
  const nodeError = error as NodeJS.ErrnoException;
  if (nodeError && typeof nodeError.code === 'string' && typeof nodeError.syscall === 'string') {
    const path = file ?? nodeError.path;
    const reason =
      nodeError.code === 'ENOENT'
        ? 'no such file'
        : nodeError.code === 'EACCES'
          ? 'permission denied'
          : nodeError.code === 'EISDIR'
            ? 'is a directory'
            : nodeError.message;
    const message = path ? `${path}: ${reason}` : reason;
    return {
      exitCode: EXIT_FAILURE,
      line: message,
      json: { code: nodeError.code, message, ...(path ? { file: path } : {}) },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_FAILURE, line: `internal error: ${message}`, json: { code: 'INTERNAL', message } };
}
