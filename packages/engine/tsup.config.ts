import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    memory: 'src/memory/index.ts',
    conformance: 'src/conformance/index.ts',
    testing: 'src/testing/index.ts',
  },
  external: ['vitest', 'fast-check'],
  format: ['esm'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  clean: true,
  treeshake: true,
});
