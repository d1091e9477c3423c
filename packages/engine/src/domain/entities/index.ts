/**
 * Entity schemas (zod) and their inferred types, one file per entity or small group; see DATA-MODEL.md.
 * @module
 */
export * from './address.js';
export * from './alert.js';
export * from './audit.js';
export * from './budget.js';
export * from './category.js';
export * from './contact.js';
export * from './deal.js';
export * from './deal-analysis.js';
export * from './document.js';
export * from './entity-schemas.js';
export * from './entity-types.js';
export * from './lease.js';
export * from './loan.js';
export * from './portfolio.js';
export * from './property.js';
export * from './recurring-charge.js';
export * from './rrule.js';
export * from './scenario.js';
export * from './task.js';
export * from './transaction.js';
export * from './unit.js';
export * from './user.js';
export * from './valuation.js';
export * from './values.js';
