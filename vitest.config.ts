import { defineConfig } from 'vitest/config';

const sourceFirst = ['source', 'module', 'import', 'default'];

/** A vitest project for one package under `packages/` (or `examples/`). */
function pkg(name: string, extra: { testTimeout?: number; dir?: string } = {}) {
  return {
    extends: true as const,
    test: {
      name,
      root: `${extra.dir ?? 'packages'}/${name}`,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: extra.testTimeout ?? 30_000,
    },
  };
}

/** One vitest config; one project per package. Tests import packages through their `source` export condition. */
export default defineConfig({
  resolve: { conditions: sourceFirst },
  ssr: { resolve: { conditions: sourceFirst } },
  test: {
    projects: [
      pkg('engine'),
      pkg('storage-sql'),
      pkg('storage-sqlite', { testTimeout: 120_000 }),
      pkg('storage-postgres', { testTimeout: 120_000 }),
      pkg('cli', { dir: 'examples', testTimeout: 120_000 }),
    ],
    passWithNoTests: true,
  },
});
