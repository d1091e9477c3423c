export * from './categories.js';
export * from './dates.js';
export * from './entities/index.js';
export * from './loan-events.js';
export * from './money.js';
export * from './validation.js';
