/**
 * The stable ids and titles of every test of the storage conformance kit.
 * @module
 */

/**
 * Every conformance test: stable id → what it checks. Ids never change meaning; new tests get new ids.
 * Skip a test by its id (see `RepositoryConformanceOptions.skip`).
 */
export const CONFORMANCE_TESTS = {
  'lifecycle.capabilities': 'declares its capabilities as booleans',
  'lifecycle.closed-rejects': 'rejects every call after close() with StorageError',
  'lifecycle.persistent-reopen': 'keeps data across close and reopen when it claims to be persistent',

  'crud.insert-get': 'inserts a record of every entity type and gets it back unchanged',
  'crud.get-missing': 'returns null for an id that was never stored',
  'crud.insert-many': 'inserts many records of one type in one call',
  'crud.insert-many-empty': 'accepts an empty insertMany',
  'crud.update': 'replaces records of several types with their next version',
  'crud.delete': 'deletes records of several types',
  'crud.reinsert-after-delete': 'accepts a new record under the id of a deleted one',
  'crud.records-isolated':
    'never shares objects with the caller (mutating inputs or results changes nothing)',

  'list.all-types': 'lists records of every entity type',
  'list.order-by-id': 'lists undated types in id order',
  'list.order-by-date': 'lists dated types in (date, id) order',
  'list.where-equality': 'filters on equality, all filters together',
  'list.where-any-of': 'filters on any of several values',
  'list.where-null': 'matches null filter values against null fields',
  'list.where-number': 'filters on numeric fields',
  'list.date-range': 'bounds dated types by dateFrom/dateTo, both inclusive',
  'list.unknown-filter-field': 'rejects a filter on a field outside FILTER_FIELDS with ValidationError',
  'list.default-limit': 'returns pages of 100 by default and honours larger limits',
  'list.empty': 'returns an empty last page when nothing matches',

  'version.update-advances': 'an update stores version + 1 and later updates name it',
  'version.stale-update': 'an update naming a stale version is a ConflictError and changes nothing',
  'version.stale-delete': 'a delete naming a stale version is a ConflictError and deletes nothing',
  'version.update-missing': 'an update of a missing record is a NotFoundError',
  'version.delete-missing': 'a delete of a missing record is a NotFoundError',
  'version.must-advance-by-one':
    'an update whose record.version is not expectedVersion + 1 is a ValidationError',
  'version.concurrent-update': 'of two concurrent updates naming the same version exactly one wins',

  'errors.duplicate-id': 'an insert with an existing id is a ConflictError',
  'errors.duplicate-id-insert-many': 'insertMany with an existing or repeated id is a ConflictError',
  'errors.unique-transaction-external-id':
    'a second transaction with the same (portfolio, source, externalId) conflicts',
  'errors.unique-category-key': 'a second category with the same (portfolio, key) conflicts',
  'errors.unique-user-email': 'a second user with the same email conflicts',
  'errors.unique-role-assignment': 'a second role of the same user in the same portfolio conflicts',
  'errors.unique-on-update': 'an update that takes another record’s unique key conflicts',
  'errors.unique-null-not-constraining': 'a unique key with a null field does not constrain',
  'errors.unique-scoped': 'unique keys are scoped by all their fields',
  'errors.unique-freed': 'deleting or changing a record frees its unique key',

  'money.round-trip': 'stores money exactly (get, list and the back door)',
  'money.extremes': 'stores the largest amounts storage allows (±(2^53 − 1) minor units)',
  'money.currency-digits': 'stores amounts of currencies with 0 and 3 minor digits exactly',

  'totals.by-category': 'sums transactions per property × month × kind × category',
  'totals.by-kind': 'merges categories per kind with granularity kind',
  'totals.property-filter': 'restricts totals to the given properties of the portfolio',
  'totals.date-bounds-inclusive': 'includes both bounds of the date range and groups by calendar month',
  'totals.exact-large-and-negative': 'sums large and negative amounts exactly to the cent',
  'totals.many-small': 'sums 1000 × 0.01 to exactly 10.00',
  'totals.currency-minor-digits': 'writes totals with the portfolio currency’s minor digits (JPY, KWD)',
  'totals.portfolio-scoped': 'never counts transactions of another portfolio',
  'totals.empty': 'returns no rows when nothing matches',
  'totals.merge-properties':
    'merges the selected properties per month with byProperty false (whole and partial months, repeated ids)',
  'totals.merge-months':
    'merges the months of the range per property with byMonth false (partial months, across a year end)',
  'totals.merge-both': 'returns one row per kind (and category) of the selection with both options false',
  'totals.merge-scoped':
    'never counts other portfolios or a foreign property named in propertyIds, whatever the options',
  'totals.merge-currency-digits':
    'writes merged totals with the portfolio currency’s minor digits (JPY, KWD)',
  'totals.merge-options-validated':
    'rejects a non-boolean byProperty or byMonth with a ValidationError naming it',
  'totals.merge-cross-check':
    'returns, for every option and many edge ranges, the default per-property monthly rows merged',

  'alerts.open-order': 'lists open alerts by priority (critical first), then raisedAt, then id',
  'alerts.excludes-not-open': 'leaves out snoozed and resolved alerts and other portfolios',
  'alerts.filters': 'filters open alerts by property and priorities',
  'alerts.limit': 'returns at most limit alerts, the most urgent ones',

  'leases.ending-between': 'lists active leases ending within [from, to] by endDate, then id',
  'leases.statuses': 'filters leases ending by the given statuses',

  'loans.maturity': 'reports maturities (startDate + termMonths, or maturityDate)',
  'loans.balloon': 'reports balloons (startDate + balloonMonth)',
  'loans.rate-resets': 'reports rate resets as the loan terms derive them',
  'loans.kinds-filter': 'filters loan events by kind',
  'loans.archived-excluded': 'leaves out archived loans and other portfolios',
  'loans.order': 'orders loan events by date, kind, loan id',

  'audit.append-list-order': 'lists audit entries oldest first (at, then id)',
  'audit.append-many': 'appends many audit entries in one call',
  'audit.filters': 'filters audit entries by portfolio (or none), entity type, entity id and actor',
  'audit.paging': 'pages through audit entries, stable while entries are appended',
  'audit.redact': 'redacts before/after/details of entries and keeps everything else',
  'audit.duplicate-id': 'an audit entry with an existing id is a ConflictError',

  'paging.walk-limits': 'walking pages with limits 1–7 visits every record once in order',
  'paging.stable-under-inserts': 'inserting records between pages neither skips nor repeats records',
  'paging.stable-under-deletes': 'deleting records between pages neither skips nor repeats survivors',
  'paging.filters-with-paging': 'combines filters and date ranges with paging',

  'uow.commit': 'a unit of work that returns commits every write',
  'uow.rollback-on-throw': 'a unit of work that throws leaves nothing',
  'uow.rethrows-unchanged': 'the error thrown inside a unit of work is rethrown unchanged',
  'uow.insert-many-conflict-rolls-back':
    'a conflict in the middle of insertMany rolls back the whole unit of work',
  'uow.rollback-audit': 'audit entries appended in a failed unit of work are not kept',
  'uow.reads-own-writes': 'reads inside a unit of work see its own writes',
  'uow.aggregates-see-own-writes': 'pushed-down queries inside a unit of work see its own writes',
  'uow.returns-value': 'transaction() returns the value of the unit of work',
  'uow.concurrent-transactions': 'concurrent units of work on one repository all land',
  'uow.long-transaction': 'a unit of work may await other I/O when longTransactions is claimed',

  'model.random-operations': 'random operation sequences give the same results as the memory reference',
} as const;

/** The id of one conformance test, such as `crud.insert-get` or `uow.rollback-on-throw`. */
export type ConformanceTestId = keyof typeof CONFORMANCE_TESTS;

/** Every conformance test id, in the order the kit runs them. */
export const CONFORMANCE_TEST_IDS: readonly ConformanceTestId[] = Object.keys(
  CONFORMANCE_TESTS,
) as ConformanceTestId[];

/** True when `id` is the id of a conformance test. */
export function isConformanceTestId(id: string): id is ConformanceTestId {
  return Object.hasOwn(CONFORMANCE_TESTS, id);
}
