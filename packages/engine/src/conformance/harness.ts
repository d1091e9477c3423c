/**
 * Test registration of the conformance kit: one fresh repository per test, skips by id, teardown always.
 * @module
 */
import { describe, test as vitestTest } from 'vitest';
import type { EntityType } from '../domain/entities/index.js';
import type { Repository } from '../ports/repository.js';
import { createFixtureFactory, type FixtureFactory } from './fixtures.js';
import type { ResolvedConformanceOptions } from './options.js';
import { CONFORMANCE_TEST_IDS, CONFORMANCE_TESTS, type ConformanceTestId } from './test-ids.js';

/** What a conformance test body receives. */
export interface ConformanceTestContext {
  /** The repository under test: fresh and empty when the test starts. */
  readonly repo: Repository;
  /** Fixture factory of this test. */
  readonly f: FixtureFactory;
  /** The kit's resolved options. */
  readonly options: ResolvedConformanceOptions;
  /** What storage holds for `type`/`id`: the back door when given, else the adapter's own reads. */
  stored(type: EntityType, id: string): Promise<unknown | null>;
  /** Whether a back door was given (storage checks then bypass the adapter). */
  readonly hasBackdoor: boolean;
  /** Closes the repository under test (teardown then skips `close()`). */
  close(): Promise<void>;
  /** Replaces the repository under test (after a reopen); teardown then receives the new one. */
  use(repo: Repository): void;
  /** Ends the test as skipped, with a reason (for capability-dependent tests). */
  skip(reason: string): never;
}

/** A conformance test body. */
export type ConformanceTestBody = (ctx: ConformanceTestContext) => Promise<void>;

/** Collects conformance tests by id, in groups, then emits them as vitest tests. */
export interface ConformanceRegistrar {
  /** Collects the tests `register` defines under the group title `title`. */
  group(title: string, register: () => void): void;
  /** Collects test `id` (skipped with its reason when the options skip it). */
  test(id: ConformanceTestId, body: ConformanceTestBody, timeoutMs?: number): void;
  /** Throws unless every test id was collected exactly once (a kit self-check). */
  assertComplete(): void;
  /** Emits the collected tests: one vitest `describe` per group. Call inside a `describe` callback. */
  emit(): void;
  /** Every collected test, in order. */
  collected(): readonly CollectedTest[];
}

/** A collected conformance test. */
export interface CollectedTest {
  /** Its id. */
  readonly id: ConformanceTestId;
  /** Its body. */
  readonly body: ConformanceTestBody;
  /** Its vitest timeout, when it needs more than the default. */
  readonly timeoutMs: number | undefined;
}

async function findAuditEntry(repo: Repository, id: string): Promise<unknown | null> {
  let cursor: string | null = null;
  do {
    const page = await repo.listAudit({ limit: 1000, cursor });
    const found = page.items.find((entry) => entry.id === id);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return null;
}

/**
 * Runs one conformance test body on a fresh repository from `options.setup`, then tears it down (also when the
 * body fails). `skip` ends the test as skipped (vitest's context `skip` when run by vitest).
 */
export async function runConformanceTest(
  options: ResolvedConformanceOptions,
  body: ConformanceTestBody,
  skip: (reason: string) => never,
): Promise<void> {
  let repo = await options.setup();
  let closed = false;
  const ctx: ConformanceTestContext = {
    get repo() {
      return repo;
    },
    f: createFixtureFactory(),
    options,
    hasBackdoor: options.backdoor !== undefined,
    async stored(type, entityId) {
      if (options.backdoor) return options.backdoor.read(type, entityId, repo);
      if (type === 'auditEntry') return findAuditEntry(repo, entityId);
      return repo.get(type, entityId);
    },
    async close() {
      closed = true;
      await repo.close();
    },
    use(next) {
      repo = next;
      closed = false;
    },
    skip,
  };
  try {
    await body(ctx);
  } finally {
    if (options.teardown) await options.teardown(repo);
    else if (!closed) await repo.close();
  }
}

/** Creates the registrar that collects test bodies and emits them as vitest tests for `options`. */
export function createRegistrar(options: ResolvedConformanceOptions): ConformanceRegistrar {
  const registered = new Set<ConformanceTestId>();
  const groups: { title: string; tests: CollectedTest[] }[] = [];
  const emitTest = ({ id, body, timeoutMs }: CollectedTest): void => {
    const title = `${id}: ${CONFORMANCE_TESTS[id]}`;
    const reason = options.skips.get(id);
    if (reason !== undefined) {
      vitestTest.skip(`${title} (skipped: ${reason})`, () => {});
      return;
    }
    vitestTest(title, (context) => runConformanceTest(options, body, (why) => context.skip(why)), timeoutMs);
  };
  return {
    group(title, register) {
      groups.push({ title, tests: [] });
      register();
    },
    test(id, body, timeoutMs) {
      if (registered.has(id)) throw new Error(`conformance kit: test ${id} registered twice`);
      registered.add(id);
      const current = groups.at(-1);
      if (!current) throw new Error(`conformance kit: test ${id} outside a group`);
      current.tests.push({ id, body, timeoutMs });
    },
    collected() {
      return groups.flatMap((group) => group.tests);
    },
    emit() {
      for (const { title, tests } of groups) {
        describe(title, () => {
          for (const collected of tests) emitTest(collected);
        });
      }
    },
    assertComplete() {
      const missing = CONFORMANCE_TEST_IDS.filter((id) => !registered.has(id));
      if (missing.length > 0) {
        throw new Error(`conformance kit: tests never registered: ${missing.join(', ')}`);
      }
    },
  };
}
