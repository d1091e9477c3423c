/**
 * Runs every `@example` in the TSDoc of the metrics and checks each `// => value` it shows, and
 * checks that every exported declaration of a public metrics file has a documented example.
 *
 * Example format: statements end with `;`; a statement followed by a `// => expected` comment
 * (continued on further `//` lines) is evaluated and compared with `toEqual`. Imports are dropped;
 * the package's metric exports are in scope.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as metrics from './index.js';

interface DocBlock {
  readonly file: string;
  readonly declaration: string;
  readonly internal: boolean;
  readonly examples: readonly string[];
}

const directory = fileURLToPath(new URL('.', import.meta.url));
const sourceFiles = readdirSync(directory)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .sort();

function docBlocks(file: string): DocBlock[] {
  const text = readFileSync(`${directory}${file}`, 'utf8');
  const blocks: DocBlock[] = [];
  const pattern = /\/\*\*([\s\S]*?)\*\/\s*\n([^\n]*)/g;
  for (const match of text.matchAll(pattern)) {
    const body = (match[1] ?? '')
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''))
      .join('\n');
    const examples = [...body.matchAll(/@example\s*\n```ts\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
    blocks.push({
      file,
      declaration: (match[2] ?? '').trim(),
      internal: /@internal/.test(body),
      examples,
    });
  }
  return blocks;
}

/** Turns an example into a function body where each `// =>` check calls `__check(actual, expected)`. */
function compileExample(code: string): string {
  const statements: { code: string; expected: string | null }[] = [];
  let current: string[] = [];
  let lastWithExpectation: { code: string; expected: string | null } | null = null;
  for (const line of code.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('import ')) continue;
    if (trimmed.startsWith('// =>')) {
      const target = statements[statements.length - 1];
      if (!target || current.length > 0)
        throw new Error(`"// =>" not after a complete statement in:\n${code}`);
      target.expected = trimmed.slice('// =>'.length).trim();
      lastWithExpectation = target;
      continue;
    }
    if (trimmed.startsWith('//')) {
      if (lastWithExpectation && current.length === 0) {
        lastWithExpectation.expected += `\n${trimmed.slice(2)}`;
      }
      continue;
    }
    lastWithExpectation = null;
    if (trimmed === '') continue;
    current.push(line);
    if (trimmed.endsWith(';')) {
      statements.push({ code: current.join('\n'), expected: null });
      current = [];
    }
  }
  if (current.length > 0) throw new Error(`unterminated statement in example:\n${code}`);
  return statements
    .map((statement) =>
      statement.expected === null
        ? statement.code
        : `__check(${statement.code.trim().replace(/;$/, '')}, (${statement.expected}), ${JSON.stringify(statement.code.trim())});`,
    )
    .join('\n');
}

const blocks = sourceFiles.flatMap(docBlocks);
const examples = blocks.flatMap((block) =>
  block.examples.map((code, index) => ({ name: `${block.file} · ${block.declaration} #${index + 1}`, code })),
);

describe('every @example of the metrics', () => {
  it('finds examples to run', () => {
    expect(examples.length).toBeGreaterThan(60);
  });

  it.each(examples)('$name', ({ code }) => {
    const scope = metrics as unknown as Record<string, unknown>;
    const names = Object.keys(scope);
    let checks = 0;
    const check = (actual: unknown, expected: unknown, source: string): void => {
      checks++;
      expect(actual, source).toEqual(expected);
    };
    const body = compileExample(code);
    const run = new Function(...names, '__check', body) as (...args: unknown[]) => void;
    run(...names.map((name) => scope[name]), check);
    expect(checks).toBeGreaterThan(0);
  });
});

describe('documentation coverage', () => {
  const publicBlocks = blocks.filter((block) =>
    /^export (function|const|interface|type|class)\b/.test(block.declaration),
  );
  const publicFiles = sourceFiles.filter(
    (file) => !['cents.ts', 'metric-input.ts', 'rent-roll.ts', 'index.ts'].includes(file),
  );

  it.each(publicFiles)('every exported declaration of %s has TSDoc with an @example', (file) => {
    const text = readFileSync(`${directory}${file}`, 'utf8');
    const exported = [...text.matchAll(/^export (?:function|const|interface|type|class) (\w+)/gm)].map(
      (m) => m[1],
    );
    for (const name of exported) {
      const block = publicBlocks.find(
        (candidate) =>
          candidate.file === file && new RegExp(`^export \\w+ ${name}\\b`).test(candidate.declaration),
      );
      expect(block, `${file}: ${name} has no TSDoc`).toBeDefined();
      if (block && !block.internal)
        expect(block.examples.length, `${file}: ${name} has no @example`).toBeGreaterThan(0);
    }
  });

  it('exports from the barrel every public function of the metrics files', () => {
    const functions = publicBlocks.filter(
      (block) => !block.internal && block.declaration.startsWith('export function'),
    );
    for (const block of functions) {
      const name = /^export function (\w+)/.exec(block.declaration)?.[1] ?? '';
      expect(typeof (metrics as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
