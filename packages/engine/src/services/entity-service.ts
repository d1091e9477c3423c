/**
 * The generic entity service: create, get, list, update, archive, restore and delete for every entity type of
 * {@link ENTITY_DESCRIPTORS}, in the order validate → authorise → load → compute → save → audit. Reads and checks
 * that decide the write happen through the unit of work's own reader; inside it only `tx` is awaited.
 * @module
 */
import {
  type EntityCreateInput,
  type EntityUpdateInput,
  entitySchemasFor,
} from '../domain/entities/entity-schemas.js';
import type { Portfolio } from '../domain/entities/portfolio.js';
import type { RoleAssignment } from '../domain/entities/user.js';
import { IdSchema } from '../domain/entities/values.js';
import { parseWith } from '../domain/validation.js';
import { ConflictError, NotFoundError, PermissionError, ValidationError } from '../errors.js';
import {
  FILTER_FIELDS,
  type ListQuery,
  type Page,
  type RecordOf,
  type RepositoryReader,
  type UnitOfWork,
} from '../ports/repository.js';
import {
  type Access,
  canRead,
  canWrite,
  loadAccess,
  type RecordScope,
  requireOwner,
  requirePortfolioAccess,
  requireWritable,
} from './access.js';
import {
  type CollectionType,
  type DependentRule,
  deleteBlockers,
  ENTITY_DESCRIPTORS,
  type EntityDescriptor,
} from './entity-descriptors.js';
import { CONTACT_PERSONAL_FIELDS } from './personal-data.js';
import {
  auditEntry,
  definedFields,
  isPlainObject,
  jsonEqual,
  type LooseRecord,
  loose,
  type ServiceDependencies,
  typed,
  WALK_PAGE_SIZE,
} from './records.js';
import { checkReferences, type ResolvedReferences } from './references.js';

/** Options of an update: the version the caller read (a stale one is a `ConflictError`). */
export interface UpdateOptions {
  /** The `version` of the record the patch was made against. */
  readonly expectedVersion: number;
}

/** Options of archive, restore and delete: optionally the version the caller read. */
export interface WriteOptions {
  /** The `version` the caller read; when omitted, the version loaded by the service is used. */
  readonly expectedVersion?: number;
}

/**
 * The operations every entity collection of a session offers. Records are returned as stored; money is a decimal
 * string with the portfolio currency's minor digits.
 */
export interface EntityCollection<K extends CollectionType> {
  /**
   * Validates `input` (a `ValidationError` naming each bad field, nothing written), checks that referenced
   * records exist in the same portfolio, stores the record with a new id, version 1 and the clock's instant, and
   * writes one audit entry (`create`, after = the record).
   */
  create(input: EntityCreateInput<K>): Promise<RecordOf<K>>;
  /** The record with `id`; a `NotFoundError` when it does not exist or the actor may not see it. */
  get(id: string): Promise<RecordOf<K>>;
  /**
   * One page of the portfolio's records (the port's stable order and cursor). `where` filters on the type's
   * filterable fields; `portfolioId` is always the one given. A scoped manager's pages hold only what they may
   * see, so a page may be shorter than `limit` while `nextCursor` is not null.
   */
  list(portfolioId: string, query?: ListQuery<K>): Promise<Page<RecordOf<K>>>;
  /**
   * Applies a patch: only the given fields change (`null` clears an optional one), the merged record is
   * re-validated, `version` goes up by one, one audit entry records before and after. A stale
   * `expectedVersion` is a `ConflictError`. A patch that changes nothing (empty, or every value equal to the stored
   * one) is a no-op: after the same validation, permission and version checks, the stored record is returned
   * unchanged — no write, no version bump, no audit entry. Only fields that change have their references re-checked.
   */
  update(id: string, patch: EntityUpdateInput<K>, options: UpdateOptions): Promise<RecordOf<K>>;
  /**
   * Deletes the record and writes one audit entry (before = the record). Refused with a `ConflictError` while
   * other records depend on it — for properties, units, leases and loans (and categories) once any transaction
   * refers to them: archive those instead; for a contact while any lease of the portfolio (archived or not) names
   * it among its `tenantIds` or any loan as its `lenderContactId`; for any record but a role assignment while a
   * document of the portfolio links to it (archive it or unlink the document first). The message names one
   * referring record — unless the actor may not read it (a scoped manager, a record of another property): then it
   * says only what kind of record refers to it, never its id.
   */
  delete(id: string, options?: WriteOptions): Promise<void>;
}

/** A collection whose records are archived (`archivedAt`) rather than deleted once history refers to them. */
export interface ArchivableCollection<K extends CollectionType> extends EntityCollection<K> {
  /** Sets `archivedAt` to the clock's instant (version + 1, one audit entry); archiving twice changes nothing. */
  archive(id: string, options?: WriteOptions): Promise<RecordOf<K>>;
  /** Clears `archivedAt` (version + 1, one audit entry, action `restore`). */
  restore(id: string, options?: WriteOptions): Promise<RecordOf<K>>;
}

/** What a record-addressed operation loaded before deciding anything. */
export interface LoadedRecord {
  /** The stored record. */
  readonly record: LooseRecord;
  /** Its portfolio. */
  readonly portfolio: Portfolio;
  /** The actor's access there. */
  readonly access: Access;
}

/** Where a record sits for access control, by its type's scope rule. */
export function scopeOf(descriptor: EntityDescriptor, record: LooseRecord): RecordScope {
  const rule = descriptor.scope;
  switch (rule.kind) {
    case 'self':
      return { kind: 'property', propertyId: record.id };
    case 'property': {
      const propertyId = record.propertyId;
      if (typeof propertyId === 'string') return { kind: 'property', propertyId };
      return { kind: 'portfolio', scopedManagerMayWrite: rule.scopedManagerMayWrite };
    }
    case 'portfolio':
      return { kind: 'portfolio', scopedManagerMayWrite: rule.scopedManagerMayWrite };
  }
}

/** Reads `portfolioId` from an untrusted input before anything else; a `ValidationError` naming it otherwise. */
export function readPortfolioId(input: unknown, path = 'portfolioId'): string {
  const value = isPlainObject(input) ? input.portfolioId : undefined;
  return parseWith(IdSchema, value, path);
}

/** Reads an `expectedVersion` option: an integer ≥ 1 (`undefined` allowed when not required). */
export function readExpectedVersion(options: unknown, required: true): number;
export function readExpectedVersion(options: unknown, required: false): number | undefined;
export function readExpectedVersion(options: unknown, required: boolean): number | undefined {
  const value = isPlainObject(options) ? options.expectedVersion : undefined;
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw ValidationError.field(
      'expectedVersion',
      'the integer version (≥ 1) of the record the change is based on',
      value === undefined ? 'expectedVersion: required' : `expectedVersion: expected an integer ≥ 1`,
    );
  }
  return value;
}

/** A `ConflictError` unless the stored record still has the version the caller read. */
export function assertVersion(record: LooseRecord, expected: number | undefined, label: string): number {
  if (expected !== undefined && record.version !== expected) {
    throw new ConflictError(
      `${label} ${record.id} is at version ${record.version}, not ${expected}: reload it and retry`,
    );
  }
  return record.version;
}

/** The fields of a parsed patch whose value differs from the stored record's (deep JSON equality). */
export function withoutUnchanged(
  changes: Record<string, unknown>,
  stored: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (!jsonEqual(value, stored[field])) out[field] = value;
  }
  return out;
}

/** True when two versions of a record hold the same content, ignoring `version` and `updatedAt`. */
export function sameContent(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  return jsonEqual(
    { ...before, version: undefined, updatedAt: undefined },
    { ...after, version: undefined, updatedAt: undefined },
  );
}

/** Loads a portfolio's record; a `NotFoundError` when missing (callers have checked access first). */
export async function loadPortfolio(deps: ServiceDependencies, portfolioId: string): Promise<Portfolio> {
  const portfolio = await deps.storage.get('portfolio', portfolioId);
  if (!portfolio) throw new NotFoundError('portfolio', portfolioId);
  return portfolio;
}

/**
 * Loads a record named by id with its portfolio and the actor's access: a `NotFoundError` when it does not exist
 * or the actor may not see it (see `access.ts`).
 */
export async function loadVisibleRecord(
  deps: ServiceDependencies,
  actorId: string,
  descriptor: EntityDescriptor,
  id: string,
): Promise<LoadedRecord> {
  const checkedId = parseWith(IdSchema, id, 'id');
  const found = await deps.storage.get(descriptor.type, checkedId);
  if (!found) throw new NotFoundError(descriptor.type, checkedId);
  const record = loose(found);
  const portfolioId = record.portfolioId;
  if (typeof portfolioId !== 'string') throw new NotFoundError(descriptor.type, checkedId);
  const access = await loadAccess(deps.storage, actorId, portfolioId);
  if (!access || !canRead(access, scopeOf(descriptor, record))) {
    throw new NotFoundError(descriptor.type, checkedId);
  }
  return { record, portfolio: await loadPortfolio(deps, portfolioId), access };
}

/** Type-specific steps of create and update (deal stage history, transaction kinds, owner guard). */
interface Hooks {
  /** Completes a new record after its references were resolved (inside the unit of work, synchronous). */
  completeCreate?(record: LooseRecord, resolved: ResolvedReferences, now: string): LooseRecord;
  /** Completes an updated record after its references were resolved. */
  completeUpdate?(
    before: LooseRecord,
    next: LooseRecord,
    patch: Record<string, unknown>,
    resolved: ResolvedReferences,
    now: string,
  ): LooseRecord;
  /** Extra checks before an update or delete is written (inside the unit of work). */
  guardChange?(tx: UnitOfWork, before: LooseRecord, after: LooseRecord | null): Promise<void>;
}

function kindFromCategory(record: LooseRecord, resolved: ResolvedReferences): LooseRecord {
  const category = resolved.category;
  if (!category) return record;
  if (record.kind !== undefined && record.kind !== null && record.kind !== category.kind) {
    throw ValidationError.field(
      'kind',
      `the kind of category ${category.key} (${category.kind}), or nothing`,
      `kind: ${String(record.kind)} disagrees with category ${category.key}, whose kind is ${category.kind}`,
    );
  }
  return { ...record, kind: category.kind };
}

async function guardLastOwner(tx: UnitOfWork, before: LooseRecord, after: LooseRecord | null): Promise<void> {
  if (before.role !== 'owner' || after?.role === 'owner') return;
  const portfolioId = before.portfolioId as string;
  let owners = 0;
  let cursor: string | null = null;
  do {
    const page: Page<RoleAssignment> = await tx.list('roleAssignment', {
      where: { portfolioId },
      limit: 1000,
      cursor,
    });
    owners += page.items.filter((assignment) => assignment.role === 'owner').length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  if (owners <= 1) {
    throw new ConflictError(`portfolio ${portfolioId} must keep at least one owner`);
  }
}

/**
 * An erased contact keeps only redacted personal fields: an update that writes any of them again is refused (the
 * person asked to be forgotten; create a new contact for new details). Other fields may still change.
 */
async function guardErasedContact(
  _tx: UnitOfWork,
  before: LooseRecord,
  after: LooseRecord | null,
): Promise<void> {
  if (before.erasedAt === null || after === null) return;
  for (const field of Object.keys(CONTACT_PERSONAL_FIELDS)) {
    if (!jsonEqual(before[field], after[field])) {
      throw ValidationError.field(
        field,
        'no change: the contact was erased',
        `${field}: contact ${String(before.id)} was erased, so its personal data cannot be written again; create a new contact instead`,
      );
    }
  }
}

const HOOKS: Partial<Record<CollectionType, Hooks>> = {
  contact: { guardChange: guardErasedContact },
  transaction: {
    completeCreate: (record, resolved) => kindFromCategory(record, resolved),
    completeUpdate: (_before, next, patch, resolved) =>
      patch.category === undefined ? next : kindFromCategory({ ...next, kind: undefined }, resolved),
  },
  deal: {
    completeCreate(record, _resolved, now) {
      const history = Array.isArray(record.stageHistory) ? record.stageHistory : [];
      if (history.length > 0) return record;
      return { ...record, stageHistory: [{ stage: record.stage, at: now, note: null }] };
    },
    completeUpdate(before, next, patch, _resolved, now) {
      if (patch.stage === undefined || patch.stage === before.stage) return next;
      const history = Array.isArray(before.stageHistory) ? before.stageHistory : [];
      const note = typeof patch.stageNote === 'string' ? patch.stageNote : null;
      return { ...next, stageHistory: [...history, { stage: patch.stage, at: now, note }] };
    },
  },
  roleAssignment: { guardChange: guardLastOwner },
};

/**
 * Separates a deal patch's `stageNote` (the note of the stage change the patch makes; not a stored field) from the
 * fields of the patch.
 */
function splitStageNote(
  type: CollectionType,
  patch: unknown,
): { patchInput: unknown; stageNote?: string | null } {
  if (type !== 'deal' || !isPlainObject(patch) || !('stageNote' in patch)) return { patchInput: patch };
  const { stageNote, ...rest } = patch;
  if (stageNote === null || stageNote === undefined) return { patchInput: rest, stageNote: null };
  if (typeof stageNote !== 'string' || stageNote.trim().length > 2000) {
    throw ValidationError.field('stageNote', 'a note of at most 2000 characters, or null');
  }
  return { patchInput: rest, stageNote: stageNote.trim() === '' ? null : stageNote.trim() };
}

function requireRoleWrite(descriptor: EntityDescriptor, access: Access, what: string): void {
  if (descriptor.ownerOnly) requireOwner(access, `${what} ${descriptor.type}`);
}

/**
 * Builds the collection of one entity type for an actor. The implementation is shared by every type; the
 * descriptor supplies what differs.
 */
export function createEntityCollection<K extends CollectionType>(
  deps: ServiceDependencies,
  actorId: string,
  type: K,
): ArchivableCollection<K> {
  const descriptor: EntityDescriptor = ENTITY_DESCRIPTORS[type];
  const hooks: Hooks = HOOKS[type] ?? {};
  const { storage, clock, ids } = deps;

  async function create(input: EntityCreateInput<K>): Promise<RecordOf<K>> {
    const portfolioId = readPortfolioId(input);
    const access = await requirePortfolioAccess(storage, actorId, portfolioId);
    requireRoleWrite(descriptor, access, 'create');
    const portfolio = await loadPortfolio(deps, portfolioId);
    const schemas = entitySchemasFor(portfolio.currency)[type];
    const parsed = parseWith(schemas.create, input) as Record<string, unknown>;
    const now = clock.now();
    const draft: LooseRecord = {
      ...descriptor.initial,
      ...parsed,
      id: typeof parsed.id === 'string' ? parsed.id : ids.next(),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    // Creating addresses the portfolio: a record the actor may not write there is a PermissionError.
    if (!canWrite(access, scopeOf(descriptor, draft))) {
      throw new PermissionError(
        `the ${access.role} role may not create this ${type} in portfolio ${portfolioId}`,
      );
    }
    return storage.transaction(async (tx) => {
      const resolved = await checkReferences(tx, descriptor, draft, portfolioId);
      const completed = hooks.completeCreate ? hooks.completeCreate(draft, resolved, now) : draft;
      const record = parseWith(schemas.record, completed) as LooseRecord;
      await tx.insert(type, typed<K>(record));
      await tx.appendAudit(
        auditEntry(ids, now, {
          actorId,
          action: 'create',
          entityType: type,
          entityId: record.id,
          portfolioId,
          after: record,
        }),
      );
      return typed<K>(record);
    });
  }

  async function get(id: string): Promise<RecordOf<K>> {
    const { record } = await loadVisibleRecord(deps, actorId, descriptor, id);
    return typed<K>(record);
  }

  async function list(portfolioId: string, query: ListQuery<K> = {}): Promise<Page<RecordOf<K>>> {
    const checkedId = parseWith(IdSchema, portfolioId, 'portfolioId');
    const access = await requirePortfolioAccess(storage, actorId, checkedId);
    const where: Record<string, unknown> = { ...(query.where ?? {}), portfolioId: checkedId };
    const scoped = access.propertyIds;
    if (scoped !== null && descriptor.scope.kind === 'property' && !descriptor.scope.nullable) {
      if (where.propertyId === undefined) where.propertyId = [...scoped];
    }
    const page = await storage.list(type, { ...query, where: where as ListQuery<K>['where'] });
    if (scoped === null) return page;
    return {
      items: page.items.filter((item) => canRead(access, scopeOf(descriptor, loose(item)))),
      nextCursor: page.nextCursor,
    };
  }

  async function update(
    id: string,
    patch: EntityUpdateInput<K>,
    options: UpdateOptions,
  ): Promise<RecordOf<K>> {
    const expectedVersion = readExpectedVersion(options, true);
    const { record: before, portfolio, access } = await loadVisibleRecord(deps, actorId, descriptor, id);
    requireRoleWrite(descriptor, access, 'update');
    requireWritable(access, scopeOf(descriptor, before), type, before.id, 'update');
    const schemas = entitySchemasFor(portfolio.currency)[type];
    const { patchInput, stageNote } = splitStageNote(type, patch);
    const given = definedFields(parseWith(schemas.update, patchInput) as Record<string, unknown>);
    assertVersion(before, expectedVersion, type);
    // Only fields whose value differs from the stored one are changes; a patch without any is a no-op.
    const changes = withoutUnchanged(given, before);
    if (Object.keys(changes).length === 0) return typed<K>(before);
    const now = clock.now();
    const merged: LooseRecord = {
      ...before,
      ...changes,
      id: before.id,
      version: before.version + 1,
      updatedAt: now,
    };
    if (!canWrite(access, scopeOf(descriptor, merged))) {
      throw new PermissionError(`the ${access.role} role may not move ${type} ${before.id} there`);
    }
    const parsedPatch = stageNote === undefined ? changes : { ...changes, stageNote };
    const changed = new Set(Object.keys(changes));
    return storage.transaction(async (tx) => {
      const resolved = await checkReferences(tx, descriptor, merged, before.portfolioId as string, changed);
      const completed = hooks.completeUpdate
        ? hooks.completeUpdate(before, merged, parsedPatch, resolved, now)
        : merged;
      const record = parseWith(schemas.record, completed) as LooseRecord;
      // Values that differ only in how they were written (a rate as a number or a string…) may still store the same.
      if (sameContent(before, record)) return typed<K>(before);
      if (hooks.guardChange) await hooks.guardChange(tx, before, record);
      await tx.update(type, typed<K>(record), expectedVersion);
      await tx.appendAudit(
        auditEntry(ids, now, {
          actorId,
          action: 'update',
          entityType: type,
          entityId: record.id,
          portfolioId: record.portfolioId as string,
          before,
          after: record,
        }),
      );
      return typed<K>(record);
    });
  }

  async function setArchived(id: string, options: WriteOptions | undefined, archive: boolean) {
    const expectedVersion = readExpectedVersion(options, false);
    if (!descriptor.archivable) {
      throw new ValidationError({
        path: '',
        expected: 'an entity type that can be archived',
        message: `${type} records cannot be archived: delete them instead`,
      });
    }
    const { record: before, access } = await loadVisibleRecord(deps, actorId, descriptor, id);
    const action = archive ? 'archive' : 'restore';
    requireRoleWrite(descriptor, access, action);
    requireWritable(access, scopeOf(descriptor, before), type, before.id, action);
    const version = assertVersion(before, expectedVersion, type);
    if ((before.archivedAt !== null) === archive) return typed<K>(before);
    const now = clock.now();
    const record: LooseRecord = {
      ...before,
      archivedAt: archive ? now : null,
      version: version + 1,
      updatedAt: now,
    };
    return storage.transaction(async (tx) => {
      await tx.update(type, typed<K>(record), version);
      await tx.appendAudit(
        auditEntry(ids, now, {
          actorId,
          action,
          entityType: type,
          entityId: record.id,
          portfolioId: record.portfolioId as string,
          before,
          after: record,
        }),
      );
      return typed<K>(record);
    });
  }

  async function remove(id: string, options?: WriteOptions): Promise<void> {
    const expectedVersion = readExpectedVersion(options, false);
    const { record: before, access } = await loadVisibleRecord(deps, actorId, descriptor, id);
    requireRoleWrite(descriptor, access, 'delete');
    requireWritable(access, scopeOf(descriptor, before), type, before.id, 'delete');
    const version = assertVersion(before, expectedVersion, type);
    const portfolioId = before.portfolioId as string;
    const now = clock.now();
    await storage.transaction(async (tx) => {
      await guardDelete(tx, descriptor, before, portfolioId, access);
      if (hooks.guardChange) await hooks.guardChange(tx, before, null);
      await tx.delete(type, before.id, version);
      await tx.appendAudit(
        auditEntry(ids, now, {
          actorId,
          action: 'delete',
          entityType: type,
          entityId: before.id,
          portfolioId,
          before,
        }),
      );
    });
  }

  return {
    create,
    get,
    list,
    update,
    delete: remove,
    archive: (id, options) => setArchived(id, options, true),
    restore: (id, options) => setArchived(id, options, false),
  };
}

/**
 * Refuses a delete while history refers to the record: a transaction (money has touched it — archive instead), a
 * dependent record of the descriptor's list, or a document linking to it (see {@link deleteBlockers}). A referring
 * record the actor may not read is described without its id. Runs inside the unit of work.
 *
 * Alerts that name the record (`entityType`/`entityId`) deliberately do not block: an alert is history of what was
 * noticed, and keeps the id of a record deleted since.
 */
export async function guardDelete(
  tx: UnitOfWork,
  descriptor: EntityDescriptor,
  record: LooseRecord,
  portfolioId: string,
  access: Access,
): Promise<void> {
  const guard = descriptor.moneyGuard;
  if (guard) {
    const value = guard === 'category' ? record.key : record.id;
    const touched = await tx.list('transaction', {
      where: { portfolioId, [guard]: value as string },
      limit: 1,
    });
    if (touched.items.length > 0) {
      const advice = descriptor.archivable ? ': archive it instead' : '';
      throw new ConflictError(
        `${descriptor.type} ${record.id} cannot be deleted: transactions refer to it${advice}`,
      );
    }
  }
  for (const dependent of deleteBlockers(descriptor)) {
    const referrer = await findReferrer(tx, dependent, { type: descriptor.type, id: record.id }, portfolioId);
    if (referrer !== null) throw refusedDelete(descriptor, record, dependent, referrer, access);
  }
}

function refusedDelete(
  descriptor: EntityDescriptor,
  record: LooseRecord,
  dependent: DependentRule,
  referrer: LooseRecord,
  access: Access,
): ConflictError {
  const archive = descriptor.archivable;
  const advice = dependent.links
    ? `: ${archive ? 'archive it or ' : ''}unlink the document first`
    : archive
      ? ': archive it instead'
      : '';
  const subject = `${descriptor.type} ${record.id} cannot be deleted`;
  if (!canRead(access, scopeOf(ENTITY_DESCRIPTORS[dependent.type], referrer))) {
    // Only property-scoped records are unreadable, to a manager scoped to other properties: keep their ids secret.
    const article = /^[aeiou]/.test(dependent.type) ? 'an' : 'a';
    return new ConflictError(
      `${subject}: ${article} ${dependent.type} on a property outside your scope refers to it ` +
        `(field ${dependent.field})${advice}`,
    );
  }
  return new ConflictError(
    `${subject} while ${dependent.label} refer to it ` +
      `(${dependent.type} ${referrer.id}, field ${dependent.field})${advice}`,
  );
}

/** The record a {@link findReferrer} search looks for references to. */
export interface ReferencedRecord {
  /** Its entity type (what a document link names). */
  readonly type: CollectionType;
  /** Its id. */
  readonly id: string;
}

/**
 * One record of `dependent.type` in the portfolio that refers to `target` through `dependent.field`, or null; the
 * target itself never counts (a document linking to itself). A filterable scalar field is one query of one record;
 * any other field (a list of ids, document links) is found by walking the portfolio's pages (one page in memory at
 * a time, stopping at the first match). Awaits only `reader`, so it runs inside a unit of work.
 */
export async function findReferrer(
  reader: RepositoryReader,
  dependent: DependentRule,
  target: ReferencedRecord,
  portfolioId: string,
): Promise<LooseRecord | null> {
  const filterable = (FILTER_FIELDS[dependent.type] as readonly string[]).includes(dependent.field);
  if (filterable && !dependent.many && !dependent.links) {
    const page = await reader.list(dependent.type, {
      where: { portfolioId, [dependent.field]: target.id } as ListQuery<typeof dependent.type>['where'],
      // A record of the target's own type may be the target itself: then one more is needed.
      limit: dependent.type === target.type ? 2 : 1,
    });
    return page.items.map(loose).find((item) => !isTarget(dependent, item, target)) ?? null;
  }
  let cursor: string | null = null;
  do {
    const page: Page<RecordOf<typeof dependent.type>> = await reader.list(dependent.type, {
      where: { portfolioId } as ListQuery<typeof dependent.type>['where'],
      limit: WALK_PAGE_SIZE,
      cursor,
    });
    for (const item of page.items.map(loose)) {
      if (refersTo(dependent, item[dependent.field], target) && !isTarget(dependent, item, target)) {
        return item;
      }
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return null;
}

function isTarget(dependent: DependentRule, item: LooseRecord, target: ReferencedRecord): boolean {
  return dependent.type === target.type && item.id === target.id;
}

function refersTo(dependent: DependentRule, value: unknown, target: ReferencedRecord): boolean {
  if (dependent.links) {
    return (
      Array.isArray(value) &&
      value.some(
        (link) => isPlainObject(link) && link.entityType === target.type && link.entityId === target.id,
      )
    );
  }
  return dependent.many ? Array.isArray(value) && value.includes(target.id) : value === target.id;
}
