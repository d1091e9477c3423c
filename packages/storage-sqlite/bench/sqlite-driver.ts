/**
 * The SQLite driver of the storage benchmark: the SDK run on a file in WAL mode, and the raw baseline — one
 * prepared INSERT per row, all rows in one transaction, into a fresh file with the same schema and indexes.
 * @module
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Transaction } from '@freehold/engine';
import { createSqliteRepository } from '@freehold/storage-sqlite';
import Database from 'better-sqlite3';
import { RAW_TRANSACTION_COLUMNS, rawTransactionValues } from '../../storage-sql/bench/bench-data.js';
import type { StorageBenchDriver } from '../../storage-sql/bench/storage-bench.js';

const COLUMNS = RAW_TRANSACTION_COLUMNS;

/** The SQLite benchmark driver; files go to a temporary directory under `dir` (default the OS temp dir). */
export function sqliteBenchDriver(dir: string | null = null): StorageBenchDriver {
  const home = mkdtempSync(join(dir ?? tmpdir(), 'freehold-bench-sqlite-'));
  const sdkFile = join(home, 'sdk.db');
  const servicesFile = join(home, 'services.db');
  const rawFile = join(home, 'raw.db');
  return {
    name: 'sqlite',
    async openRepository(purpose) {
      return createSqliteRepository({ filename: purpose === 'sdk' ? sdkFile : servicesFile });
    },
    async rawImport(transactions) {
      // Same schema, indexes and pragmas as the SDK's database: let the adapter create it, then write raw.
      await (await createSqliteRepository({ filename: rawFile })).close();
      const db = new Database(rawFile);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -65536');
      const insert = db.prepare(
        `insert into transactions (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
      );
      let seconds = 0;
      db.prepare('begin').run();
      for (const chunk of transactions) {
        const start = performance.now();
        for (const t of chunk as Transaction[]) {
          insert.run(...rawTransactionValues(t));
        }
        seconds += (performance.now() - start) / 1000;
      }
      const start = performance.now();
      db.prepare('commit').run();
      seconds += (performance.now() - start) / 1000;
      db.close();
      return seconds;
    },
    async fullScanSum() {
      const db = new Database(sdkFile, { readonly: true });
      try {
        db.defaultSafeIntegers(true);
        db.pragma('cache_size = -65536');
        const row = db.prepare('select sum(amount_minor) as total from transactions').get() as {
          total: bigint;
        };
        return String(row.total);
      } finally {
        db.close();
      }
    },
    async databaseBytes() {
      let bytes = 0;
      for (const suffix of ['', '-wal']) {
        try {
          bytes += statSync(sdkFile + suffix).size;
        } catch {
          // no such file
        }
      }
      return bytes;
    },
    async cleanup() {
      rmSync(home, { recursive: true, force: true });
    },
  };
}
