/**
 * The bridge from zod to {@link ValidationError}: every failing field becomes one issue with a dotted path
 * (`leases.0.rent`, optionally prefixed such as `rows.17.amount`) and what was expected there, in words.
 * @module
 */
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors.js';

/** A path prefix: a dotted string (`'rows.17'`) or its segments (`['rows', 17]`). */
export type PathPrefix = string | readonly (string | number)[];

/** The outcome of {@link safeParseWith}. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ValidationError };

type ZodIssue = z.core.$ZodIssue;

function prefixSegments(prefix: PathPrefix | undefined): string[] {
  if (prefix === undefined) return [];
  if (typeof prefix === 'string') return prefix === '' ? [] : [prefix];
  return prefix.map(String);
}

function joinPath(prefix: readonly string[], path: readonly PropertyKey[]): string {
  return [...prefix, ...path.map((segment) => String(segment))].join('.');
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  switch (typeof input) {
    case 'string': {
      const text = input.length > 40 ? `${input.slice(0, 37)}...` : input;
      return JSON.stringify(text);
    }
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(input);
    case 'object':
      return 'an object';
    default:
      return typeof input;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a finite number',
  int: 'an integer',
  boolean: 'true or false',
  bigint: 'a bigint',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
  undefined: 'nothing',
  never: 'nothing (this field is not allowed)',
  date: 'a Date',
  nan: 'NaN',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
  date: 'a calendar date YYYY-MM-DD',
  datetime: 'an ISO-8601 UTC instant',
  time: 'a time HH:MM:SS',
};

function sizeBound(
  issue: { origin: string; inclusive?: boolean; exact?: boolean },
  bound: number | bigint,
  small: boolean,
) {
  const n = String(bound);
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return `a string of exactly ${n} characters`;
      if (small && Number(bound) === 1) return 'a non-empty string';
      return `a string of ${small ? 'at least' : 'at most'} ${n} characters`;
    case 'array':
    case 'set':
      if (issue.exact) return `a list of exactly ${n} items`;
      if (small && Number(bound) === 1) return 'a non-empty list';
      return `a list of ${small ? 'at least' : 'at most'} ${n} items`;
    default: {
      const word = small
        ? issue.inclusive === false
          ? 'greater than'
          : 'at least'
        : issue.inclusive === false
          ? 'less than'
          : 'at most';
      return `a number ${word} ${n}`;
    }
  }
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** The discriminator values a discriminated union accepts (empty for a plain union). */
function unionOptions(issue: z.core.$ZodIssueInvalidUnion): readonly unknown[] {
  return 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
}

/** What an issue expected, in words. */
function expectedOf(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? `a value of type ${issue.expected}`;
    case 'too_small':
      return sizeBound(issue, issue.minimum, true);
    case 'too_big':
      return sizeBound(issue, issue.maximum, false);
    case 'invalid_format':
      if (issue.format === 'regex' && issue.pattern) return `a string matching ${issue.pattern}`;
      return FORMAT_WORDS[issue.format] ?? `a string in ${issue.format} format`;
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `exactly ${formatValue(issue.values[0])}`
        : `one of: ${issue.values.map(formatValue).join(', ')}`;
    case 'unrecognized_keys':
      return 'no such field';
    case 'invalid_union': {
      const options = unionOptions(issue);
      if (options.length > 0) return `one of: ${options.map(formatValue).join(', ')}`;
      return 'a value of one of the accepted forms';
    }
    case 'invalid_key':
      return 'a valid key';
    case 'invalid_element':
      return 'a valid element';
    case 'custom': {
      const expected = issue.params?.expected;
      return typeof expected === 'string' ? expected : 'a valid value';
    }
    default:
      return 'a valid value';
  }
}

function isDefaultMessage(message: string): boolean {
  return message === '' || message === 'Invalid input' || message.startsWith('expected ');
}

function issueFrom(path: string, expected: string, issue: ZodIssue): ValidationIssue {
  const where = path || 'input';
  const hasInput = 'input' in issue;
  if (issue.code === 'custom' && !isDefaultMessage(issue.message)) {
    return { path, expected, message: `${where}: ${issue.message}` };
  }
  if (hasInput && issue.input === undefined) {
    return { path, expected, message: `${where}: required, expected ${expected}` };
  }
  const got = hasInput ? `, got ${describeInput(issue.input)}` : '';
  return { path, expected, message: `${where}: expected ${expected}${got}` };
}

function collect(issue: ZodIssue, prefix: readonly string[], out: ValidationIssue[]): void {
  const base = [...prefix, ...issue.path.map((segment) => String(segment))];
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const path = joinPath(base, [key]);
        out.push({ path, expected: 'no such field', message: `${path}: unknown field` });
      }
      return;
    case 'invalid_key':
    case 'invalid_element':
      for (const inner of issue.issues) collect(inner, base, out);
      return;
    case 'invalid_union': {
      if (issue.errors.length > 0 && unionOptions(issue).length === 0) {
        const branches = issue.errors;
        // Alternatives of plain values (e.g. a string or a number): state them all at this path.
        if (branches.every((branch) => branch.length === 1 && branch[0]?.path.length === 0)) {
          const expected = [...new Set(branches.map((branch) => expectedOf(branch[0] as ZodIssue)))].join(
            ' or ',
          );
          out.push(issueFrom(joinPath(base, []), expected, issue));
          return;
        }
        // Otherwise report the branch that came closest (fewest issues).
        let best = branches[0] ?? [];
        for (const branch of branches) if (branch.length < best.length) best = branch;
        for (const inner of best) collect(inner, base, out);
        return;
      }
      // A discriminated union names the discriminator's path; report the discriminator's value as the input.
      const discriminator = 'discriminator' in issue ? issue.discriminator : undefined;
      const input = issue.input;
      const reported =
        discriminator && typeof input === 'object' && input !== null && !Array.isArray(input)
          ? { ...issue, input: (input as Record<string, unknown>)[discriminator] }
          : issue;
      out.push(issueFrom(joinPath(base, []), expectedOf(issue), reported));
      return;
    }
    default:
      out.push(issueFrom(joinPath(base, []), expectedOf(issue), issue));
  }
}

/**
 * Turns zod issues into {@link ValidationIssue}s: a dotted path per failing field (with `prefix` in front)
 * and a readable `expected` such as "a decimal string with at most 2 decimals" or "one of: active, sold".
 */
export function toValidationIssues(issues: readonly ZodIssue[], prefix?: PathPrefix): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const segments = prefixSegments(prefix);
  for (const issue of issues) collect(issue, segments, out);
  return out;
}

/** Converts a zod error into a {@link ValidationError} (the zod error is kept as `cause`). */
export function toValidationError(error: z.core.$ZodError, prefix?: PathPrefix): ValidationError {
  const issues = toValidationIssues(error.issues, prefix);
  if (issues.length === 0) {
    const path = prefixSegments(prefix).join('.');
    issues.push({ path, expected: 'a valid value', message: `${path || 'input'}: invalid` });
  }
  return new ValidationError(issues, { cause: error });
}

/**
 * Parses `input` with `schema` and returns the typed (defaulted, canonical) value, or throws a
 * {@link ValidationError} naming every failing field as a dotted path, prefixed with `path` when given.
 * @param schema a zod schema (an entity schema, a value schema…)
 * @param input untrusted input
 * @param path prefix for every issue path, e.g. `'rows.17'` for the 18th row of an import
 * @example
 * ```ts
 * const lease = parseWith(LeaseCreateSchema, input, 'leases.0');
 * ```
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, path?: PathPrefix): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw toValidationError(result.error, path);
}

/** Like {@link parseWith} but returns `{ ok: true, value }` or `{ ok: false, error }` instead of throwing. */
export function safeParseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  path?: PathPrefix,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: toValidationError(result.error, path) };
}
