/**
 * Framing of NDJSON input: turns an (async) iterable of strings — whole lines, or chunks of a file cut anywhere —
 * into numbered lines.
 * @module
 */

/** One line of the input. */
export interface NumberedLine {
  /** 1-based line number. */
  readonly lineNumber: number;
  /** The line's text, without its line break. */
  readonly text: string;
  /** The parsed JSON value, when framing already had to parse the line. */
  readonly parsed?: unknown;
}

function tryParseObject(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('}')) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    return { ok: false };
  }
}

/**
 * Splits the input into lines. Each item is split on `"\n"` (a trailing `"\r"` is dropped). Text after an item's
 * last line break is carried into the next item — unless it already is a complete JSON object, which ends a line
 * (every snapshot line is one object, and no proper prefix of an object is itself a complete object). So both
 * chunks of a file and lines without their line breaks (as `readline` yields them) are read correctly; a line break
 * that arrives at the start of the next item after such a line is not counted as an empty line.
 */
export async function* numberedLines(
  input: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<NumberedLine, void, undefined> {
  let carry = '';
  let lineNumber = 0;
  // After a line ended without its break (a complete object), the break may still come: at the next item's start.
  let breakMayFollow = false;
  for await (const raw of input) {
    if (typeof raw !== 'string') throw new TypeError('snapshot input must be strings');
    let item = raw;
    if (breakMayFollow && item !== '') {
      if (item === '\r') continue; // half of a CRLF: the LF may come next
      if (item.startsWith('\n')) item = item.slice(1);
      else if (item.startsWith('\r\n')) item = item.slice(2);
      breakMayFollow = false;
    }
    const parts = (carry + item).split('\n');
    carry = parts.pop() ?? '';
    for (const part of parts) {
      lineNumber++;
      yield { lineNumber, text: part.endsWith('\r') ? part.slice(0, -1) : part };
    }
    if (carry !== '') {
      const complete = tryParseObject(carry);
      if (complete.ok) {
        lineNumber++;
        yield { lineNumber, text: carry.endsWith('\r') ? carry.slice(0, -1) : carry, parsed: complete.value };
        carry = '';
        breakMayFollow = true;
      }
    }
  }
  if (carry !== '') {
    lineNumber++;
    yield { lineNumber, text: carry.endsWith('\r') ? carry.slice(0, -1) : carry };
  }
}
