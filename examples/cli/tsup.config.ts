import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { freehold: 'src/freehold.ts', index: 'src/index.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  tsconfig: 'tsconfig.build.json',
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  banner: ({ format }) => (format === 'esm' ? {} : {}),
});
