/**
 * `fc.stringMatching` arbitraries built once per pattern: compiling a pattern is far slower than drawing from it,
 * and arbitraries built inside `chain` would otherwise compile theirs for every generated value.
 * @internal
 * @module
 */
import fc from 'fast-check';

const built = new Map<string, fc.Arbitrary<string>>();

/** Strings matching `pattern` (an anchored regular expression), the arbitrary built once and reused. */
export function matching(pattern: RegExp): fc.Arbitrary<string> {
  const key = `${pattern.source}/${pattern.flags}`;
  let arbitrary = built.get(key);
  if (!arbitrary) {
    arbitrary = fc.stringMatching(pattern);
    built.set(key, arbitrary);
  }
  return arbitrary;
}
