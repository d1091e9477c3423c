/**
 * Category: a named bucket of transactions within one {@link CategoryKind}; built-in ones map to Schedule E.
 * @module
 */
import { z } from 'zod';
import { CATEGORY_KINDS } from '../categories.js';
import {
  ArchivedAtSchema,
  IdSchema,
  nullableDefault,
  omitKeys,
  patchShape,
  recordFields,
  textSchema,
} from './values.js';

/** A category kind (see `CATEGORY_KINDS`): decides which metrics a transaction counts in. */
export const CategoryKindSchema = z.enum(CATEGORY_KINDS);

/**
 * A category key: lower-case ASCII letters and digits in words joined by `_` (`repairs`, `pool_service`),
 * at most 64 characters. Stored on transactions, recurring charges and budgets.
 */
export const CategoryKeySchema = z.custom<string>(
  (value) => typeof value === 'string' && value.length <= 64 && /^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(value),
  {
    params: { expected: 'a category key of lower-case letters and digits joined by _ (e.g. repairs)' },
    message: 'expected a category key such as repairs',
  },
);

/** A Schedule E (Form 1040) Part I line: its number (3–19) and label. */
export const ScheduleELineSchema = z.strictObject({
  line: z.int().min(3).max(19),
  label: textSchema(100),
});

const categoryFields = {
  /** Stable key stored on transactions; unique within the portfolio. Fixed once created. */
  key: CategoryKeySchema,
  /** Display name. */
  name: textSchema(100),
  /** Economic kind; fixed once created (transactions carry it denormalised). */
  kind: CategoryKindSchema,
  /** Schedule E line it reports on, or null. */
  scheduleELine: nullableDefault(ScheduleELineSchema),
  /** True for the default categories (created with the portfolio). */
  builtIn: z.boolean().default(false),
};

/** A stored category: key, name, kind, optional Schedule E line, built-in flag. */
export const CategorySchema = z.strictObject({
  ...recordFields,
  portfolioId: IdSchema,
  ...categoryFields,
  archivedAt: ArchivedAtSchema,
});
/** A stored category. */
export type Category = z.infer<typeof CategorySchema>;

/** What a caller passes to create a category: key, name and kind (always), optionally a Schedule E line. */
export const CategoryCreateSchema = z.strictObject({
  id: IdSchema.optional(),
  portfolioId: IdSchema,
  ...categoryFields,
});
/** What a caller passes to create a category. */
export type CategoryCreate = z.input<typeof CategoryCreateSchema>;

/**
 * A patch of a category: name and Schedule E line. Key and kind are fixed: transactions store both, so a change
 * would leave them stale (create a new category and re-categorise instead).
 */
export const CategoryUpdateSchema = z.strictObject(
  patchShape(omitKeys(categoryFields, ['key', 'kind', 'builtIn'])),
);
/** A patch of a category. */
export type CategoryUpdate = z.input<typeof CategoryUpdateSchema>;
