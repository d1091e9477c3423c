/**
 * Roles per portfolio and what each may do.
 *
 * | role | read | create / update / archive / delete records | roles, audit log, snapshot export, portfolio settings and deletion |
 * |---|---|---|---|
 * | owner | everything | everything | yes |
 * | manager | everything (a scoped manager: its properties and the portfolio-level records) | within its scope | no |
 * | viewer | everything | no | no |
 * | no role | no | no | no |
 *
 * A manager scoped to `propertyIds` sees and changes only records of those properties, plus portfolio-level
 * records: it may read all of them and write the shared ones (contacts, documents, tasks without a property),
 * but not the portfolio's configuration or pipeline (categories, deals, deal analyses, scenarios of deals,
 * portfolio-wide alerts).
 *
 * **Not leaking existence.** The portfolio is the unit of access:
 * - a call that names a portfolio (create, list, import, dashboard, audit, export) by an actor without a role in
 *   it is a `PermissionError`, whether or not the portfolio exists;
 * - a call that names a record by id (get, update, archive, delete, erase) is a `NotFoundError` when the record
 *   does not exist **or is not visible to the actor** (no role in its portfolio, or outside a scoped manager's
 *   properties) — the two cases are indistinguishable;
 * - a visible record the actor's role may not change is a `PermissionError`.
 * @module
 */
import type { RoleAssignment } from '../domain/entities/user.js';
import { NotFoundError, PermissionError } from '../errors.js';
import type { RepositoryReader } from '../ports/repository.js';

/** What an actor may do in one portfolio, from their role assignment. */
export interface Access {
  /** The acting user. */
  readonly actorId: string;
  /** The portfolio. */
  readonly portfolioId: string;
  /** The actor's role there. */
  readonly role: RoleAssignment['role'];
  /** The properties a scoped manager is limited to; `null` when not limited. */
  readonly propertyIds: ReadonlySet<string> | null;
}

/** Where a record sits for access purposes: in one property, or at portfolio level. */
export type RecordScope =
  | { readonly kind: 'property'; readonly propertyId: string }
  | { readonly kind: 'portfolio'; readonly scopedManagerMayWrite: boolean };

/** Loads the actor's role in a portfolio, or `null` when they have none. */
export async function loadAccess(
  reader: RepositoryReader,
  actorId: string,
  portfolioId: string,
): Promise<Access | null> {
  const page = await reader.list('roleAssignment', { where: { portfolioId, userId: actorId }, limit: 1 });
  const assignment = page.items[0];
  if (!assignment) return null;
  return {
    actorId,
    portfolioId,
    role: assignment.role,
    propertyIds:
      assignment.role === 'manager' && assignment.propertyIds !== null
        ? new Set(assignment.propertyIds)
        : null,
  };
}

/** The actor's access to a portfolio named in the call; a `PermissionError` when they have no role there. */
export async function requirePortfolioAccess(
  reader: RepositoryReader,
  actorId: string,
  portfolioId: string,
): Promise<Access> {
  const access = await loadAccess(reader, actorId, portfolioId);
  if (!access) throw new PermissionError(`user ${actorId} has no role in portfolio ${portfolioId}`);
  return access;
}

/** True when the actor may see a record in `scope`. */
export function canRead(access: Access, scope: RecordScope): boolean {
  if (access.propertyIds === null || scope.kind === 'portfolio') return true;
  return access.propertyIds.has(scope.propertyId);
}

/** True when the actor may create, update, archive or delete a record in `scope` (not roles: see {@link isOwner}). */
export function canWrite(access: Access, scope: RecordScope): boolean {
  if (access.role === 'owner') return true;
  if (access.role === 'viewer') return false;
  if (access.propertyIds === null) return true;
  return scope.kind === 'portfolio' ? scope.scopedManagerMayWrite : access.propertyIds.has(scope.propertyId);
}

/** True for the portfolio's owners. */
export function isOwner(access: Access): boolean {
  return access.role === 'owner';
}

/** A `PermissionError` unless the actor owns the portfolio. */
export function requireOwner(access: Access, what: string): void {
  if (!isOwner(access)) {
    throw new PermissionError(`${what} requires the owner role in portfolio ${access.portfolioId}`);
  }
}

/**
 * Asserts the actor may write a record they can see: a `NotFoundError` when it is invisible to them (see the module
 * notes), a `PermissionError` when visible but their role forbids the change.
 */
export function requireWritable(
  access: Access,
  scope: RecordScope,
  entityType: string,
  entityId: string,
  what: string,
): void {
  if (!canRead(access, scope)) throw new NotFoundError(entityType, entityId);
  if (!canWrite(access, scope)) {
    throw new PermissionError(`the ${access.role} role may not ${what} ${entityType} ${entityId}`);
  }
}
