/**
 * The PostgreSQL driver of the shared storage benchmark (`packages/storage-sql/bench/storage-bench.ts`): the SDK
 * run in a schema of its own on the server at `DATABASE_URL`, and the raw baseline — multi-row INSERTs of 1,000
 * rows, all in one transaction, into a fresh schema with the same tables and indexes. Run it against a throwaway
 * cluster:
 *
 *   node scripts/with-postgres.mjs -- node --import tsx packages/storage-sqlite/bench/storage.bench.ts --size 1m
 * @module
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Transaction } from '@freehold/engine';
import pg from 'pg';
import { RAW_TRANSACTION_COLUMNS, rawTransactionValues } from '../../storage-sql/bench/bench-data.js';
import type { BenchRepository, StorageBenchDriver } from '../../storage-sql/bench/storage-bench.js';
import { createPostgresRepository } from '../src/index.js';

/** Rows per raw multi-row INSERT. */
const RAW_ROWS_PER_INSERT = 1_000;

const COLUMNS = RAW_TRANSACTION_COLUMNS;

/** The statement text of a multi-row insert of `rows` rows into `schema`.transactions. */
function insertText(schema: string, rows: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const base = r * COLUMNS.length;
    tuples.push(`(${COLUMNS.map((_, c) => `$${base + c + 1}`).join(', ')})`);
  }
  return `insert into "${schema}".transactions (${COLUMNS.join(', ')}) values ${tuples.join(', ')}`;
}

function valuesOf(rows: readonly Transaction[]): unknown[] {
  return rows.flatMap(rawTransactionValues);
}

/** A PostgreSQL benchmark driver for the server at `url`. */
export function postgresBenchDriver(url: string): StorageBenchDriver {
  const suffix = randomBytes(4).toString('hex');
  const sdkSchema = `freehold_bench_sdk_${suffix}`;
  const rawSchema = `freehold_bench_raw_${suffix}`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  return {
    name: 'postgres',
    async openRepository(): Promise<BenchRepository> {
      return createPostgresRepository({ connectionString: url, schema: sdkSchema });
    },
    async rawImport(transactions) {
      // Same tables and indexes as the SDK's: let the adapter create them, then write raw.
      await (await createPostgresRepository({ connectionString: url, schema: rawSchema })).close();
      const client = await admin.connect();
      const full = insertText(rawSchema, RAW_ROWS_PER_INSERT);
      let seconds = 0;
      try {
        await client.query('begin');
        for (const chunk of transactions) {
          const start = performance.now();
          for (let i = 0; i < chunk.length; i += RAW_ROWS_PER_INSERT) {
            const rows = chunk.slice(i, i + RAW_ROWS_PER_INSERT);
            const text = rows.length === RAW_ROWS_PER_INSERT ? full : insertText(rawSchema, rows.length);
            await client.query(text, valuesOf(rows));
          }
          seconds += (performance.now() - start) / 1000;
        }
        const start = performance.now();
        await client.query('commit');
        seconds += (performance.now() - start) / 1000;
      } finally {
        client.release();
      }
      return seconds;
    },
    async fullScanSum() {
      const { rows } = await admin.query<{ total: string }>(
        `select sum(amount_minor)::text as total from "${sdkSchema}".transactions`,
      );
      return rows[0]?.total ?? '0';
    },
    async databaseBytes() {
      const { rows } = await admin.query<{ bytes: string | null }>(
        `select sum(pg_total_relation_size(c.oid))::text as bytes
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relkind in ('r', 'm')`,
        [sdkSchema],
      );
      return rows[0]?.bytes ? Number(rows[0].bytes) : null;
    },
    async cleanup() {
      for (const schema of [sdkSchema, rawSchema])
        await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    },
  };
}

/**
 * The benchmark's entry point for this adapter: a driver for `DATABASE_URL`, or `null` (with a note) when it is
 * not set. `dir` is ignored: the server keeps its own files.
 */
export async function createBenchDriver(_options: {
  dir: string | null;
}): Promise<StorageBenchDriver | null> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(
      '[postgres] DATABASE_URL is not set: run the benchmark through `node scripts/with-postgres.mjs -- …` to include PostgreSQL\n',
    );
    return null;
  }
  return postgresBenchDriver(url);
}
