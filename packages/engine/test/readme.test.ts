import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test("the README's usage example prints what its comments say", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example, 'README.md has a ```ts usage block').toBeTruthy();
  const expected = [...(example ?? '').matchAll(/console\.log\([\s\S]*?\);\s*\/\/ (.+)$/gm)].map((m) => m[1]);
  expect(expected.length).toBeGreaterThan(0);
  // Resolve '@freehold/engine' as a user would: from the repository's node_modules, to the built package.
  const file = join(repoRoot, 'node_modules', '.freehold-readme-example.mts');
  writeFileSync(file, example ?? '');
  try {
    const output = execFileSync(process.execPath, ['--import', 'tsx', file], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(output.trim().split('\n')).toEqual(expected);
  } finally {
    rmSync(file, { force: true });
  }
});
