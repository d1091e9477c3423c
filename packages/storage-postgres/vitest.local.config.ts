// Temporary: the storage-postgres project with `ssr.resolve.conditions: ['source']` (see the report to the lead).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source', 'module', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'storage-postgres',
          root: 'packages/storage-postgres',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
