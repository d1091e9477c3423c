/**
 * Opening the database a command works on — the one place that knows the storage adapters. SQLite files are
 * checked for existence first (so a mistyped `--db` is an error, not a new empty file), and a file this command
 * created is removed again when the command fails, so a failure leaves nothing behind.
 * @module
 */
import { existsSync, rmSync } from 'node:fs';
import type { Repository } from '@freehold/engine';
import { CliFailure } from '../cli/cli-errors.js';
import { describeTarget, type StorageTarget } from './storage-target.js';

/** How a command needs the database: it must exist, or it may be created. */
export type OpenMode = 'existing' | 'create';

/** An open database. */
export interface OpenStorage {
  /** The repository port over it. */
  readonly repository: Repository;
  /** What was opened. */
  readonly target: StorageTarget;
  /** True when this command created the SQLite file. */
  readonly created: boolean;
  /**
   * Closes the repository; with `failed`, also removes the SQLite file when this command created it (and its
   * WAL and shared-memory files).
   */
  close(options?: { readonly failed?: boolean }): Promise<void>;
}

/** Whether the target database exists (a SQLite file is present; a PostgreSQL URL always counts as present). */
export function targetExists(target: StorageTarget): boolean {
  return target.kind === 'postgres' || existsSync(target.absolutePath);
}

/** Removes a SQLite database file and its `-wal` / `-shm` companions, when present. */
export function removeSqliteFiles(absolutePath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${absolutePath}${suffix}`, { force: true });
}

/** Opens `target`. `existing` fails with `NO_DATABASE` when a SQLite file is missing. */
export async function openStorage(target: StorageTarget, mode: OpenMode): Promise<OpenStorage> {
  if (target.kind === 'sqlite') {
    const existed = existsSync(target.absolutePath);
    if (!existed && mode === 'existing') {
      throw new CliFailure(
        'NO_DATABASE',
        `no database at ${target.path}: create one with "freehold init" or "freehold demo", or name one with --db PATH`,
        { file: target.path },
      );
    }
    const { createSqliteRepository } = await import('@freehold/storage-sqlite');
    let repository: Repository;
    try {
      repository = await createSqliteRepository({ filename: target.absolutePath });
    } catch (error) {
      if (!existed) removeSqliteFiles(target.absolutePath);
      throw error;
    }
    return {
      repository,
      target,
      created: !existed,
      async close(options = {}) {
        await repository.close();
        if (options.failed && !existed) removeSqliteFiles(target.absolutePath);
      },
    };
  }
  const { createPostgresRepository } = await import('@freehold/storage-postgres');
  const repository = await createPostgresRepository({ connectionString: target.url, poolSize: 4 });
  return {
    repository,
    target,
    created: false,
    async close() {
      await repository.close();
    },
  };
}

/** A one-line name of the database for messages. */
export function databaseLabel(target: StorageTarget): string {
  return target.kind === 'sqlite'
    ? `SQLite ${describeTarget(target)}`
    : `PostgreSQL ${describeTarget(target)}`;
}
