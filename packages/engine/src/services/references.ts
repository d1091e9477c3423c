/**
 * Reference checks: every id a record holds must name an existing record of the same portfolio (and, where the
 * table says so, of the same property); a category key must name one of the portfolio's categories. A failed
 * check is a `ValidationError` naming the field — the same message whether the target is missing or belongs to
 * another portfolio, so nothing about other portfolios leaks.
 * @module
 */
import type { Category } from '../domain/entities/category.js';
import { isEntityType } from '../domain/entities/entity-types.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { RecordType, RepositoryReader } from '../ports/repository.js';
import type { EntityDescriptor, ReferenceRule } from './entity-descriptors.js';
import { isPlainObject, type LooseRecord } from './records.js';

/** What the checks found that the caller needs: the category a `category` key named. */
export interface ResolvedReferences {
  /** The category named by the record's `category` field, when the type has one. */
  category?: Category;
}

function issue(path: string, expected: string, message: string): ValidationIssue {
  return { path, expected, message: `${path}: ${message}` };
}

/** The category with `key` in the portfolio, or null. */
export async function findCategory(
  reader: RepositoryReader,
  portfolioId: string,
  key: string,
): Promise<Category | null> {
  const page = await reader.list('category', { where: { portfolioId, key }, limit: 1 });
  return page.items[0] ?? null;
}

async function checkRecordRef(
  reader: RepositoryReader,
  target: Exclude<RecordType, 'portfolio'>,
  id: string,
  path: string,
  portfolioId: string,
  record: LooseRecord,
  sameProperty: boolean,
  issues: ValidationIssue[],
): Promise<void> {
  const found = await reader.get(target, id);
  if (target === 'user') {
    if (!found) issues.push(issue(path, 'the id of an existing user', `no user with id ${id}`));
    return;
  }
  const referenced = found as { portfolioId?: unknown; propertyId?: unknown } | null;
  if (!referenced || referenced.portfolioId !== portfolioId) {
    issues.push(
      issue(path, `the id of a ${target} of this portfolio`, `no ${target} with id ${id} in this portfolio`),
    );
    return;
  }
  const ownProperty = record.propertyId;
  if (sameProperty && typeof ownProperty === 'string' && referenced.propertyId !== ownProperty) {
    issues.push(
      issue(
        path,
        `the id of a ${target} of property ${ownProperty}`,
        `${target} ${id} belongs to another property`,
      ),
    );
  }
}

async function checkLink(
  reader: RepositoryReader,
  entityType: unknown,
  entityId: unknown,
  path: string,
  portfolioId: string,
  record: LooseRecord,
  issues: ValidationIssue[],
): Promise<void> {
  if (typeof entityId !== 'string' || !isEntityType(entityType)) return;
  if (entityType === 'auditEntry') {
    issues.push(issue(path, 'a link to a record (not an audit entry)', 'cannot link to an audit entry'));
    return;
  }
  if (entityType === 'portfolio') {
    if (entityId !== portfolioId) {
      issues.push(issue(path, 'the id of this portfolio', `portfolio ${entityId} is not this portfolio`));
    }
    return;
  }
  await checkRecordRef(reader, entityType, entityId, path, portfolioId, record, false, issues);
}

async function checkRule(
  reader: RepositoryReader,
  rule: ReferenceRule,
  record: LooseRecord,
  portfolioId: string,
  issues: ValidationIssue[],
  resolved: ResolvedReferences,
): Promise<void> {
  const value = record[rule.field];
  if (value === null || value === undefined) return;
  switch (rule.target) {
    case 'categoryKey': {
      if (typeof value !== 'string') return;
      const category = await findCategory(reader, portfolioId, value);
      if (!category) {
        issues.push(
          issue(
            rule.field,
            'the key of one of the portfolio categories',
            `no category with key ${JSON.stringify(value)} in this portfolio`,
          ),
        );
      } else {
        resolved.category = category;
      }
      return;
    }
    case 'links': {
      if (!Array.isArray(value)) return;
      for (const [index, link] of value.entries()) {
        if (!isPlainObject(link)) continue;
        await checkLink(
          reader,
          link.entityType,
          link.entityId,
          `links.${index}.entityId`,
          portfolioId,
          record,
          issues,
        );
      }
      return;
    }
    case 'entityLink':
      await checkLink(reader, record.entityType, value, rule.field, portfolioId, record, issues);
      return;
    default: {
      const ids = rule.many ? (Array.isArray(value) ? value : []) : [value];
      for (const [index, id] of ids.entries()) {
        if (typeof id !== 'string') continue;
        const path = rule.many ? `${rule.field}.${index}` : rule.field;
        await checkRecordRef(
          reader,
          rule.target,
          id,
          path,
          portfolioId,
          record,
          rule.sameProperty ?? false,
          issues,
        );
      }
    }
  }
}

/**
 * Checks the references of `record` (all of them, or only those in `fields` for a patch) and throws one
 * `ValidationError` listing every failing field. Awaits only `reader`'s methods, so it runs inside a unit of work.
 */
export async function checkReferences(
  reader: RepositoryReader,
  descriptor: EntityDescriptor,
  record: LooseRecord,
  portfolioId: string,
  fields?: ReadonlySet<string>,
): Promise<ResolvedReferences> {
  const issues: ValidationIssue[] = [];
  const resolved: ResolvedReferences = {};
  for (const rule of descriptor.refs) {
    const related = rule.target === 'entityLink' ? [rule.field, 'entityType'] : [rule.field];
    // A change of the record's property re-checks every same-property reference.
    const touched =
      fields === undefined ||
      related.some((field) => fields.has(field)) ||
      (rule.sameProperty === true && fields.has('propertyId'));
    if (!touched) continue;
    await checkRule(reader, rule, record, portfolioId, issues, resolved);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return resolved;
}
