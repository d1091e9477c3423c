import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..');
const dist = join(packageRoot, 'dist');
const RUNTIME_DEPENDENCIES = new Set(['decimal.js', 'zod']);
const TEST_ONLY_PEERS = new Set(['vitest', 'fast-check']);

function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
    if (match[1]) found.push(match[1]);
  }
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (match[1]) found.push(match[1]);
  }
  for (const match of source.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

describe('the built engine is portable', () => {
  test('imports nothing but its declared dependencies (no Node built-ins)', () => {
    const bundles = readdirSync(dist).filter((file) => file.endsWith('.js'));
    expect(bundles).toContain('index.js');
    const imports = new Map(bundles.map((file) => [file, importsOf(readFileSync(join(dist, file), 'utf8'))]));
    // Files reachable from the runtime entry points may import only the runtime dependencies; the test kits
    // (conformance, testing) may also import their optional peers.
    const runtime = new Set<string>();
    const visit = (file: string) => {
      if (runtime.has(file)) return;
      runtime.add(file);
      for (const specifier of imports.get(file) ?? []) {
        if (specifier.startsWith('./')) visit(specifier.slice(2));
      }
    };
    visit('index.js');
    visit('memory.js');
    for (const [file, specifiers] of imports) {
      const allowed = runtime.has(file)
        ? RUNTIME_DEPENDENCIES
        : new Set([...RUNTIME_DEPENDENCIES, ...TEST_ONLY_PEERS]);
      for (const specifier of specifiers.filter((s) => !s.startsWith('.'))) {
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0];
        expect(allowed.has(name ?? ''), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });

  test('runs under Deno', () => {
    const output = execFileSync(
      'npx',
      [
        'deno',
        'run',
        '--no-prompt',
        `--allow-read=${join(packageRoot, '..', '..')}`,
        join(here, 'deno', 'smoke.ts'),
      ],
      { cwd: packageRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
    expect(result).toEqual({
      total: '0.30',
      epochDay: 20484,
      payment: '1896.20',
      irr: '0.130662',
      xirr: '0.100000',
      noi: '2749.75',
    });
  });
});
