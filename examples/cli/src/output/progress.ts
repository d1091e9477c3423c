/**
 * Progress bars on stderr for long work (demo generation, imports). Shown only when both stdout and stderr are
 * terminals and the output is not `--json`; otherwise every call is a no-op, so pipes and logs stay clean.
 * Redraws only when the bar visibly changes (no timers, no clock).
 * @module
 */
import type { CliIo, OutputStream } from '../cli/cli-io.js';

/** Reports progress of one phase of work at a time. */
export interface Progress {
  /** Starts (or restarts) a phase of `total` steps. */
  phase(label: string, total: number): void;
  /** Advances the current phase by `steps` (default 1). */
  advance(steps?: number): void;
  /** Ends the bar and clears its line. */
  done(): void;
}

/** A progress reporter that shows nothing. */
export const silentProgress: Progress = { phase() {}, advance() {}, done() {} };

const BAR_WIDTH = 28;

/** A bar drawn on `stream` with carriage returns. */
export function terminalProgress(stream: OutputStream): Progress {
  let label = '';
  let total = 1;
  let current = 0;
  let drawn = '';
  let active = false;
  const draw = () => {
    const fraction = total <= 0 ? 1 : Math.min(1, current / total);
    const filled = Math.round(fraction * BAR_WIDTH);
    const text = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${label}`;
    if (text === drawn) return;
    drawn = text;
    active = true;
    stream.write(`\r\u001b[2K${text}`);
  };
  return {
    phase(nextLabel, nextTotal) {
      label = nextLabel;
      total = nextTotal;
      current = 0;
      draw();
    },
    advance(steps = 1) {
      current += steps;
      draw();
    },
    done() {
      if (active) stream.write('\r\u001b[2K');
      active = false;
      drawn = '';
    },
  };
}

/** The progress reporter a command should use: a bar when a person watches both streams, else silence. */
export function progressFor(io: CliIo, json: boolean): Progress {
  return !json && io.stdout.isTTY && io.stderr.isTTY ? terminalProgress(io.stderr) : silentProgress;
}
