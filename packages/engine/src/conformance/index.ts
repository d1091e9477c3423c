/**
 * `@freehold/engine/conformance`: the published storage conformance kit. A storage adapter's test file calls
 * {@link describeRepositoryConformance} and gets the whole suite (vitest and fast-check are optional peer
 * dependencies of the engine, needed only here). See `docs/adapters.md`.
 * @module
 */
export { describeRepositoryConformance } from './describe-repository-conformance.js';
export {
  compareStrings,
  errorCodeOf,
  expectRejection,
  listAll,
  type Outcome,
  outcomeOf,
  put,
  putMany,
  type SeedWrite,
  seed,
  sortByDateId,
  sortById,
  storedHoldsMoney,
  walkPages,
} from './expectations.js';
export {
  createFixtureFactory,
  type FixtureFactory,
  type FixtureFactoryOptions,
  type FixtureOverrides,
  type FixtureRecordMeta,
  type Identified,
  type PortfolioOwned,
  type PropertyParent,
  type UnitParent,
} from './fixtures.js';
export type {
  RepositoryBackdoor,
  RepositoryConformanceOptions,
} from './options.js';
export { sortAudit } from './suites/audit.js';
export { expectedLoanEvents, sortLoanEvents, sortOpenAlerts } from './suites/queries.js';
export { sortMonthlyTotals } from './suites/totals.js';
export {
  CONFORMANCE_TEST_IDS,
  CONFORMANCE_TESTS,
  type ConformanceTestId,
  isConformanceTestId,
} from './test-ids.js';
export { type AnyRecordEntry, insertEntries, type RichWorld, richWorld } from './world.js';
