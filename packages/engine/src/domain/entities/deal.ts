/**
 * Deal: a prospective acquisition moving through the pipeline (lead → … → closed or dead).
 * @module
 */
import { z } from 'zod';
import { AddressSchema } from './address.js';
import { PropertyTypeSchema } from './property.js';
import {
  addFieldIssue,
  DEFAULT_MONEY_SCHEMAS,
  IdSchema,
  InstantSchema,
  type MoneySchemas,
  nullableDefault,
  optionalTextSchema,
  patchShape,
  recordFields,
  textSchema,
} from './values.js';

/** Pipeline stage of a deal. */
export const DealStageSchema = z.enum(['lead', 'analysing', 'offer', 'under_contract', 'closed', 'dead']);
/** Pipeline stage of a deal. */
export type DealStage = z.output<typeof DealStageSchema>;

/** One entry of a deal's stage history: the stage entered, when, and an optional note. */
export const DealStageChangeSchema = z.strictObject({
  /** Stage entered. */
  stage: DealStageSchema,
  /** When it was entered. */
  at: InstantSchema,
  /** Why, or what happened. */
  note: optionalTextSchema(2000),
});
/** One entry of a deal's stage history. */
export type DealStageChange = z.output<typeof DealStageChangeSchema>;

interface DealChecked {
  stage?: DealStage;
  stageHistory?: readonly { stage: DealStage; at: string }[];
}

function checkDeal(value: DealChecked, ctx: z.RefinementCtx): void {
  const history = value.stageHistory ?? [];
  history.forEach((change, index) => {
    const previous = history[index - 1];
    if (previous && change.at < previous.at) {
      addFieldIssue(
        ctx,
        ['stageHistory', index, 'at'],
        'an instant not before the previous stage change',
        'stage history must be in time order',
        change.at,
      );
    }
  });
  const last = history[history.length - 1];
  if (last && value.stage !== undefined && last.stage !== value.stage) {
    addFieldIssue(
      ctx,
      ['stage'],
      `the stage of the last stage history entry (${last.stage})`,
      `must equal the last stageHistory entry (${last.stage})`,
      value.stage,
    );
  }
}

/** Builds the deal schemas for a currency's money schemas. */
export function createDealSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** Display name. */
    name: textSchema(200),
    /** Postal address of the property offered. */
    address: AddressSchema,
    /** Kind of real estate, when known. */
    propertyType: nullableDefault(PropertyTypeSchema),
    /** Number of units, when known. */
    unitCount: nullableDefault(z.int().min(1).max(100_000)),
    /** Asking price. */
    askingPrice: money.nonNegative,
    /** Current stage (default lead). */
    stage: DealStageSchema.default('lead'),
    /** Listing page, when any. */
    listingUrl: nullableDefault(z.url().max(2000)),
    /** The property created when the deal closed. */
    propertyId: nullableDefault(IdSchema),
    /** Free-form notes. */
    notes: optionalTextSchema(10_000),
  };
  const history = {
    /** Stages entered, oldest first; the last one equals `stage`. Maintained by the service. */
    stageHistory: z.array(DealStageChangeSchema).max(1000).default([]),
  };
  const record = z
    .strictObject({ ...recordFields, portfolioId: IdSchema, ...fields, ...history })
    .superRefine(checkDeal);
  const create = z
    .strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...fields, ...history })
    .superRefine(checkDeal);
  const update = z.strictObject(patchShape(fields));
  return { record, create, update };
}

const schemas = createDealSchemas();

/** A stored deal: name, address, asking price, pipeline stage and its history, notes. */
export const DealSchema = schemas.record;
/** A stored deal. */
export type Deal = z.infer<typeof DealSchema>;

/**
 * What a caller passes to create a deal (stage lead by default). The service records the first stage change;
 * a given history must be in time order and end with `stage`.
 */
export const DealCreateSchema = schemas.create;
/** What a caller passes to create a deal. */
export type DealCreate = z.input<typeof DealCreateSchema>;

/** A patch of a deal; a new `stage` makes the service append a stage change (the history is not patched). */
export const DealUpdateSchema = schemas.update;
/** A patch of a deal. */
export type DealUpdate = z.input<typeof DealUpdateSchema>;
