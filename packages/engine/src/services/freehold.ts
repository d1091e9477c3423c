/**
 * The SDK: `createFreehold({ storage, clock, ids })` and the sessions `sdk.as(userId)` returns. Every session call
 * acts as that user: it is authorised by their role in the portfolio concerned (see `access.ts`), and every
 * mutation writes one audit entry in the same unit of work.
 * @module
 */
import type { AuditEntry } from '../domain/entities/audit.js';
import type { Contact } from '../domain/entities/contact.js';
import type { Deal, DealStage } from '../domain/entities/deal.js';
import type { User } from '../domain/entities/user.js';
import { IdSchema } from '../domain/entities/values.js';
import { parseWith } from '../domain/validation.js';
import { NotFoundError, PermissionError } from '../errors.js';
import type { AuditQuery, Page } from '../ports/repository.js';
import { exportSnapshot } from '../snapshot/export-snapshot.js';
import { importSnapshot, type SnapshotImportResult } from '../snapshot/import-snapshot.js';
import { requireOwner, requirePortfolioAccess } from './access.js';
import {
  computeDashboard,
  computeTrailingDashboard,
  type Dashboard,
  type DashboardParams,
  type TrailingDashboardParams,
} from './dashboard.js';
import type { CollectionType } from './entity-descriptors.js';
import { ENTITY_DESCRIPTORS } from './entity-descriptors.js';
import {
  type ArchivableCollection,
  createEntityCollection,
  type EntityCollection,
  loadVisibleRecord,
} from './entity-service.js';
import { auditEntriesAbout, CONTACT_PERSONAL_FIELDS, eraseInUnitOfWork } from './personal-data.js';
import { createPortfolioService, type PortfolioService } from './portfolio-service.js';
import { type ServiceDependencies, typed } from './records.js';
import { createTransactionImporter, type TransactionImporter } from './transaction-import.js';
import { createUserService, ensureLocalOwner, type UserService } from './user-service.js';

/** What {@link createFreehold} takes: the storage adapter, the clock and the id generator. */
export type FreeholdOptions = ServiceDependencies;

/** Everything stored about one contact (the export half of "export and erase a person's data"). */
export interface ContactDataExport {
  /** The contact record. */
  readonly contact: Contact;
  /** Audit entries about it. */
  readonly auditEntries: AuditEntry[];
}

/** Contacts: the generic operations plus erasure and export of the person's data. */
export interface ContactCollection extends ArchivableCollection<'contact'> {
  /**
   * Owner only. Erases the person's data: name redacted, company, email, phone, address and notes cleared,
   * `erasedAt` set, the same fields redacted in every audit payload about the contact, and one `erase` audit
   * entry (whose `before` is null). Erasing twice changes nothing.
   */
  erase(id: string): Promise<Contact>;
  /** Owner only. The contact and every audit entry about it. */
  exportPersonalData(id: string): Promise<ContactDataExport>;
}

/** Options of {@link DealCollection.changeStage}. */
export interface StageChangeOptions {
  /** The deal's version the change is based on. */
  readonly expectedVersion: number;
  /** Why, or what happened; recorded in the stage history. */
  readonly note?: string | null;
}

/** Deals: the generic operations plus stage changes (each appended to `stageHistory` with the clock's instant). */
export interface DealCollection extends EntityCollection<'deal'> {
  /** Moves a deal to `stage`, appending `{ stage, at, note }` to its history (same as an update of `stage`). */
  changeStage(id: string, stage: DealStage, options: StageChangeOptions): Promise<Deal>;
}

/** Transactions: the generic operations plus the bulk import. */
export interface TransactionCollection extends EntityCollection<'transaction'>, TransactionImporter {}

/** Filters of {@link AuditLog.list}. */
export type AuditListQuery = Omit<AuditQuery, 'portfolioId'>;

/** The audit log of a portfolio, for its owners. */
export interface AuditLog {
  /** One page of the portfolio's audit entries, oldest first; owners only. */
  list(portfolioId: string, query?: AuditListQuery): Promise<Page<AuditEntry>>;
}

/** Snapshot export and import through a session. */
export interface SnapshotService {
  /**
   * Owners only: the portfolio as NDJSON lines (see `exportSnapshot`). The role is checked when iteration
   * starts: the first `next()` rejects with a `PermissionError` for anyone else.
   */
  export(portfolioId: string): AsyncIterable<string>;
  /**
   * Imports a snapshot as a new portfolio (see `importSnapshot`); the actor becomes its owner unless the
   * snapshot already gives them a role. Any existing user may import.
   */
  import(lines: AsyncIterable<string> | Iterable<string>): Promise<SnapshotImportResult>;
}

/** Everything a user can do, as that user. */
export interface FreeholdSession {
  /** The acting user's id. */
  readonly actorId: string;
  /** The acting user's record (`NotFoundError` when they do not exist). */
  me(): Promise<User>;
  /** Portfolios: create (the actor becomes owner), read, settings, archive, delete. */
  readonly portfolios: PortfolioService;
  /** Properties (archived, never deleted, once money has touched them). */
  readonly properties: ArchivableCollection<'property'>;
  /** Valuation history of properties. */
  readonly valuations: EntityCollection<'valuation'>;
  /** Units of properties (archived once money has touched them). */
  readonly units: ArchivableCollection<'unit'>;
  /** Contacts (personal data: erasable). */
  readonly contacts: ContactCollection;
  /** Leases (archived once money has touched them). */
  readonly leases: ArchivableCollection<'lease'>;
  /** Loans (archived once money has touched them). */
  readonly loans: ArchivableCollection<'loan'>;
  /** Transactions, with the bulk import. */
  readonly transactions: TransactionCollection;
  /** Categories (seeded with the portfolio; each with a kind). */
  readonly categories: ArchivableCollection<'category'>;
  /** Recurring charges. */
  readonly recurringCharges: EntityCollection<'recurringCharge'>;
  /** Budgets. */
  readonly budgets: EntityCollection<'budget'>;
  /** Alerts. */
  readonly alerts: EntityCollection<'alert'>;
  /** Tasks. */
  readonly tasks: EntityCollection<'task'>;
  /** Deals of the acquisition pipeline, with their stage history. */
  readonly deals: DealCollection;
  /** Deal analyses. */
  readonly dealAnalyses: EntityCollection<'dealAnalysis'>;
  /** Scenarios. */
  readonly scenarios: EntityCollection<'scenario'>;
  /** Document records (metadata; bytes in the blob store). */
  readonly documents: EntityCollection<'document'>;
  /** Role assignments: readable by members, changed by owners only; a portfolio keeps at least one owner. */
  readonly roles: EntityCollection<'roleAssignment'>;
  /** The audit log, for owners. */
  readonly audit: AuditLog;
  /** Snapshot export (owners) and import. */
  readonly snapshots: SnapshotService;
  /** Portfolio KPIs for a period, per property and in total, with a by-month series (any role). */
  dashboard(params: DashboardParams): Promise<Dashboard>;
  /** The dashboard of the twelve months ending on `asOf` (see {@link TrailingDashboardParams}). */
  trailingTwelveMonths(params: TrailingDashboardParams): Promise<Dashboard>;
}

/** The SDK: user management, the local single-user mode, and sessions acting as a user. */
export interface Freehold {
  /** A session acting as `userId` (also accepted as `{ actor: userId }`). */
  as(actor: string | { readonly actor: string }): FreeholdSession;
  /** User management (trusted, app-level calls; see {@link UserService}). */
  readonly users: UserService;
  /**
   * The local single-user mode (CLI, notebooks): the default owner user, created on first use; idempotent.
   * Pass it to {@link Freehold.as} and create portfolios, which it then owns.
   */
  ensureLocalOwner(options?: { readonly email?: string; readonly name?: string }): Promise<User>;
  /** The dependencies the SDK was built with. */
  readonly dependencies: ServiceDependencies;
}

function withoutArchive<K extends CollectionType>(collection: ArchivableCollection<K>): EntityCollection<K> {
  const { archive: _archive, restore: _restore, ...rest } = collection;
  return rest;
}

function createSession(deps: ServiceDependencies, actorId: string): FreeholdSession {
  const { storage, clock, ids } = deps;
  const collection = <K extends CollectionType>(type: K) => createEntityCollection(deps, actorId, type);
  const plain = <K extends CollectionType>(type: K) => withoutArchive(collection(type));

  const contactsBase = collection('contact');
  const contacts: ContactCollection = {
    ...contactsBase,
    async erase(id) {
      const { record, access } = await loadVisibleRecord(deps, actorId, ENTITY_DESCRIPTORS.contact, id);
      requireOwner(access, 'erasing a contact');
      if (record.erasedAt !== null) return typed<'contact'>(record);
      const now = clock.now();
      const redacted = await storage.transaction((tx) =>
        eraseInUnitOfWork(tx, deps, {
          entityType: 'contact',
          record,
          portfolioId: access.portfolioId,
          actorId,
          fields: CONTACT_PERSONAL_FIELDS,
          now,
        }),
      );
      return typed<'contact'>(redacted);
    },
    async exportPersonalData(id) {
      const { record, access } = await loadVisibleRecord(deps, actorId, ENTITY_DESCRIPTORS.contact, id);
      requireOwner(access, 'exporting a contact');
      const auditEntries = await auditEntriesAbout(storage, 'contact', record.id, access.portfolioId);
      return { contact: typed<'contact'>(record), auditEntries };
    },
  };

  const dealsBase = plain('deal');
  const deals: DealCollection = {
    ...dealsBase,
    changeStage(id, stage, options) {
      const patch = { stage, stageNote: options.note ?? null };
      return dealsBase.update(id, patch as Parameters<typeof dealsBase.update>[1], options);
    },
  };

  const transactions: TransactionCollection = {
    ...plain('transaction'),
    ...createTransactionImporter(deps, actorId),
  };

  const audit: AuditLog = {
    async list(portfolioId, query = {}) {
      const checked = parseWith(IdSchema, portfolioId, 'portfolioId');
      const access = await requirePortfolioAccess(storage, actorId, checked);
      requireOwner(access, 'reading the audit log');
      return storage.listAudit({ ...query, portfolioId: checked });
    },
  };

  const snapshots: SnapshotService = {
    export(portfolioId) {
      return {
        async *[Symbol.asyncIterator]() {
          const checked = parseWith(IdSchema, portfolioId, 'portfolioId');
          const access = await requirePortfolioAccess(storage, actorId, checked);
          requireOwner(access, 'exporting a snapshot');
          yield* exportSnapshot({ repository: storage, portfolioId: checked, clock });
        },
      };
    },
    async import(lines) {
      const actor = await storage.get('user', actorId);
      if (!actor || actor.erasedAt !== null) {
        throw new PermissionError(`user ${actorId} does not exist: create the user first`);
      }
      return importSnapshot({ repository: storage, clock, ids, actorId, lines, grantOwnerTo: actorId });
    },
  };

  return {
    actorId,
    async me() {
      const user = await storage.get('user', actorId);
      if (!user) throw new NotFoundError('user', actorId);
      return user;
    },
    portfolios: createPortfolioService(deps, actorId),
    properties: collection('property'),
    valuations: plain('valuation'),
    units: collection('unit'),
    contacts,
    leases: collection('lease'),
    loans: collection('loan'),
    transactions,
    categories: collection('category'),
    recurringCharges: plain('recurringCharge'),
    budgets: plain('budget'),
    alerts: plain('alert'),
    tasks: plain('task'),
    deals,
    dealAnalyses: plain('dealAnalysis'),
    scenarios: plain('scenario'),
    documents: plain('document'),
    roles: plain('roleAssignment'),
    audit,
    snapshots,
    dashboard: (params) => computeDashboard(deps, actorId, params),
    trailingTwelveMonths: (params) => computeTrailingDashboard(deps, actorId, params),
  };
}

/**
 * Creates the SDK over a storage adapter, a clock and an id generator (all injected: nothing reads the machine's
 * clock or randomness by itself).
 * @example
 * ```ts
 * const sdk = createFreehold({ storage: createMemoryRepository(), clock: systemClock, ids: uuidV7Ids({ clock: systemClock }) });
 * const me = await sdk.ensureLocalOwner();
 * const session = sdk.as(me.id);
 * const portfolio = await session.portfolios.create({ name: 'Main' });
 * ```
 */
export function createFreehold(options: FreeholdOptions): Freehold {
  const deps: ServiceDependencies = { storage: options.storage, clock: options.clock, ids: options.ids };
  const users = createUserService(deps);
  return {
    as(actor) {
      const id = typeof actor === 'string' ? actor : actor?.actor;
      return createSession(deps, parseWith(IdSchema, id, 'actor'));
    },
    users,
    ensureLocalOwner: (ensureOptions) => ensureLocalOwner(users, ensureOptions),
    dependencies: deps,
  };
}
