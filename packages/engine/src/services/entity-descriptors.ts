/**
 * The table that drives the generic entity service: for each entity type kept in a portfolio, where it sits for
 * access control, which other records it refers to (checked to exist in the same portfolio), whether it is
 * archived rather than deleted once money has touched it, and what blocks its deletion.
 * @module
 */
import type { RecordType } from '../ports/repository.js';

/** Entity types the generic service manages inside a portfolio (everything but portfolios, users and audit). */
export type CollectionType = Exclude<RecordType, 'portfolio' | 'user'>;

/** How a record of a type is placed for access control (see `access.ts`). */
export type ScopeRule =
  /** The record is a property: its own id is the scope. */
  | { readonly kind: 'self' }
  /** The record belongs to the property in `propertyId`; when nullable and null it is portfolio-level. */
  | { readonly kind: 'property'; readonly nullable: boolean; readonly scopedManagerMayWrite: boolean }
  /** The record is portfolio-level. */
  | { readonly kind: 'portfolio'; readonly scopedManagerMayWrite: boolean };

/** A field that refers to another record, checked on create and when a patch changes it. */
export interface ReferenceRule {
  /** The field holding the reference (an id, a list of ids, or a category key). */
  readonly field: string;
  /** What it refers to: a record type in the same portfolio, a category key, a user, or document-style links. */
  readonly target: Exclude<RecordType, 'portfolio'> | 'categoryKey' | 'links' | 'entityLink';
  /** The field holds a list of ids. */
  readonly many?: boolean;
  /** The referenced record must belong to the same property as the referring one (when it has one). */
  readonly sameProperty?: boolean;
}

/**
 * A record type whose records point at this one, blocking deletion. When the field is one of the type's
 * `FILTER_FIELDS`, one filtered query of a single record answers; otherwise the portfolio's records of that type are
 * walked page by page (bounded memory, stopping at the first match) — keep such walks to types whose count per
 * portfolio stays modest (leases, loans, documents).
 */
export interface DependentRule {
  /** The referring type. */
  readonly type: Exclude<RecordType, 'portfolio' | 'user'>;
  /** Its field holding this record's id, or a list of ids (`many`). */
  readonly field: string;
  /** The field holds a list of ids (e.g. a lease's `tenantIds`); such a field is never filterable. */
  readonly many?: boolean;
  /**
   * The field holds document-style links `{ entityType, entityId }` (a document's `links`); one refers to the record
   * when both its type and its id match. Never filterable, never with `many`.
   */
  readonly links?: boolean;
  /** Plural noun for messages. */
  readonly label: string;
}

/** Everything the generic service needs to know about one entity type. */
export interface EntityDescriptor {
  /** The entity type key. */
  readonly type: CollectionType;
  /** Placement for access control. */
  readonly scope: ScopeRule;
  /** References to check. */
  readonly refs: readonly ReferenceRule[];
  /** Records carry `archivedAt` and can be archived and restored. */
  readonly archivable: boolean;
  /**
   * Deletion is refused (`ConflictError`: archive instead) once a transaction refers to the record through this
   * transaction field; the value compared is the record's `id`, or its `key` for categories.
   */
  readonly moneyGuard?: 'propertyId' | 'unitId' | 'leaseId' | 'loanId' | 'category';
  /** Records that block deletion while they exist. */
  readonly dependents: readonly DependentRule[];
  /** Record fields the create schema lacks, with their initial values. */
  readonly initial: Readonly<Record<string, unknown>>;
  /** Only owners may create, change or delete these (role assignments). */
  readonly ownerOnly?: boolean;
}

const portfolioLevel = (scopedManagerMayWrite: boolean): ScopeRule => ({
  kind: 'portfolio',
  scopedManagerMayWrite,
});
const ofProperty: ScopeRule = { kind: 'property', nullable: false, scopedManagerMayWrite: false };
const ofPropertyOrPortfolio = (scopedManagerMayWrite: boolean): ScopeRule => ({
  kind: 'property',
  nullable: true,
  scopedManagerMayWrite,
});

const property = (field = 'propertyId'): ReferenceRule => ({ field, target: 'property' });

/** The descriptor of every entity type the generic service manages. */
export const ENTITY_DESCRIPTORS: { readonly [K in CollectionType]: EntityDescriptor & { readonly type: K } } =
  {
    property: {
      type: 'property',
      scope: { kind: 'self' },
      refs: [],
      archivable: true,
      moneyGuard: 'propertyId',
      dependents: [
        { type: 'unit', field: 'propertyId', label: 'units' },
        { type: 'lease', field: 'propertyId', label: 'leases' },
        { type: 'loan', field: 'propertyId', label: 'loans' },
        { type: 'valuation', field: 'propertyId', label: 'valuations' },
        { type: 'recurringCharge', field: 'propertyId', label: 'recurring charges' },
        { type: 'budget', field: 'propertyId', label: 'budgets' },
        { type: 'alert', field: 'propertyId', label: 'alerts' },
        { type: 'task', field: 'propertyId', label: 'tasks' },
        { type: 'scenario', field: 'propertyId', label: 'scenarios' },
      ],
      initial: { archivedAt: null },
    },
    valuation: {
      type: 'valuation',
      scope: ofProperty,
      refs: [property()],
      archivable: false,
      dependents: [],
      initial: {},
    },
    unit: {
      type: 'unit',
      scope: ofProperty,
      refs: [property()],
      archivable: true,
      moneyGuard: 'unitId',
      dependents: [{ type: 'lease', field: 'unitId', label: 'leases' }],
      initial: { archivedAt: null },
    },
    contact: {
      type: 'contact',
      scope: portfolioLevel(true),
      refs: [],
      archivable: true,
      // Neither field is filterable: the guard walks the portfolio's leases and loans.
      dependents: [
        { type: 'lease', field: 'tenantIds', many: true, label: 'leases' },
        { type: 'loan', field: 'lenderContactId', label: 'loans' },
      ],
      initial: { erasedAt: null, archivedAt: null },
    },
    lease: {
      type: 'lease',
      scope: ofProperty,
      refs: [
        property(),
        { field: 'unitId', target: 'unit', sameProperty: true },
        { field: 'tenantIds', target: 'contact', many: true },
        { field: 'previousLeaseId', target: 'lease' },
      ],
      archivable: true,
      moneyGuard: 'leaseId',
      dependents: [],
      initial: { archivedAt: null },
    },
    loan: {
      type: 'loan',
      scope: ofProperty,
      refs: [property(), { field: 'lenderContactId', target: 'contact' }],
      archivable: true,
      moneyGuard: 'loanId',
      dependents: [],
      initial: { archivedAt: null },
    },
    transaction: {
      type: 'transaction',
      scope: ofProperty,
      refs: [
        property(),
        { field: 'unitId', target: 'unit', sameProperty: true },
        { field: 'leaseId', target: 'lease', sameProperty: true },
        { field: 'loanId', target: 'loan', sameProperty: true },
        { field: 'category', target: 'categoryKey' },
      ],
      archivable: false,
      dependents: [],
      initial: {},
    },
    category: {
      type: 'category',
      scope: portfolioLevel(false),
      refs: [],
      archivable: true,
      moneyGuard: 'category',
      dependents: [],
      initial: { archivedAt: null },
    },
    recurringCharge: {
      type: 'recurringCharge',
      scope: ofProperty,
      refs: [
        property(),
        { field: 'unitId', target: 'unit', sameProperty: true },
        { field: 'leaseId', target: 'lease', sameProperty: true },
        { field: 'loanId', target: 'loan', sameProperty: true },
        { field: 'category', target: 'categoryKey' },
      ],
      archivable: false,
      dependents: [],
      initial: {},
    },
    budget: {
      type: 'budget',
      scope: ofProperty,
      refs: [property(), { field: 'category', target: 'categoryKey' }],
      archivable: false,
      dependents: [],
      initial: {},
    },
    alert: {
      type: 'alert',
      scope: ofPropertyOrPortfolio(false),
      refs: [property(), { field: 'entityId', target: 'entityLink' }],
      archivable: false,
      dependents: [],
      initial: {},
    },
    task: {
      type: 'task',
      scope: ofPropertyOrPortfolio(true),
      refs: [
        property(),
        { field: 'unitId', target: 'unit', sameProperty: true },
        { field: 'assigneeId', target: 'user' },
        { field: 'alertId', target: 'alert' },
      ],
      archivable: false,
      dependents: [],
      initial: {},
    },
    deal: {
      type: 'deal',
      scope: portfolioLevel(false),
      refs: [property()],
      archivable: false,
      dependents: [
        { type: 'dealAnalysis', field: 'dealId', label: 'deal analyses' },
        { type: 'scenario', field: 'dealId', label: 'scenarios' },
      ],
      initial: {},
    },
    dealAnalysis: {
      type: 'dealAnalysis',
      scope: portfolioLevel(false),
      refs: [{ field: 'dealId', target: 'deal' }],
      archivable: false,
      dependents: [],
      initial: {},
    },
    scenario: {
      type: 'scenario',
      scope: ofPropertyOrPortfolio(false),
      refs: [property(), { field: 'dealId', target: 'deal' }],
      archivable: false,
      dependents: [],
      initial: {},
    },
    document: {
      type: 'document',
      scope: portfolioLevel(true),
      refs: [{ field: 'links', target: 'links' }],
      archivable: false,
      dependents: [],
      initial: {},
    },
    roleAssignment: {
      type: 'roleAssignment',
      scope: portfolioLevel(false),
      refs: [
        { field: 'userId', target: 'user' },
        { field: 'propertyIds', target: 'property', many: true },
      ],
      archivable: false,
      dependents: [],
      initial: {},
      ownerOnly: true,
    },
  };

/**
 * Documents link to records of every type the generic service manages (`links: [{ entityType, entityId }]`): a
 * record that a document of its portfolio links to is not deleted — archive it, or unlink the document first. A
 * document's own links never block deleting that document. `links` is not filterable, so the guard walks the
 * portfolio's documents page by page.
 */
export const DOCUMENT_LINKS: DependentRule = {
  type: 'document',
  field: 'links',
  links: true,
  label: 'documents',
};

/**
 * Types whose deletion documents' links do not block. Role assignments: revoking access must never wait on records
 * that the people concerned can write themselves (managers write documents); a link to a revoked role is left as is.
 */
const NOT_GUARDED_BY_DOCUMENT_LINKS: ReadonlySet<CollectionType> = new Set(['roleAssignment']);

/** The rules that block deleting a record of `descriptor`'s type: its own dependents, then documents' links. */
export function deleteBlockers(descriptor: EntityDescriptor): readonly DependentRule[] {
  if (NOT_GUARDED_BY_DOCUMENT_LINKS.has(descriptor.type)) return descriptor.dependents;
  return [...descriptor.dependents, DOCUMENT_LINKS];
}
