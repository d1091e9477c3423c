import { defineConfig } from 'tsup';

// src/freehold.ts starts with `#!/usr/bin/env node`: esbuild keeps an entry point's shebang, and tsup marks
// files that start with one executable. The library entry (src/index.ts) has none.
export default defineConfig({
  entry: { freehold: 'src/freehold.ts', index: 'src/index.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  tsconfig: 'tsconfig.build.json',
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
});
