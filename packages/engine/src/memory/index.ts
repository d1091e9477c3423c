/**
 * `@freehold/engine/memory`: the in-memory reference adapter of the repository port. Complete and exact, it is
 * the model the conformance kit compares every other adapter against; also handy for tests, demos and notebooks.
 * @module
 */
export {
  createMemoryRepository,
  isMemoryRepository,
  type MemoryDump,
  type MemoryRepository,
  type MemoryRepositoryOptions,
  memoryBackdoor,
} from './memory-repository.js';
