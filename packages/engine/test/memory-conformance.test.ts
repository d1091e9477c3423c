import { describeRepositoryConformance } from '@freehold/engine/conformance';
import { createMemoryRepository, memoryBackdoor } from '@freehold/engine/memory';

describeRepositoryConformance({
  name: 'memory',
  setup: async () => createMemoryRepository(),
  backdoor: memoryBackdoor(),
  driverErrors: false,
});
