/**
 * DocumentRecord: metadata of a stored file (lease PDF, insurance policy, receipt); the bytes live in the blob
 * store under `blobKey`. Named `DocumentRecord` to avoid the DOM's global `Document`.
 * @module
 */
import { z } from 'zod';
import { EntityTypeSchema } from './entity-types.js';
import { DateSchema, IdSchema, nullableDefault, patchShape, recordFields, textSchema } from './values.js';

/** What a document is. */
export const DocumentKindSchema = z.enum([
  'lease',
  'insurance_policy',
  'tax_bill',
  'licence',
  'inspection',
  'appraisal',
  'closing',
  'loan',
  'invoice',
  'receipt',
  'statement',
  'photo',
  'other',
]);
/** What a document is. */
export type DocumentKind = z.output<typeof DocumentKindSchema>;

/** A link from a document to an entity it concerns. */
export const DocumentLinkSchema = z.strictObject({
  entityType: EntityTypeSchema,
  entityId: IdSchema,
});
/** A link from a document to an entity it concerns. */
export type DocumentLink = z.output<typeof DocumentLinkSchema>;

/** A MIME type such as `application/pdf`. */
export const ContentTypeSchema = z
  .string()
  .regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(?:\s*;.*)?$/i)
  .max(200);

const editable = {
  /** What it is. */
  kind: DocumentKindSchema,
  /** Display title. */
  title: textSchema(300),
  /** Entities it concerns (a property, a lease, a loan…). */
  links: z.array(DocumentLinkSchema).max(100).default([]),
  /** Expiry (policy end, licence end), or null. */
  expiryDate: nullableDefault(DateSchema),
};
const blob = {
  /** Key of the bytes in the blob store. */
  blobKey: z.string().min(1).max(1024),
  /** MIME type, when known. */
  contentType: nullableDefault(ContentTypeSchema),
  /** Size in bytes, when known. */
  size: nullableDefault(z.int().min(0)),
  /** SHA-256 of the bytes in lower-case hex, when known. */
  sha256: nullableDefault(z.string().regex(/^[0-9a-f]{64}$/)),
};

/** A stored document record: kind, title, links to entities, expiry date, and the blob's key, type, size, hash. */
export const DocumentRecordSchema = z.strictObject({
  ...recordFields,
  portfolioId: IdSchema,
  ...editable,
  ...blob,
});
/** A stored document record. */
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

/** What a caller passes to register a document whose bytes were put in the blob store under `blobKey`. */
export const DocumentRecordCreateSchema = z.strictObject({
  id: IdSchema.optional(),
  portfolioId: IdSchema,
  ...editable,
  ...blob,
});
/** What a caller passes to register a document. */
export type DocumentRecordCreate = z.input<typeof DocumentRecordCreateSchema>;

/** A patch of a document record: kind, title, links, expiry date (the blob is fixed; upload a new document). */
export const DocumentRecordUpdateSchema = z.strictObject(patchShape(editable));
/** A patch of a document record. */
export type DocumentRecordUpdate = z.input<typeof DocumentRecordUpdateSchema>;
