/**
 * ANSI styling, on only when stdout is a terminal and `NO_COLOR` is unset (https://no-color.org).
 * @module
 */
import type { CliIo } from '../cli/cli-io.js';

/** Text styles; each returns its input unchanged when colour is off. */
export interface TextStyle {
  /** Whether escapes are emitted. */
  readonly enabled: boolean;
  /** Bold. */
  bold(text: string): string;
  /** Dim (secondary information). */
  dim(text: string): string;
  /** Red (losses, errors). */
  red(text: string): string;
  /** Green (success). */
  green(text: string): string;
  /** Yellow (warnings). */
  yellow(text: string): string;
  /** Cyan (titles). */
  cyan(text: string): string;
}

function sgr(open: number, close: number, enabled: boolean) {
  return (text: string) => (enabled && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text);
}

/** A style that emits escapes when `enabled`. */
export function textStyle(enabled: boolean): TextStyle {
  return {
    enabled,
    bold: sgr(1, 22, enabled),
    dim: sgr(2, 22, enabled),
    red: sgr(31, 39, enabled),
    green: sgr(32, 39, enabled),
    yellow: sgr(33, 39, enabled),
    cyan: sgr(36, 39, enabled),
  };
}

/** Colour on stdout: a terminal, `NO_COLOR` unset (or empty), and not `--json`. */
export function stdoutStyle(io: CliIo, json: boolean): TextStyle {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return textStyle(!json && io.stdout.isTTY && !noColor);
}

/** Visible width of a string: ANSI escapes do not count. */
export function visibleWidth(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escapes is the point
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
