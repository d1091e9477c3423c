export * from './amortize.js';
export * from './depreciation.js';
export * from './time-value.js';
