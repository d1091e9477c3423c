/**
 * `describeRepositoryConformance`: the one call that runs the whole storage conformance kit.
 * @module
 */
import { describe } from 'vitest';
import { type ConformanceRegistrar, createRegistrar } from './harness.js';
import {
  type RepositoryConformanceOptions,
  type ResolvedConformanceOptions,
  resolveConformanceOptions,
} from './options.js';
import { auditTests } from './suites/audit.js';
import { crudTests } from './suites/crud.js';
import { errorTests } from './suites/errors.js';
import { lifecycleTests } from './suites/lifecycle.js';
import { listTests } from './suites/list.js';
import { modelTests } from './suites/model.js';
import { moneyTests } from './suites/money.js';
import { pagingTests } from './suites/paging.js';
import { queryTests } from './suites/queries.js';
import { totalsTests } from './suites/totals.js';
import { uowTests } from './suites/uow.js';
import { versionTests } from './suites/version.js';

/**
 * Registers the storage conformance suite for one adapter as vitest tests: every port method, optimistic
 * versioning, error translation, money to the cent, pagination stability, unit-of-work atomicity, and a
 * fast-check model-based comparison with the memory reference adapter. Each test gets a fresh repository from
 * `setup` and is named by a stable id (see `CONFORMANCE_TEST_IDS`); skip one with `skip: { id: 'reason' }`.
 * An unknown skip id, or a skip without a reason, throws.
 *
 * @example
 * ```ts
 * import { describeRepositoryConformance } from '@freehold/engine/conformance';
 * import { createMemoryRepository, memoryBackdoor } from '@freehold/engine/memory';
 *
 * describeRepositoryConformance({
 *   name: 'memory',
 *   setup: async () => createMemoryRepository(),
 *   backdoor: memoryBackdoor(),
 *   driverErrors: false,
 * });
 * ```
 */
export function describeRepositoryConformance(options: RepositoryConformanceOptions): void {
  const { resolved, registrar } = collectConformanceTests(options);
  describe(`repository conformance: ${resolved.name}`, () => registrar.emit());
}

/**
 * Resolves `options` and collects every conformance test without registering anything with vitest (the kit's
 * own tests run the bodies directly).
 * @internal
 */
export function collectConformanceTests(options: RepositoryConformanceOptions): {
  resolved: ResolvedConformanceOptions;
  registrar: ConformanceRegistrar;
} {
  const resolved = resolveConformanceOptions(options);
  const t = createRegistrar(resolved);
  t.group('lifecycle', () => lifecycleTests(t));
  t.group('get, insert, update, delete', () => crudTests(t));
  t.group('list', () => listTests(t));
  t.group('optimistic versioning', () => versionTests(t));
  t.group('error translation', () => errorTests(t));
  t.group('money', () => moneyTests(t));
  t.group('monthly totals', () => totalsTests(t));
  t.group('alerts, leases, loans', () => queryTests(t));
  t.group('audit log', () => auditTests(t));
  t.group('pagination stability', () => pagingTests(t));
  t.group('units of work', () => uowTests(t));
  t.group('model-based', () => modelTests(t, resolved));
  t.assertComplete();
  return { resolved, registrar: t };
}
