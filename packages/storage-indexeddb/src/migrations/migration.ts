/**
 * The migration contract: ordered, numbered steps run forward inside `onupgradeneeded`.
 * @module
 */

/** What a migration step receives: the database being upgraded and its `versionchange` transaction. */
export interface MigrationContext {
  /** The database, for creating and deleting object stores. */
  readonly db: IDBDatabase;
  /** The upgrade transaction, for indexes and data (await only its requests). */
  readonly tx: IDBTransaction;
}

/**
 * One schema step. `version` is the IndexedDB version the database has once the step ran; steps are numbered
 * 1, 2, 3… and never change once released (a later change is a new step).
 */
export interface Migration {
  /** The schema version this step produces. */
  readonly version: number;
  /** A short name, shown in errors. */
  readonly name: string;
  /** Applies the step; may await requests of `ctx.tx` (and nothing else). A throw aborts the whole upgrade. */
  up(ctx: MigrationContext): void | Promise<void>;
}
