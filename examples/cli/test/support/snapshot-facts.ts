/**
 * Reading an exported snapshot in tests: records by type, plus the header and the trailer.
 */
import { snapshotLines } from './run-freehold.js';

/** A record line of a snapshot. */
export interface SnapshotLine {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** The trailer line of a snapshot: the record lines' total and their count per type. */
export interface SnapshotTrailerLine {
  readonly type: 'end';
  readonly records: number;
  readonly counts: Record<string, number>;
}

/** A parsed snapshot. */
export interface ParsedSnapshot {
  readonly header: Record<string, unknown>;
  readonly trailer: SnapshotTrailerLine;
  readonly lines: readonly string[];
  /** Records by type. */
  of(type: string): Record<string, unknown>[];
}

/** Parses NDJSON snapshot text (every line must be JSON; the last one is the trailer). */
export function parseSnapshot(text: string): ParsedSnapshot {
  const lines = snapshotLines(text);
  const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const first = parsed[0];
  const trailer = parsed.at(-1) as SnapshotTrailerLine | undefined;
  if (!first || parsed.length < 2 || trailer?.type !== 'end') throw new Error('not a whole snapshot');
  const byType = new Map<string, Record<string, unknown>[]>();
  for (const line of parsed.slice(1, -1) as unknown as SnapshotLine[]) {
    const list = byType.get(line.type) ?? [];
    list.push(line.data);
    byType.set(line.type, list);
  }
  return { header: first, trailer, lines, of: (type) => byType.get(type) ?? [] };
}

/** The snapshot lines without the header's `exportedAt` (the one field that always differs). */
export function withoutExportedAt(text: string): string[] {
  const lines = snapshotLines(text);
  const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  delete header.exportedAt;
  return [JSON.stringify(header), ...lines.slice(1)];
}

/**
 * A snapshot exported after an import, as the imported snapshot was: `withoutExportedAt` lines with the import's
 * own audit entry (the last record line) taken out and the trailer's counts put back. Returns that entry too.
 */
export function beforeTheImport(text: string): { lines: string[]; importEntry: SnapshotLine } {
  const lines = withoutExportedAt(text);
  const importEntry = JSON.parse(lines.at(-2) ?? '{}') as SnapshotLine;
  const trailer = JSON.parse(lines.at(-1) ?? '{}') as SnapshotTrailerLine;
  const restored: SnapshotTrailerLine = {
    ...trailer,
    records: trailer.records - 1,
    counts: { ...trailer.counts, auditEntry: (trailer.counts.auditEntry ?? 0) - 1 },
  };
  return { lines: [...lines.slice(0, -2), JSON.stringify(restored)], importEntry };
}
