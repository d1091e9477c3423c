import { describeRepositoryConformance } from '@freehold/engine/conformance';
import { indexedDbConformance } from './support/conformance-options.js';

describeRepositoryConformance(
  indexedDbConformance({ name: 'indexeddb (Chromium)', factory: () => indexedDB, deleteAfter: true }),
);
