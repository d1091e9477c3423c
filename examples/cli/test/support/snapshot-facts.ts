/**
 * Reading an exported snapshot in tests: records by type, plus the header.
 */
import { snapshotLines } from './run-freehold.js';

/** A record line of a snapshot. */
export interface SnapshotLine {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** A parsed snapshot. */
export interface ParsedSnapshot {
  readonly header: Record<string, unknown>;
  readonly lines: readonly string[];
  /** Records by type. */
  of(type: string): Record<string, unknown>[];
}

/** Parses NDJSON snapshot text (every line must be JSON). */
export function parseSnapshot(text: string): ParsedSnapshot {
  const lines = snapshotLines(text);
  const [first, ...rest] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  if (!first) throw new Error('empty snapshot');
  const byType = new Map<string, Record<string, unknown>[]>();
  for (const line of rest as unknown as SnapshotLine[]) {
    const list = byType.get(line.type) ?? [];
    list.push(line.data);
    byType.set(line.type, list);
  }
  return { header: first, lines, of: (type) => byType.get(type) ?? [] };
}

/** The snapshot lines without the header's `exportedAt` (the one field that always differs). */
export function withoutExportedAt(text: string): string[] {
  const lines = snapshotLines(text);
  const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  delete header.exportedAt;
  return [JSON.stringify(header), ...lines.slice(1)];
}
