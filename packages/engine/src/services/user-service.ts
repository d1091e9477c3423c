/**
 * Users at the SDK level: the embedding app authenticates people and calls these as a trusted party (there is no
 * global administrator role). Also the local single-user mode of the CLI and notebooks.
 * @module
 */
import type { AuditEntry } from '../domain/entities/audit.js';
import { EmailSchema } from '../domain/entities/contact.js';
import {
  type RoleAssignment,
  type User,
  type UserCreate,
  UserCreateSchema,
  UserSchema,
} from '../domain/entities/user.js';
import { IdSchema } from '../domain/entities/values.js';
import { parseWith } from '../domain/validation.js';
import { ConflictError, isFreeholdError, NotFoundError } from '../errors.js';
import { auditEntriesAbout, eraseInUnitOfWork, USER_PERSONAL_FIELDS } from './personal-data.js';
import { auditEntry, listAll, loose, type ServiceDependencies, typed } from './records.js';

/** Who performs an SDK-level user operation (recorded as the audit entry's actor). */
export interface ActorOption {
  /** The acting user's id; defaults to the user concerned (self-registration, self-erasure). */
  readonly actor?: string;
}

/** Everything stored about one user (the export half of "export and erase a person's data"). */
export interface UserDataExport {
  /** The user record. */
  readonly user: User;
  /** Their roles in portfolios. */
  readonly roleAssignments: RoleAssignment[];
  /** Audit entries about the user record. */
  readonly auditEntries: AuditEntry[];
}

/** User management at the SDK level. */
export interface UserService {
  /** Creates a user (email unique: a taken email is a `ConflictError`) and writes one audit entry. */
  create(input: UserCreate, options?: ActorOption): Promise<User>;
  /** The user with `id`; a `NotFoundError` when there is none. */
  get(id: string): Promise<User>;
  /** The user with this email, or null. */
  findByEmail(email: string): Promise<User | null>;
  /**
   * Erases a user's personal data: email cleared, name redacted, `erasedAt` set, the same fields redacted in
   * every audit payload about the user, and one `erase` audit entry. Erasing twice changes nothing.
   */
  erase(id: string, options?: ActorOption): Promise<User>;
  /** Everything stored about a user: the record, their role assignments, the audit entries about them. */
  exportData(id: string): Promise<UserDataExport>;
}

/** Default identity of the local single-user mode's owner. */
export const LOCAL_OWNER = { email: 'owner@freehold.local', name: 'Local owner' } as const;

/** Builds the SDK-level user operations. */
export function createUserService(deps: ServiceDependencies): UserService {
  const { storage, clock, ids } = deps;

  async function create(input: UserCreate, options: ActorOption = {}): Promise<User> {
    const parsed = parseWith(UserCreateSchema, input);
    const actor = options.actor === undefined ? undefined : parseWith(IdSchema, options.actor, 'actor');
    const now = clock.now();
    const user = parseWith(UserSchema, {
      id: parsed.id ?? ids.next(),
      version: 1,
      createdAt: now,
      updatedAt: now,
      email: parsed.email,
      name: parsed.name,
      erasedAt: null,
    });
    return storage.transaction(async (tx) => {
      await tx.insert('user', user);
      await tx.appendAudit(
        auditEntry(ids, now, {
          actorId: actor ?? user.id,
          action: 'create',
          entityType: 'user',
          entityId: user.id,
          portfolioId: null,
          after: user,
        }),
      );
      return user;
    });
  }

  async function get(id: string): Promise<User> {
    const checked = parseWith(IdSchema, id, 'id');
    const user = await storage.get('user', checked);
    if (!user) throw new NotFoundError('user', checked);
    return user;
  }

  async function findByEmail(email: string): Promise<User | null> {
    const checked = parseWith(EmailSchema, email, 'email');
    const page = await storage.list('user', { where: { email: checked }, limit: 1 });
    return page.items[0] ?? null;
  }

  async function erase(id: string, options: ActorOption = {}): Promise<User> {
    const user = await get(id);
    const actor = options.actor === undefined ? user.id : parseWith(IdSchema, options.actor, 'actor');
    if (user.erasedAt !== null) return user;
    const now = clock.now();
    return storage.transaction(async (tx) => {
      const redacted = await eraseInUnitOfWork(tx, deps, {
        entityType: 'user',
        record: loose(user),
        portfolioId: null,
        actorId: actor,
        fields: USER_PERSONAL_FIELDS,
        now,
      });
      return typed<'user'>(redacted);
    });
  }

  async function exportData(id: string): Promise<UserDataExport> {
    const user = await get(id);
    const roleAssignments = await listAll(storage, 'roleAssignment', { where: { userId: user.id } });
    const auditEntries = await auditEntriesAbout(storage, 'user', user.id);
    return { user, roleAssignments, auditEntries };
  }

  return { create, get, findByEmail, erase, exportData };
}

/**
 * The local single-user mode: returns the default owner user, creating it on first use. Idempotent — later calls
 * (and a concurrent first call) return the same user.
 */
export async function ensureLocalOwner(
  users: UserService,
  options: { readonly email?: string; readonly name?: string } = {},
): Promise<User> {
  const email = options.email ?? LOCAL_OWNER.email;
  const existing = await users.findByEmail(email);
  if (existing) return existing;
  try {
    return await users.create({ email, name: options.name ?? LOCAL_OWNER.name });
  } catch (error) {
    if (!isFreeholdError(error, 'CONFLICT')) throw error;
    const raced = await users.findByEmail(email);
    if (!raced) throw new ConflictError(`could not create the local owner ${email}`, { cause: error });
    return raced;
  }
}
