/**
 * `@freehold/engine/testing`: fast-check arbitraries for Freehold's domain — values (money, dates, rates),
 * entity create inputs, fully formed stored records, and whole consistent portfolios. Used by the storage
 * conformance kit and by round-trip tests; fast-check is an optional peer dependency of the engine.
 * @module
 */
export * from './create-inputs.js';
export * from './portfolio-data.js';
export * from './records.js';
export * from './values.js';
