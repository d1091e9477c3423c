/**
 * `@freehold/storage-sql`: the storage core shared by Freehold's SQL adapters — the kysely-based repository
 * (every port method, optimistic versioning, keyset paging, pushed-down aggregates), the core schema, the
 * monthly rollups and their consistency check, materialised loan events, the audit log, error translation and
 * schema migrations — behind the small per-dialect {@link SqlDialectAdapter}.
 * @packageDocumentation
 */
export {
  auditToRow,
  digitsOfCurrency,
  formatMinorUnits,
  minorUnitsOf,
  PRIORITY_RANK,
  parseStoredJson,
  type RecordRow,
  recordIdentity,
  recordToRow,
  rowColumns,
  rowToAudit,
  rowToRecord,
  rowValues,
  toBigInt,
  toSafeNumber,
} from './mappers.js';
export {
  addSummaryRollups,
  checkRollups,
  ROLLUP_TABLES,
  type RollupCheck,
  RollupDeltas,
  type RollupMismatch,
  type RollupScope,
  type RollupSource,
  rebuildRollups,
} from './rollups.js';
export {
  monthExpression,
  type SqlColumnType,
  type SqlColumnTypes,
  type SqlDialectAdapter,
} from './sql-dialect-adapter.js';
export { translateDriverError } from './sql-errors.js';
export {
  listMigrationProvider,
  MIGRATION_LOCK_TABLE,
  MIGRATION_TABLE,
  type MigrationList,
  type MigrationOutcome,
  migrateToLatest,
  newerSchemaError,
  readSchemaState,
  type SchemaMigrationOptions,
  type SchemaState,
} from './sql-migrations.js';
export { planTotals, planWholeMonths, SqlReader, specOf, type TotalsPlan } from './sql-reader.js';
export { createSqlRepository, type SqlRepository, type SqlRepositoryOptions } from './sql-repository.js';
export {
  AUDIT_TABLE,
  CATEGORY_ROLLUP_TABLE,
  type CoreDatabase,
  type CoreIndex,
  columnOf,
  createCoreIndex,
  createCoreSchema,
  createSummaryRollups,
  dropCoreSchema,
  dropSummaryRollups,
  type FieldColumn,
  KIND_ROLLUP_TABLE,
  LOAN_EVENTS_TABLE,
  META_TABLE,
  PORTFOLIO_DAILY_TABLE,
  PORTFOLIO_MONTHLY_TABLE,
  RECORD_TABLES,
  type RecordTableSpec,
  recordIndexes,
  recordTableOf,
  YEARLY_ROLLUP_TABLE,
} from './sql-schema.js';
export { SqlUnitOfWork } from './sql-unit-of-work.js';
