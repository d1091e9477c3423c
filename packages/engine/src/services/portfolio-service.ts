/**
 * Portfolios: creating one (its creator becomes owner and its categories are seeded from the defaults, all in
 * one unit of work with one audit entry), reading, updating settings, archiving and deleting.
 * @module
 */
import { DEFAULT_CATEGORIES } from '../domain/categories.js';
import type { Category } from '../domain/entities/category.js';
import {
  mergePortfolioSettings,
  type Portfolio,
  type PortfolioCreate,
  PortfolioCreateSchema,
  PortfolioSchema,
  type PortfolioSettingsPatch,
  type PortfolioUpdate,
  PortfolioUpdateSchema,
} from '../domain/entities/portfolio.js';
import type { RoleAssignment } from '../domain/entities/user.js';
import { IdSchema } from '../domain/entities/values.js';
import { parseWith } from '../domain/validation.js';
import { ConflictError, PermissionError } from '../errors.js';
import type { RecordType } from '../ports/repository.js';
import { requireOwner, requirePortfolioAccess } from './access.js';
import {
  assertVersion,
  readExpectedVersion,
  sameContent,
  type UpdateOptions,
  type WriteOptions,
} from './entity-service.js';
import { auditEntry, definedFields, listAll, type ServiceDependencies } from './records.js';

/** The portfolio operations of a session. */
export interface PortfolioService {
  /**
   * Creates a portfolio (currency USD unless given; default settings), makes the actor its owner and seeds its
   * categories from `DEFAULT_CATEGORIES` — one unit of work, one audit entry (`create portfolio`, whose details
   * name the owner role and count the categories).
   */
  create(input: PortfolioCreate): Promise<Portfolio>;
  /** The portfolio; a `PermissionError` when the actor has no role in it (or it does not exist). */
  get(portfolioId: string): Promise<Portfolio>;
  /** Every portfolio in which the actor has a role, ordered by id. */
  list(): Promise<Portfolio[]>;
  /**
   * Owner only: name, fiscal year start, settings (merged field by field). The currency never changes. A patch
   * that changes nothing returns the portfolio unchanged (no write, no version bump, no audit entry) once the
   * owner and `expectedVersion` checks pass.
   */
  update(portfolioId: string, patch: PortfolioUpdate, options: UpdateOptions): Promise<Portfolio>;
  /** Owner only: sets `archivedAt`. */
  archive(portfolioId: string, options?: WriteOptions): Promise<Portfolio>;
  /** Owner only: clears `archivedAt`. */
  restore(portfolioId: string, options?: WriteOptions): Promise<Portfolio>;
  /**
   * Owner only: deletes an empty portfolio together with its categories and role assignments (one audit entry).
   * A portfolio that holds any other record is a `ConflictError`: archive it instead.
   */
  delete(portfolioId: string, options?: WriteOptions): Promise<void>;
}

/** Record types that make a portfolio non-empty (its categories and roles are deleted with it). */
const CONTENT_TYPES = [
  'property',
  'valuation',
  'unit',
  'contact',
  'lease',
  'loan',
  'transaction',
  'recurringCharge',
  'budget',
  'alert',
  'task',
  'deal',
  'dealAnalysis',
  'scenario',
  'document',
] as const satisfies readonly RecordType[];

/** The category records seeded into a new portfolio. */
export function defaultCategoryRecords(portfolioId: string, now: string, nextId: () => string): Category[] {
  return DEFAULT_CATEGORIES.map((definition) => ({
    id: nextId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    portfolioId,
    key: definition.key,
    name: definition.name,
    kind: definition.kind,
    scheduleELine: definition.scheduleELine
      ? { line: definition.scheduleELine.line, label: definition.scheduleELine.label }
      : null,
    builtIn: true,
    archivedAt: null,
  }));
}

/** Builds the portfolio operations for an actor. */
export function createPortfolioService(deps: ServiceDependencies, actorId: string): PortfolioService {
  const { storage, clock, ids } = deps;

  async function ownedPortfolio(portfolioId: string, what: string): Promise<Portfolio> {
    const checkedId = parseWith(IdSchema, portfolioId, 'portfolioId');
    const access = await requirePortfolioAccess(storage, actorId, checkedId);
    requireOwner(access, what);
    const portfolio = await storage.get('portfolio', checkedId);
    if (!portfolio) throw new PermissionError(`user ${actorId} has no role in portfolio ${checkedId}`);
    return portfolio;
  }

  async function create(input: PortfolioCreate): Promise<Portfolio> {
    const parsed = parseWith(PortfolioCreateSchema, input);
    const actor = await storage.get('user', actorId);
    if (!actor || actor.erasedAt !== null) {
      throw new PermissionError(`user ${actorId} does not exist: create the user first`);
    }
    const now = clock.now();
    const portfolio = parseWith(PortfolioSchema, {
      ...parsed,
      id: parsed.id ?? ids.next(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
    });
    const owner: RoleAssignment = {
      id: ids.next(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      portfolioId: portfolio.id,
      userId: actorId,
      role: 'owner',
      propertyIds: null,
    };
    const categories = defaultCategoryRecords(portfolio.id, now, () => ids.next());
    return storage.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('roleAssignment', owner);
      await tx.insertMany('category', categories);
      await tx.appendAudit(
        auditEntry(ids, now, {
          actorId,
          action: 'create',
          entityType: 'portfolio',
          entityId: portfolio.id,
          portfolioId: portfolio.id,
          after: portfolio,
          details: { ownerRoleAssignmentId: owner.id, categoriesSeeded: categories.length },
        }),
      );
      return portfolio;
    });
  }

  async function get(portfolioId: string): Promise<Portfolio> {
    const checkedId = parseWith(IdSchema, portfolioId, 'portfolioId');
    await requirePortfolioAccess(storage, actorId, checkedId);
    const portfolio = await storage.get('portfolio', checkedId);
    if (!portfolio) throw new PermissionError(`user ${actorId} has no role in portfolio ${checkedId}`);
    return portfolio;
  }

  async function list(): Promise<Portfolio[]> {
    const assignments = await listAll(storage, 'roleAssignment', { where: { userId: actorId } });
    const out: Portfolio[] = [];
    for (const assignment of assignments) {
      const portfolio = await storage.get('portfolio', assignment.portfolioId);
      if (portfolio) out.push(portfolio);
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async function write(
    before: Portfolio,
    after: Portfolio,
    expectedVersion: number,
    action: 'update' | 'archive' | 'restore',
    now: string,
  ): Promise<Portfolio> {
    return storage.transaction(async (tx) => {
      await tx.update('portfolio', after, expectedVersion);
      await tx.appendAudit(
        auditEntry(ids, now, {
          actorId,
          action,
          entityType: 'portfolio',
          entityId: after.id,
          portfolioId: after.id,
          before,
          after,
        }),
      );
      return after;
    });
  }

  async function update(
    portfolioId: string,
    patch: PortfolioUpdate,
    options: UpdateOptions,
  ): Promise<Portfolio> {
    const expectedVersion = readExpectedVersion(options, true);
    const before = await ownedPortfolio(portfolioId, 'updating a portfolio');
    const parsed = parseWith(PortfolioUpdateSchema, patch);
    assertVersion(before, expectedVersion, 'portfolio');
    const { settings, ...fields } = parsed;
    const now = clock.now();
    const after = parseWith(PortfolioSchema, {
      ...before,
      ...definedFields(fields),
      settings:
        settings === undefined
          ? before.settings
          : mergePortfolioSettings(before.settings, settings as PortfolioSettingsPatch),
      version: before.version + 1,
      updatedAt: now,
    });
    // A patch that changes nothing writes nothing (no version bump, no audit entry).
    if (sameContent(before, after)) return before;
    return write(before, after, expectedVersion, 'update', now);
  }

  async function setArchived(portfolioId: string, options: WriteOptions | undefined, archive: boolean) {
    const expectedVersion = readExpectedVersion(options, false);
    const before = await ownedPortfolio(
      portfolioId,
      archive ? 'archiving a portfolio' : 'restoring a portfolio',
    );
    const version = assertVersion(before, expectedVersion, 'portfolio');
    if ((before.archivedAt !== null) === archive) return before;
    const now = clock.now();
    const after: Portfolio = {
      ...before,
      archivedAt: archive ? now : null,
      version: version + 1,
      updatedAt: now,
    };
    return write(before, after, version, archive ? 'archive' : 'restore', now);
  }

  async function remove(portfolioId: string, options?: WriteOptions): Promise<void> {
    const expectedVersion = readExpectedVersion(options, false);
    const before = await ownedPortfolio(portfolioId, 'deleting a portfolio');
    const version = assertVersion(before, expectedVersion, 'portfolio');
    const now = clock.now();
    await storage.transaction(async (tx) => {
      for (const type of CONTENT_TYPES) {
        const page = await tx.list(type, { where: { portfolioId: before.id }, limit: 1 });
        if (page.items.length > 0) {
          throw new ConflictError(`portfolio ${before.id} still holds ${type} records: archive it instead`);
        }
      }
      const categories = await listAll(tx, 'category', { where: { portfolioId: before.id } });
      const roles = await listAll(tx, 'roleAssignment', { where: { portfolioId: before.id } });
      for (const category of categories) await tx.delete('category', category.id, category.version);
      for (const role of roles) await tx.delete('roleAssignment', role.id, role.version);
      await tx.delete('portfolio', before.id, version);
      await tx.appendAudit(
        auditEntry(ids, now, {
          actorId,
          action: 'delete',
          entityType: 'portfolio',
          entityId: before.id,
          portfolioId: before.id,
          before,
          details: { categoriesDeleted: categories.length, roleAssignmentsDeleted: roles.length },
        }),
      );
    });
  }

  return {
    create,
    get,
    list,
    update,
    archive: (id, options) => setArchived(id, options, true),
    restore: (id, options) => setArchived(id, options, false),
    delete: remove,
  };
}
