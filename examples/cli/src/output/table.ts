/**
 * Plain-text tables: aligned columns, numbers right-aligned, an optional title, and rules above the header and
 * above a totals row. Cells may carry ANSI styling; widths count visible characters only.
 * @module
 */
import { type TextStyle, visibleWidth } from './text-style.js';

/** One column: its header and alignment. */
export interface TableColumn {
  /** Header text. */
  readonly header: string;
  /** `right` for numbers, `left` (default) for text. */
  readonly align?: 'left' | 'right';
}

/** A table to render: columns, body rows, and optional footer rows (totals) set off by a rule. */
export interface TableSpec {
  /** Title printed above the table. */
  readonly title?: string;
  /** The columns. */
  readonly columns: readonly TableColumn[];
  /** Body rows, one cell per column. */
  readonly rows: readonly (readonly string[])[];
  /** Rows below a rule (totals). */
  readonly footer?: readonly (readonly string[])[];
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Renders `spec` as lines of text (no trailing newline); two spaces between columns. */
export function renderTable(spec: TableSpec, style: TextStyle): string {
  const all = [...spec.rows, ...(spec.footer ?? [])];
  const widths = spec.columns.map((column, i) =>
    Math.max(visibleWidth(column.header), ...all.map((row) => visibleWidth(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    spec.columns
      .map((column, i) => pad(cells[i] ?? '', widths[i] ?? 0, column.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = style.dim(widths.map((width) => '─'.repeat(width)).join('  '));
  const out: string[] = [];
  if (spec.title) out.push(style.bold(spec.title));
  out.push(style.bold(line(spec.columns.map((column) => column.header))));
  out.push(rule);
  for (const row of spec.rows) out.push(line(row));
  if (spec.footer && spec.footer.length > 0) {
    out.push(rule);
    for (const row of spec.footer) out.push(style.bold(line(row)));
  }
  return out.join('\n');
}

/** Renders label/value pairs as a two-column table (values right-aligned). */
export function renderPairs(
  title: string | undefined,
  pairs: readonly (readonly [string, string])[],
  style: TextStyle,
): string {
  const width = Math.max(0, ...pairs.map(([label]) => visibleWidth(label)));
  const valueWidth = Math.max(0, ...pairs.map(([, value]) => visibleWidth(value)));
  const out: string[] = [];
  if (title) out.push(style.bold(title));
  for (const [label, value] of pairs)
    out.push(`${pad(label, width, 'left')}  ${pad(value, valueWidth, 'right')}`);
  return out.join('\n');
}
