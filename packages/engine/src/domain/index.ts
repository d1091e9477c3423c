export * from './dates.js';
export * from './money.js';
