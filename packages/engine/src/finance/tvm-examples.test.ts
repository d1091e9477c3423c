/**
 * Every `@example` in the TSDoc of the time-value functions is run and its documented result checked:
 * an example line `expression; // => value` must evaluate to `value`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as timeValue from './time-value.js';

interface Example {
  readonly file: string;
  readonly expression: string;
  readonly expected: string;
}

const EXAMPLE_BLOCK = /@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g;

/** The `expression; // => value` statements of every `@example` block in `source`. */
function examplesIn(file: string, source: string): Example[] {
  const examples: Example[] = [];
  for (const block of source.matchAll(EXAMPLE_BLOCK)) {
    const lines = (block[1] ?? '').split('\n').map((line) => line.replace(/^\s*\*\s?/, ''));
    let pending = '';
    for (const line of lines) {
      const marker = line.indexOf('// =>');
      if (marker >= 0) {
        const expression = `${pending} ${line.slice(0, marker)}`.trim().replace(/;\s*$/, '');
        examples.push({ file, expression, expected: line.slice(marker + 5).trim() });
        pending = '';
      } else if (!line.trim().startsWith('//') && !line.trim().startsWith('import ')) {
        pending += ` ${line}`;
      }
    }
  }
  return examples;
}

/** The source files of the time-value functions (other finance modules document themselves). */
const OWN_FILE = /^(tvm-|irr|xirr|mirr|npv|xnpv|rate|nper|pmt|fv|pv|root-)/;

const directory = new URL('.', import.meta.url);
const sources = readdirSync(directory)
  .filter((name) => OWN_FILE.test(name) && name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, source: readFileSync(new URL(name, directory), 'utf8') }));
const examples = sources.flatMap(({ name, source }) => examplesIn(name, source));

const functionNames = Object.keys(timeValue).filter(
  (name) => typeof (timeValue as Record<string, unknown>)[name] === 'function',
);

function evaluate(expression: string): unknown {
  const run = new Function(...functionNames, `'use strict'; return (${expression});`) as (
    ...fns: unknown[]
  ) => unknown;
  return run(...functionNames.map((name) => (timeValue as Record<string, unknown>)[name]));
}

function parseExpected(text: string): unknown {
  if (text === 'Infinity') return Number.POSITIVE_INFINITY;
  if (text === '-Infinity') return Number.NEGATIVE_INFINITY;
  return JSON.parse(text);
}

function matches(got: unknown, want: unknown): boolean {
  if (typeof want === 'number' && typeof got === 'number') {
    if (!Number.isFinite(want)) return got === want;
    return Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want));
  }
  if (Array.isArray(want) && Array.isArray(got)) {
    return want.length === got.length && want.every((item, i) => matches(got[i], item));
  }
  return got === want;
}

describe('TSDoc examples of the time-value functions', () => {
  test('every exported function documents at least one checked example', () => {
    for (const name of functionNames) {
      expect(
        examples.some((example) => new RegExp(`\\b${name}\\(`).test(example.expression)),
        `${name} has an @example with a "// =>" result`,
      ).toBe(true);
    }
  });

  test.for(examples.map((example) => [`${example.file}: ${example.expression}`, example] as const))(
    '%s',
    ([, example]) => {
      expect(matches(evaluate(example.expression), parseExpected(example.expected))).toBe(true);
    },
  );
});
