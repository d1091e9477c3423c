/**
 * Test helpers: temporary database files, and a raw back door to what SQLite stores.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityType } from '@freehold/engine';
import Database from 'better-sqlite3';
import { readStoredRow } from '../src/index.js';

/** A fresh temporary directory; `remove()` deletes it with everything inside. */
export function tempDir(prefix = 'freehold-sqlite-'): {
  path: string;
  file(name?: string): string;
  remove(): void;
} {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file: (name = 'freehold.db') => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/**
 * Reads the stored row of `type`/`id` from the file with a separate raw better-sqlite3 connection (read-only),
 * bypassing the repository: what is really on disk (committed), with `data` parsed.
 */
export function rawRead(filename: string, type: EntityType, id: string): unknown | null {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    db.defaultSafeIntegers(true);
    return readStoredRow(db, type, id);
  } finally {
    db.close();
  }
}
