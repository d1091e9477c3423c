/**
 * Options of the storage conformance kit.
 * @module
 */
import type { EntityType } from '../domain/entities/index.js';
import type { Repository } from '../ports/repository.js';
import { type ConformanceTestId, isConformanceTestId } from './test-ids.js';

/**
 * Reads what an adapter ACTUALLY stored, bypassing its read methods (raw SQL, a raw IndexedDB store…), so the
 * kit can check storage itself: that money is kept exactly and that a failed unit of work left nothing.
 */
export interface RepositoryBackdoor {
  /**
   * The stored row or object of `type` with `id`, in whatever shape storage keeps it, or `null` when there is
   * none. `repo` is the repository under test (from `setup`), for back doors that need its connection.
   * Money must appear in it either as the decimal string or as integer minor units (number, bigint or digit
   * string), possibly inside JSON text.
   */
  read(type: EntityType, id: string, repo: Repository): Promise<unknown | null>;
}

/** Options of {@link describeRepositoryConformance}. */
export interface RepositoryConformanceOptions {
  /** Name of the adapter, shown as the outer `describe` block. */
  name: string;
  /** A fresh, empty repository; called once per test (and once per model-based run). */
  setup: () => Promise<Repository>;
  /**
   * Releases what `setup` created (files, schemas, connections). Called after every test, also when the test
   * closed the repository itself. Default: `repo.close()` unless the test already closed it.
   */
  teardown?: (repo: Repository) => Promise<void>;
  /** Raw reads of storage; without it the storage checks fall back to the adapter's own reads. */
  backdoor?: RepositoryBackdoor;
  /** Tests to skip: test id → the reason, shown in the test title. An unknown id fails the suite. */
  skip?: Partial<Record<ConformanceTestId, string>>;
  /** Runs of each fast-check property (default 25). */
  numRuns?: number;
  /** Seed of the fast-check properties, to replay a failure (default: random). */
  seed?: number;
  /**
   * The adapter talks to a driver: unique-key and duplicate-id `ConflictError`s must carry the driver's error as
   * `cause` (default true; the memory adapter passes false).
   */
  driverErrors?: boolean;
  /**
   * Closes `repo` and opens the same storage again; lets `lifecycle.persistent-reopen` run for adapters whose
   * capabilities claim `persistent`.
   */
  reopen?: (repo: Repository) => Promise<Repository>;
}

/** Options with defaults applied and skips checked. */
export interface ResolvedConformanceOptions extends RepositoryConformanceOptions {
  /** Runs of each fast-check property. */
  numRuns: number;
  /** Whether driver errors must be the `cause` of conflicts. */
  driverErrors: boolean;
  /** Skip reasons by test id. */
  skips: ReadonlyMap<ConformanceTestId, string>;
}

/** Applies defaults and checks `skip`: every key must be a real test id with a non-empty reason. */
export function resolveConformanceOptions(options: RepositoryConformanceOptions): ResolvedConformanceOptions {
  if (typeof options.name !== 'string' || options.name.trim() === '') {
    throw new TypeError('describeRepositoryConformance: `name` must be a non-empty string');
  }
  if (typeof options.setup !== 'function') {
    throw new TypeError('describeRepositoryConformance: `setup` must be a function returning a Repository');
  }
  const skips = new Map<ConformanceTestId, string>();
  for (const [id, reason] of Object.entries(options.skip ?? {})) {
    if (!isConformanceTestId(id)) {
      throw new TypeError(
        `describeRepositoryConformance: skip names "${id}", which is not a conformance test id (see CONFORMANCE_TEST_IDS)`,
      );
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new TypeError(`describeRepositoryConformance: skip of "${id}" needs a reason`);
    }
    skips.set(id, reason.trim());
  }
  const numRuns = options.numRuns ?? 25;
  if (!Number.isInteger(numRuns) || numRuns < 1) {
    throw new TypeError(`describeRepositoryConformance: numRuns must be a positive integer, got ${numRuns}`);
  }
  return { ...options, numRuns, driverErrors: options.driverErrors ?? true, skips };
}
