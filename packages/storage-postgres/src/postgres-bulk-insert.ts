/**
 * PostgreSQL's fast path for multi-row inserts: per chunk of rows, one
 * `INSERT … SELECT * FROM ROWS FROM (unnest($1::text[]), unnest($2::bigint[]), json_array_elements($3::json), …)`
 * with one parameter per column: an array for ordinary columns, and for JSON columns the rows' JSON texts joined
 * into one JSON array (no array-literal escaping of every quote; `json_array_elements` hands each element's text
 * back unchanged). Measured on the benchmark rows: about 35 µs of CPU per row (client + server) against 46 µs for
 * multi-row `VALUES`, and no 65,535-parameter limit (a statement has one parameter per column).
 * @module
 */
import type { CoreDatabase } from '@freehold/storage-sql';
import { type Kysely, sql } from 'kysely';

/** Rows per statement: large enough to amortise the round trip, small enough to stream. */
export const UNNEST_CHUNK_ROWS = 2_000;

/** A compiled single-row insert as kysely writes it: `insert into "s"."t" ("a", "b") values ($1, $2)`. */
const SINGLE_ROW_INSERT =
  /^insert into ((?:"(?:[^"]|"")+"\.)?"(?:[^"]|"")+") \(((?:"(?:[^"]|"")+"(?:, )?)+)\) values \((\$\d+(?:, \$\d+)*)\)$/;

/** Element types of the columns of a table, by qualified table text (`"s"."t"`), looked up once per process. */
const columnTypes = new Map<string, Promise<ReadonlyMap<string, string>>>();

function splitIdentifiers(list: string): string[] {
  return [...list.matchAll(/"((?:[^"]|"")+)"/g)].map((match) => (match[1] ?? '').replaceAll('""', '"'));
}

/** Column name → SQL type (`text`, `integer`, `bigint`, `json`…) of `table`, from the catalog. */
function typesOf(executor: Kysely<CoreDatabase>, table: string): Promise<ReadonlyMap<string, string>> {
  let found = columnTypes.get(table);
  if (!found) {
    found = sql<{ name: string; type: string }>`
      select attname as name, format_type(atttypid, null) as type
      from pg_attribute
      where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`
      .execute(executor)
      .then((result) => new Map(result.rows.map((row) => [row.name, row.type])));
    found.catch(() => columnTypes.delete(table));
    columnTypes.set(table, found);
  }
  return found;
}

/**
 * Inserts `rows` (parameter arrays in the column order of `singleRowSql`) with `unnest` statements on the unit of
 * work's connection (`executor`), {@link UNNEST_CHUNK_ROWS} rows per statement. Returns false, doing nothing, when `singleRowSql` is not a plain single-row
 * insert (the caller then falls back to multi-row `VALUES`).
 */
export async function insertWithUnnest(
  executor: Kysely<CoreDatabase>,
  singleRowSql: string,
  rows: readonly (readonly unknown[])[],
): Promise<boolean> {
  const match = SINGLE_ROW_INSERT.exec(singleRowSql);
  if (!match) return false;
  const table = match[1] as string;
  const columns = splitIdentifiers(match[2] as string);
  const types = await typesOf(executor, table);
  const arrays = columns.map((column) => {
    const type = types.get(column);
    if (type === undefined) throw new Error(`insertWithUnnest: ${table} has no column ${column}`);
    return `${type}[]`;
  });
  const columnList = sql.raw(match[2] as string);
  for (let start = 0; start < rows.length; start += UNNEST_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + UNNEST_CHUNK_ROWS);
    const sources = columns.map((_, index) => {
      const values = chunk.map((row) => row[index] ?? null);
      const type = arrays[index] as string;
      // JSON text goes as one JSON array (no array-literal escaping of every quote); everything else as an array.
      if ((type === 'json[]' || type === 'jsonb[]') && values.every((value) => typeof value === 'string')) {
        return sql`json_array_elements(${`[${values.join(',')}]`}::json)`;
      }
      return sql`unnest(${values}::${sql.raw(type)})`;
    });
    await sql`insert into ${sql.raw(table)} (${columnList}) select * from rows from (${sql.join(sources)})`.execute(
      executor,
    );
  }
  return true;
}
