import 'fake-indexeddb/auto';
import { describeRepositoryConformance } from '@freehold/engine/conformance';
import { IDBFactory } from 'fake-indexeddb';
import { indexedDbConformance } from './support/conformance-options.js';

describeRepositoryConformance(
  indexedDbConformance({ name: 'indexeddb (fake-indexeddb)', factory: () => new IDBFactory() }),
);
