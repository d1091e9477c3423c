/**
 * Which database a command works on: a SQLite file (`--db PATH`, the default `./freehold.db`) or a PostgreSQL
 * server (`--database-url URL`). Naming both is a usage error.
 * @module
 */
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../cli/cli-errors.js';

/** Default SQLite file, relative to the working directory. */
export const DEFAULT_DATABASE_FILE = 'freehold.db';

/** A database to open. */
export type StorageTarget =
  | {
      /** An embedded SQLite file. */
      readonly kind: 'sqlite';
      /** The path as the user wrote it (for messages). */
      readonly path: string;
      /** The absolute path. */
      readonly absolutePath: string;
    }
  | {
      /** A PostgreSQL server. */
      readonly kind: 'postgres';
      /** The connection string. */
      readonly url: string;
    };

/** The target named by `--db` / `--database-url` (SQLite `./freehold.db` when neither is given). */
export function storageTargetFrom(
  options: { readonly db?: string | undefined; readonly databaseUrl?: string | undefined },
  cwd: string,
  command?: string,
): StorageTarget {
  if (options.db !== undefined && options.databaseUrl !== undefined) {
    throw new UsageError('--db and --database-url name two databases: give one of them', command);
  }
  if (options.databaseUrl !== undefined) {
    if (!/^postgres(?:ql)?:\/\//.test(options.databaseUrl)) {
      throw new UsageError('--database-url must start with postgres:// or postgresql://', command);
    }
    return { kind: 'postgres', url: options.databaseUrl };
  }
  const path = options.db ?? `./${DEFAULT_DATABASE_FILE}`;
  if (path === '') throw new UsageError('--db needs a file path', command);
  return { kind: 'sqlite', path, absolutePath: isAbsolute(path) ? path : resolve(cwd, path) };
}

/** The target for messages: the SQLite path, or the PostgreSQL URL with any password hidden. */
export function describeTarget(target: StorageTarget): string {
  if (target.kind === 'sqlite') return target.path;
  try {
    const url = new URL(target.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}
