/**
 * The CLI's own failures and its exit codes: 0 success, 1 failure, 2 wrong usage.
 * @module
 */

/** Exit code of a successful run. */
export const EXIT_OK = 0;
/** Exit code of a run that failed (bad data, missing database, storage error…). */
export const EXIT_FAILURE = 1;
/** Exit code of a run whose command line was wrong. */
export const EXIT_USAGE = 2;

/** Where a failure is: a file, a line of it, a field. Each part is optional. */
export interface FailureLocation {
  /** The file concerned, as the user named it. */
  readonly file?: string | undefined;
  /** 1-based line of that file. */
  readonly line?: number | undefined;
  /** Dotted field path (`data.amount`). */
  readonly field?: string | undefined;
}

/** The command line was wrong: unknown command or option, missing or malformed argument (exit 2). */
export class UsageError extends Error {
  /** The command whose usage to point at, when known. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** The command could not do its job for a reason the user can act on (exit 1). */
export class CliFailure extends Error {
  /** Where the problem is. */
  readonly location: FailureLocation;
  /** A stable code for `--json` consumers (`NO_DATABASE`, `DATABASE_EXISTS`, …). */
  readonly code: string;

  constructor(code: string, message: string, location: FailureLocation = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliFailure';
    this.code = code;
    this.location = location;
  }
}
