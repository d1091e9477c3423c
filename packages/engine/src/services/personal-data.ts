/**
 * Erasure and export of a person's data (users and contacts). Erasing redacts the personal fields of the record
 * and of every audit payload about it (through the port's `redactAudit`), and records the erasure itself with one
 * audit entry whose `before` is null (so the erased data is not copied into the log again).
 *
 * Limits: free text elsewhere (a transaction's payee or memo, a document title) may name a person; it is not
 * searched. Ids are not personal data and stay, so history keeps its links.
 * @module
 */
import type { AuditEntry } from '../domain/entities/audit.js';
import { ContactSchema } from '../domain/entities/contact.js';
import { UserSchema } from '../domain/entities/user.js';
import type { JsonObject, JsonValue } from '../domain/entities/values.js';
import { parseWith } from '../domain/validation.js';
import type { UnitOfWork } from '../ports/repository.js';
import { auditEntry, type LooseRecord, type ServiceDependencies } from './records.js';

/** The name an erased person's record keeps (names are required fields). */
export const ERASED_NAME = '[erased]';

/** Personal fields of a contact and the value each becomes on erasure. */
export const CONTACT_PERSONAL_FIELDS: Readonly<Record<string, JsonValue>> = {
  name: ERASED_NAME,
  company: null,
  email: null,
  phone: null,
  address: null,
  notes: null,
};

/** Personal fields of a user and the value each becomes on erasure. */
export const USER_PERSONAL_FIELDS: Readonly<Record<string, JsonValue>> = {
  email: null,
  name: ERASED_NAME,
};

/** A copy of `payload` with each personal field present replaced by its redacted value. */
export function redactPayload(
  payload: JsonObject | null,
  fields: Readonly<Record<string, JsonValue>>,
): JsonObject | null {
  if (payload === null) return null;
  const out: JsonObject = { ...payload };
  for (const [field, value] of Object.entries(fields)) if (field in out) out[field] = value;
  return out;
}

/** A copy of a record with its personal fields redacted, `erasedAt` set and the version bumped. */
export function redactRecord(
  record: LooseRecord,
  fields: Readonly<Record<string, JsonValue>>,
  now: string,
): LooseRecord {
  return { ...record, ...fields, erasedAt: now, version: record.version + 1, updatedAt: now };
}

/** Every audit entry about one entity, read inside a unit of work. */
export async function auditEntriesAbout(
  reader: Pick<UnitOfWork, 'listAudit'>,
  entityType: string,
  entityId: string,
  portfolioId?: string | null,
): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await reader.listAudit({
      ...(portfolioId === undefined ? {} : { portfolioId }),
      entityType,
      entityId,
      limit: 1000,
      cursor,
    });
    for (const entry of page.items) out.push(entry);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

/** What {@link eraseInUnitOfWork} needs to know. */
export interface ErasureFacts {
  /** The entity type (`user` or `contact`). */
  readonly entityType: 'user' | 'contact';
  /** The stored record, before erasure. */
  readonly record: LooseRecord;
  /** The record's portfolio (null for users). */
  readonly portfolioId: string | null;
  /** Who erases. */
  readonly actorId: string;
  /** Personal fields and their redacted values. */
  readonly fields: Readonly<Record<string, JsonValue>>;
  /** The instant of the erasure. */
  readonly now: string;
}

/**
 * Erases a person's data inside a unit of work: updates the record to its redacted form, redacts the `before` and
 * `after` payloads of every audit entry about it, and appends one `erase` entry. Returns the redacted record.
 */
export async function eraseInUnitOfWork(
  tx: UnitOfWork,
  deps: Pick<ServiceDependencies, 'ids'>,
  facts: ErasureFacts,
): Promise<LooseRecord> {
  const { record, fields, now } = facts;
  const redacted = redactRecord(record, fields, now);
  if (facts.entityType === 'user') {
    await tx.update('user', parseWith(UserSchema, redacted), record.version);
  } else {
    await tx.update('contact', parseWith(ContactSchema, redacted), record.version);
  }
  const entries = await auditEntriesAbout(tx, facts.entityType, record.id);
  await tx.redactAudit(
    entries.map((entry) => ({
      id: entry.id,
      before: redactPayload(entry.before, fields),
      after: redactPayload(entry.after, fields),
      details: entry.details,
    })),
  );
  await tx.appendAudit(
    auditEntry(deps.ids, now, {
      actorId: facts.actorId,
      action: 'erase',
      entityType: facts.entityType,
      entityId: record.id,
      portfolioId: facts.portfolioId,
      before: null,
      after: redacted,
      details: { redactedFields: Object.keys(fields), redactedAuditEntries: entries.length },
    }),
  );
  return redacted;
}
