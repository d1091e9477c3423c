/**
 * `@freehold/engine`: the pure domain engine of Freehold — exact money and dates, entity schemas,
 * time-value functions, amortization and property metrics. No I/O; runs in Node, Deno, Bun and browsers.
 * @packageDocumentation
 */
export * from './domain/index.js';
export * from './errors.js';
export * from './finance/index.js';
export * from './metrics/index.js';
export * from './ports/index.js';
export * from './services/index.js';
export * from './snapshot/index.js';
