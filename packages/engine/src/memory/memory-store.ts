/**
 * The memory adapter's storage: one table per entity type (records by id, plus the unique-key index), kept in a
 * copy-on-write set of tables so that a unit of work can stage its writes and commit or drop them whole.
 * @internal
 * @module
 */
import type { EntityType } from '../domain/entities/index.js';
import { ConflictError } from '../errors.js';
import { UNIQUE_KEYS } from '../ports/repository.js';

/** What every stored value has: an `id`. Fields are read by name for filters, keys and ordering. */
export type StoredRow = { readonly id: string } & Readonly<Record<string, unknown>>;

/** Deep copy through the platform's `structuredClone` (Node ≥ 17, Deno, Bun, browsers). */
export function deepCopy<T>(value: T): T {
  return (globalThis as unknown as { structuredClone<V>(value: V): V }).structuredClone(value);
}

/**
 * The rows of one entity type and its unique-key index. A table is only mutated by the unit of work that
 * copied it ({@link Table.copy}); committed tables are never mutated, so readers always see a consistent state.
 */
export class Table {
  readonly #type: EntityType;
  readonly #keys: readonly (readonly string[])[];
  readonly #rows: Map<string, StoredRow>;
  /** `keyIndex:JSON(values)` → id, for every unique key whose fields are all non-null. */
  readonly #unique: Map<string, string>;

  constructor(type: EntityType, rows = new Map<string, StoredRow>(), unique = new Map<string, string>()) {
    this.#type = type;
    this.#keys = (UNIQUE_KEYS as Partial<Record<EntityType, readonly (readonly string[])[]>>)[type] ?? [];
    this.#rows = rows;
    this.#unique = unique;
  }

  /** A copy that can be written without touching this table (rows themselves are shared: they are immutable). */
  copy(): Table {
    return new Table(this.#type, new Map(this.#rows), new Map(this.#unique));
  }

  /** The stored row with `id`, if any (the stored object itself: copy it before handing it out). */
  get(id: string): StoredRow | undefined {
    return this.#rows.get(id);
  }

  /** Every stored row, in no particular order. */
  rows(): IterableIterator<StoredRow> {
    return this.#rows.values();
  }

  /** A `ConflictError` when `row` would duplicate an id (for a new row) or a unique key of another row. */
  conflictOf(row: StoredRow, isNew: boolean): ConflictError | undefined {
    if (isNew && this.#rows.has(row.id)) {
      return new ConflictError(`${this.#type} ${row.id} already exists`);
    }
    for (const [index, fields] of this.#keys.entries()) {
      const key = uniqueKey(index, fields, row);
      const holder = key === undefined ? undefined : this.#unique.get(key);
      if (holder !== undefined && holder !== row.id) {
        const values = fields.map((field) => `${field}=${JSON.stringify(row[field])}`).join(', ');
        return new ConflictError(`${this.#type} with ${values} already exists (${holder})`);
      }
    }
    return undefined;
  }

  /** Stores `row` (already checked with {@link Table.conflictOf}), replacing any row with its id. */
  put(row: StoredRow): void {
    this.remove(row.id);
    this.#rows.set(row.id, row);
    for (const [index, fields] of this.#keys.entries()) {
      const key = uniqueKey(index, fields, row);
      if (key !== undefined) this.#unique.set(key, row.id);
    }
  }

  /** Removes the row with `id` and its unique keys (nothing when there is none). */
  remove(id: string): void {
    const row = this.#rows.get(id);
    if (!row) return;
    this.#rows.delete(id);
    for (const [index, fields] of this.#keys.entries()) {
      const key = uniqueKey(index, fields, row);
      if (key !== undefined && this.#unique.get(key) === id) this.#unique.delete(key);
    }
  }
}

/** The index key of unique key `index` of `row`, or undefined when a field is null or missing (no constraint). */
function uniqueKey(index: number, fields: readonly string[], row: StoredRow): string | undefined {
  const values = fields.map((field) => row[field]);
  if (values.some((value) => value === null || value === undefined)) return undefined;
  return `${index}:${JSON.stringify(values)}`;
}

/** The committed tables of a repository, by entity type (the audit log is the `auditEntry` table). */
export type Tables = Map<EntityType, Table>;

/**
 * A unit of work's view of the tables: reads fall through to the committed tables until a type is first
 * written, which copies that type's table; {@link Staging.commit} installs the copies.
 */
export class Staging {
  readonly #base: Tables;
  readonly #written = new Map<EntityType, Table>();

  constructor(base: Tables) {
    this.#base = base;
  }

  /** The table of `type` as this unit of work sees it. */
  read(type: EntityType): Table {
    return this.#written.get(type) ?? tableOf(this.#base, type);
  }

  /** The table of `type`, copied on first use, for writing. */
  write(type: EntityType): Table {
    let table = this.#written.get(type);
    if (!table) {
      table = tableOf(this.#base, type).copy();
      this.#written.set(type, table);
    }
    return table;
  }

  /** Makes every staged table the committed one (synchronously, so no reader sees half of it). */
  commit(): void {
    for (const [type, table] of this.#written) this.#base.set(type, table);
    this.#written.clear();
  }
}

/** The committed table of `type`, created empty on first use. */
export function tableOf(tables: Tables, type: EntityType): Table {
  let table = tables.get(type);
  if (!table) {
    table = new Table(type);
    tables.set(type, table);
  }
  return table;
}
