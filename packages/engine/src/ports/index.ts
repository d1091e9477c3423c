export * from './clock.js';
export * from './ids.js';
export * from './paging.js';
export * from './repository.js';
