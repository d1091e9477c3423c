/**
 * Contact: a person or company the portfolio deals with (tenant, vendor, lender…). Personal data, erasable.
 * @module
 */
import { z } from 'zod';
import { AddressSchema } from './address.js';
import {
  ArchivedAtSchema,
  IdSchema,
  InstantSchema,
  nullableDefault,
  optionalTextSchema,
  patchShape,
  recordFields,
  textSchema,
} from './values.js';

/** The role a contact plays. */
export const ContactKindSchema = z.enum(['tenant', 'vendor', 'lender', 'insurer', 'manager', 'other']);
/** The role a contact plays. */
export type ContactKind = z.output<typeof ContactKindSchema>;

/** An email address (trimmed). */
export const EmailSchema = z.string().trim().max(320).pipe(z.email());

const contactFields = {
  /** The role the contact plays. */
  kind: ContactKindSchema,
  /** Full name or company name. */
  name: textSchema(200),
  /** Company, when the contact is a person at one. */
  company: optionalTextSchema(200),
  /** Email address. */
  email: nullableDefault(EmailSchema),
  /** Phone number, as written. */
  phone: optionalTextSchema(40),
  /** Postal address. */
  address: nullableDefault(AddressSchema),
  /** Free-form notes. */
  notes: optionalTextSchema(10_000),
};

/**
 * A stored contact. `erasedAt` is set when the person's data was erased: then name, email, phone, address and
 * notes hold only redacted values.
 */
export const ContactSchema = z.strictObject({
  ...recordFields,
  portfolioId: IdSchema,
  ...contactFields,
  erasedAt: InstantSchema.nullable(),
  archivedAt: ArchivedAtSchema,
});
/** A stored contact. */
export type Contact = z.infer<typeof ContactSchema>;

/** What a caller passes to create a contact: kind and name; the rest optional. */
export const ContactCreateSchema = z.strictObject({
  id: IdSchema.optional(),
  portfolioId: IdSchema,
  ...contactFields,
});
/** What a caller passes to create a contact. */
export type ContactCreate = z.input<typeof ContactCreateSchema>;

/** A patch of a contact (`null` clears an optional field). Erasure is its own operation, not a patch. */
export const ContactUpdateSchema = z.strictObject(patchShape(contactFields));
/** A patch of a contact. */
export type ContactUpdate = z.input<typeof ContactUpdateSchema>;
