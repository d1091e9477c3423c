/**
 * The on-disk Chromium profile of the browser test project: one per vitest run (so parallel runs never share a
 * profile lock). Used as vitest's `globalSetup` of that project: vitest closes the browser after the global
 * teardown, so the teardown cannot always remove the profile; the next run's setup removes what runs that have
 * ended left behind.
 */
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'freehold-chromium-profile-';

/** The profile directory of this vitest process. */
export const BROWSER_PROFILE = join(tmpdir(), `${PREFIX}${process.pid}`);

/** True while process `pid` exists (signal 0 checks existence and sends nothing). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

async function removeProfile(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(() => undefined);
}

/** vitest global setup: removes profiles of ended runs; the teardown tries to remove this run's. */
export default async function setup(): Promise<() => Promise<void>> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(entry.slice(PREFIX.length));
    if (entry.startsWith(PREFIX) && Number.isInteger(pid) && pid !== process.pid && !running(pid)) {
      await removeProfile(join(tmpdir(), entry));
    }
  }
  return () => removeProfile(BROWSER_PROFILE);
}
