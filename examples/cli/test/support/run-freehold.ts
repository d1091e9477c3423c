/**
 * Runs the real, built `freehold` executable (`examples/cli/dist/freehold.js`) as a child process, the way a user
 * does, in a temporary directory of the test's own.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built executable. */
export const FREEHOLD_BIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../dist/freehold.js');

/** What a run printed and how it ended. */
export interface RunResult {
  /** Exit code. */
  readonly code: number;
  /** Everything written to stdout. */
  readonly stdout: string;
  /** Everything written to stderr. */
  readonly stderr: string;
}

/** Options of {@link freehold}. */
export interface RunOptions {
  /** Working directory. */
  readonly cwd: string;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** Text piped to stdin. */
  readonly input?: string;
}

/** Fails clearly when the executable has not been built. */
export function requireBuild(): void {
  if (!existsSync(FREEHOLD_BIN)) {
    throw new Error(
      `${FREEHOLD_BIN} is missing: build first (npm run build, or npm run build -w @freehold/cli)`,
    );
  }
}

/** Runs `node dist/freehold.js ...args`; resolves with its exit code and output (never rejects on exit codes). */
export function freehold(args: readonly string[], options: RunOptions): Promise<RunResult> {
  requireBuild();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'NO_COLOR' && key !== 'FORCE_COLOR') env[key] = value;
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [FREEHOLD_BIN, ...args], {
      cwd: options.cwd,
      env: { ...env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolvePromise({
        code: code ?? (signal ? 128 : -1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temporary directory; `remove()` deletes it. */
export function temporaryDirectory(label = 'freehold-cli-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), label));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** SHA-256 of a file's bytes (to show a database was not touched). */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Parses stdout as exactly one JSON document (throws when there is anything else). */
export function parseJsonDocument(stdout: string): unknown {
  return JSON.parse(stdout);
}

/** The lines of an NDJSON snapshot, without the final empty string. */
export function snapshotLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
