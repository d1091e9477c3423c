/**
 * Use-case services: `createFreehold({ storage, clock, ids })`, sessions acting as a user (roles enforced, one
 * audit entry per mutation), the bulk transaction import, the dashboard, and erasure of a person's data.
 * @module
 */
export type {
  Dashboard,
  DashboardKpis,
  DashboardMonth,
  DashboardParams,
  PropertyDashboard,
  TrailingDashboardParams,
} from './dashboard.js';
export type { CollectionType } from './entity-descriptors.js';
export type {
  ArchivableCollection,
  EntityCollection,
  UpdateOptions,
  WriteOptions,
} from './entity-service.js';
export {
  type AuditListQuery,
  type AuditLog,
  type ContactCollection,
  type ContactDataExport,
  createFreehold,
  type DealCollection,
  type Freehold,
  type FreeholdOptions,
  type FreeholdSession,
  type SnapshotService,
  type StageChangeOptions,
  type TransactionCollection,
} from './freehold.js';
export { CONTACT_PERSONAL_FIELDS, ERASED_NAME, USER_PERSONAL_FIELDS } from './personal-data.js';
export type { PortfolioService } from './portfolio-service.js';
export type { ServiceDependencies } from './records.js';
export type {
  TransactionImporter,
  TransactionImportOptions,
  TransactionImportResult,
  TransactionImportRow,
} from './transaction-import.js';
export { type ActorOption, LOCAL_OWNER, type UserDataExport, type UserService } from './user-service.js';
