/**
 * The portable snapshot: streamed NDJSON export and import of a whole portfolio, audit log included
 * (DATA-MODEL.md "Portable snapshot").
 * @module
 */
export { type ExportSnapshotOptions, exportSnapshot } from './export-snapshot.js';
export {
  canonicalJson,
  headerLine,
  recordLine,
  SNAPSHOT_FORMAT,
  SNAPSHOT_RECORD_TYPES,
  SNAPSHOT_TRAILER_TYPE,
  SNAPSHOT_VERSION,
  type SnapshotHeader,
  type SnapshotRecordLine,
  type SnapshotRecordType,
  type SnapshotTrailer,
  trailerLine,
} from './format.js';
export {
  type ImportSnapshotOptions,
  importSnapshot,
  type SnapshotImportResult,
  SnapshotUserConflictError,
} from './import-snapshot.js';
export { type NumberedLine, numberedLines } from './ndjson-lines.js';
