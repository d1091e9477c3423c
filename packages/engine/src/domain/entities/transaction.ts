/**
 * Transaction: one dated, signed, categorised movement of money (positive = money in, negative = money out).
 * @module
 */
import { z } from 'zod';
import { CategoryKeySchema, CategoryKindSchema } from './category.js';
import {
  DateSchema,
  DEFAULT_MONEY_SCHEMAS,
  IdSchema,
  type MoneySchemas,
  nullableDefault,
  optionalTextSchema,
  patchShape,
  recordFields,
} from './values.js';

/** Where a transaction came from: typed in, imported, generated from a recurring charge, or by the system. */
export const TransactionSourceSchema = z.enum(['manual', 'import', 'recurring', 'system']);
/** Where a transaction came from. */
export type TransactionSource = z.output<typeof TransactionSourceSchema>;

/** Builds the transaction schemas for a currency's money schemas. */
export function createTransactionSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** The property the money belongs to. */
    propertyId: IdSchema,
    /** The unit, when the transaction concerns one. */
    unitId: nullableDefault(IdSchema),
    /** The lease, when the transaction concerns one (rent, deposit, late fee). */
    leaseId: nullableDefault(IdSchema),
    /** The loan, when the transaction concerns one (interest, principal, proceeds). */
    loanId: nullableDefault(IdSchema),
    /** Date of the movement. */
    date: DateSchema,
    /** Signed amount: **positive = money in, negative = money out**. */
    amount: money.signed,
    /** Category key (`rent`, `repairs`, …). */
    category: CategoryKeySchema,
    /** Who was paid or who paid. */
    payee: optionalTextSchema(200),
    /** Free-form memo. */
    memo: optionalTextSchema(2000),
    /** Several transactions with the same groupId are the parts of one split payment. */
    groupId: nullableDefault(IdSchema),
    /** Reconciled against a bank statement (default false). */
    reconciled: z.boolean().default(false),
  };
  const provenance = {
    /** Origin of the transaction (default manual). */
    source: TransactionSourceSchema.default('manual'),
    /** Detail of the origin: the import profile name, or the recurring charge id. */
    sourceRef: nullableDefault(z.string().trim().min(1).max(200)),
    /** De-duplication key within (portfolio, source): the bank's transaction id, a row hash… */
    externalId: nullableDefault(z.string().trim().min(1).max(200)),
  };
  const record = z.strictObject({
    ...recordFields,
    portfolioId: IdSchema,
    ...fields,
    /** The category's kind, denormalised so that totals by kind are pushed down to storage. */
    kind: CategoryKindSchema,
    ...provenance,
  });
  const create = z.strictObject({
    id: IdSchema.optional(),
    portfolioId: IdSchema,
    ...fields,
    /** Filled by the service from the category; when given it must equal the category's kind. */
    kind: CategoryKindSchema.optional(),
    ...provenance,
  });
  const update = z.strictObject(patchShape(fields));
  return { record, create, update };
}

const schemas = createTransactionSchemas();

/**
 * A stored transaction: property (and optional unit, lease, loan), date, signed amount (positive = money in),
 * category key plus that category's kind (denormalised), payee, memo, source, de-duplication key, reconciled
 * flag, split group.
 */
export const TransactionSchema = schemas.record;
/** A stored transaction. */
export type Transaction = z.infer<typeof TransactionSchema>;

/**
 * What a caller passes to record a transaction. `kind` may be omitted: the service fills it from the category
 * (and rejects a `kind` that disagrees). Defaults: source manual, reconciled false.
 */
export const TransactionCreateSchema = schemas.create;
/** What a caller passes to record a transaction. */
export type TransactionCreate = z.input<typeof TransactionCreateSchema>;

/**
 * A patch of a transaction: property, links, date, amount, category, payee, memo, group, reconciled. The kind
 * follows the category (the service refills it); source, sourceRef and externalId are provenance and fixed.
 */
export const TransactionUpdateSchema = schemas.update;
/** A patch of a transaction. */
export type TransactionUpdate = z.input<typeof TransactionUpdateSchema>;
