#!/usr/bin/env node
/**
 * Runs a command against a PostgreSQL server:
 *
 *   node scripts/with-postgres.mjs -- <command…>
 *
 * - `DATABASE_URL` set: runs the command as is (your server).
 * - Otherwise, when server binaries exist (`/usr/lib/postgresql/<v>/bin/pg_ctl`, or the directory named by
 *   `FREEHOLD_PG_BIN`): starts a throwaway cluster in a fresh temporary directory on a free port (as the
 *   `postgres` user through `runuser` when run as root, since PostgreSQL refuses to run as root), creates a
 *   database, exports `DATABASE_URL`, runs the command, and ALWAYS stops the server and removes the directory —
 *   on exit, on SIGINT/SIGTERM/SIGHUP and on errors. The command's exit code is passed through.
 * - No server binaries: with `FREEHOLD_REQUIRE_REAL_POSTGRES=1` (CI) it fails; otherwise it warns loudly and runs
 *   the command with `FREEHOLD_PG_FALLBACK=pglite`, so the tests start PGlite (PostgreSQL in WASM) instead.
 *
 * Extra server settings: `FREEHOLD_PG_OPTIONS="-c work_mem=64MB …"` is appended to the server's options.
 * Plain Node ESM, no dependencies.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = '[with-postgres]';
const DATABASE = 'freehold';

/** Exit codes of the script itself (the wrapped command's own code is passed through otherwise). */
const EXIT_USAGE = 64;
const EXIT_NO_SERVER = 69;
const EXIT_SETUP = 70;

function log(message) {
  process.stderr.write(`${PREFIX} ${message}\n`);
}

function commandFromArgs(argv) {
  const dashes = argv.indexOf('--');
  const command = dashes === -1 ? argv : argv.slice(dashes + 1);
  if (command.length === 0) {
    log('usage: node scripts/with-postgres.mjs -- <command…>');
    process.exit(EXIT_USAGE);
  }
  return command;
}

/** Compares dotted version strings numerically ("15" < "16", "9.6" < "10"). */
function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The bin directory of the newest installed server, or null. */
function findServerBin() {
  const explicit = process.env.FREEHOLD_PG_BIN;
  if (explicit) return existsSync(join(explicit, 'pg_ctl')) ? explicit : null;
  const root = '/usr/lib/postgresql';
  let versions = [];
  try {
    versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')));
  } catch {
    return null;
  }
  versions.sort(compareVersions);
  const newest = versions[versions.length - 1];
  return newest === undefined ? null : join(root, newest, 'bin');
}

/** uid and gid of a local user from /etc/passwd, or null. */
function lookupUser(name) {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [user, , uid, gid] = line.split(':');
      if (user === name) return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // fall through
  }
  return null;
}

/** A port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not obtain a free port'));
      });
    });
  });
}

/** Runs a command and inherits its output; returns the exit code (signals map to 128 + n). */
function runChild(command, env) {
  return new Promise((resolve) => {
    const [file, ...args] = command;
    const child = spawn(file, args, { stdio: 'inherit', env });
    running.child = child;
    child.on('error', (error) => {
      log(`cannot run ${file}: ${error.message}`);
      running.child = null;
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      running.child = null;
      if (signal) {
        const number = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1;
        resolve(128 + number);
      } else {
        resolve(code ?? 1);
      }
    });
  });
}

/** State that the cleanup needs, whatever moment it runs at. */
const running = { child: null, cluster: null };

/** A throwaway cluster: where it lives, how to run its binaries, and how to tear it down (synchronously). */
function createCluster(bin) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const owner = asRoot ? lookupUser('postgres') : null;
  if (asRoot && owner === null) {
    throw new Error('running as root, but there is no `postgres` user to run the server as');
  }
  const dir = mkdtempSync(join(tmpdir(), 'freehold-pg-'));
  chmodSync(dir, 0o700);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const cluster = {
    dir,
    data: join(dir, 'data'),
    logFile: join(dir, 'server.log'),
    asRoot,
    bin,
    started: false,
  };

  /** Runs a server binary as the cluster's owner, from inside the cluster dir (runuser keeps the cwd). */
  cluster.run = (tool, args) => {
    const file = join(bin, tool);
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    const result = spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8' });
    if (result.error) throw new Error(`${tool}: ${result.error.message}`);
    return result;
  };

  /** Stops the server (immediately: the data are thrown away) and removes the directory. Idempotent. */
  cluster.destroy = () => {
    if (cluster.destroyed) return;
    cluster.destroyed = true;
    if (cluster.started || existsSync(join(cluster.data, 'postmaster.pid'))) {
      try {
        const stop = cluster.run('pg_ctl', ['-D', cluster.data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
        if (stop.status !== 0) killPostmaster(cluster.data);
      } catch {
        killPostmaster(cluster.data);
      }
    }
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      log(`could not remove ${dir}: ${error.message}`);
    }
  };
  return cluster;
}

/** Last resort when pg_ctl cannot stop the server: SIGKILL the postmaster named in postmaster.pid. */
function killPostmaster(data) {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

function mustSucceed(result, what) {
  if (result.status !== 0) {
    throw new Error(
      `${what} failed (exit ${result.status}):\n${(result.stderr || result.stdout || '').trim()}`,
    );
  }
}

/** initdb, start on a free port (retrying if another process grabs the port first), createdb. */
async function startCluster(cluster) {
  mustSucceed(
    cluster.run('initdb', [
      '-D',
      cluster.data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]),
    'initdb',
  );
  const extra = process.env.FREEHOLD_PG_OPTIONS ?? '';
  let lastError = null;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-k ${cluster.dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
      extra,
    ]
      .filter(Boolean)
      .join(' ');
    cluster.started = true;
    const start = cluster.run('pg_ctl', [
      '-D',
      cluster.data,
      '-l',
      cluster.logFile,
      '-w',
      '-t',
      '30',
      '-o',
      options,
      'start',
    ]);
    if (start.status === 0) {
      mustSucceed(
        spawnSync(
          join(cluster.bin, 'createdb'),
          ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', DATABASE],
          {
            encoding: 'utf8',
          },
        ),
        'createdb',
      );
      return `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
    }
    lastError = new Error(
      `pg_ctl start failed (attempt ${attempt}, port ${port}):\n${tail(cluster.logFile)}`,
    );
    killPostmaster(cluster.data);
    cluster.started = false;
  }
  throw lastError;
}

/** Cleans up and exits; forwards a signal to the running command first and waits (up to 10 s) for it. */
function installTraps() {
  let signalled = false;
  const onSignal = (signal, number) => {
    if (signalled) return;
    signalled = true;
    const child = running.child;
    const finish = () => {
      running.cluster?.destroy();
      process.exit(128 + number);
    };
    if (child && child.exitCode === null) {
      child.once('exit', finish);
      child.kill(signal);
      setTimeout(() => {
        child.kill('SIGKILL');
        finish();
      }, 10_000).unref();
    } else {
      finish();
    }
  };
  process.on('SIGINT', () => onSignal('SIGINT', 2));
  process.on('SIGTERM', () => onSignal('SIGTERM', 15));
  process.on('SIGHUP', () => onSignal('SIGHUP', 1));
  process.on('exit', () => running.cluster?.destroy());
  process.on('uncaughtException', (error) => {
    log(`error: ${error.stack ?? error}`);
    running.child?.kill('SIGKILL');
    running.cluster?.destroy();
    process.exit(EXIT_SETUP);
  });
}

async function main() {
  const command = commandFromArgs(process.argv.slice(2));

  if (process.env.DATABASE_URL) {
    log('DATABASE_URL is set: using that server');
    process.exit(await runChild(command, process.env));
  }

  const bin = findServerBin();
  if (bin === null) {
    if (process.env.FREEHOLD_REQUIRE_REAL_POSTGRES === '1') {
      log(
        'ERROR: FREEHOLD_REQUIRE_REAL_POSTGRES=1 but no PostgreSQL server binaries were found ' +
          '(looked for /usr/lib/postgresql/*/bin/pg_ctl; set FREEHOLD_PG_BIN to a bin directory, or DATABASE_URL ' +
          'to a running server). Refusing to fall back to PGlite.',
      );
      process.exit(EXIT_NO_SERVER);
    }
    const bar = '!'.repeat(100);
    process.stderr.write(
      `\n${bar}\n${PREFIX} WARNING: no PostgreSQL server binaries found and DATABASE_URL is not set.\n` +
        `${PREFIX} The PostgreSQL tests will run against PGlite (PostgreSQL compiled to WASM), NOT a real server.\n` +
        `${PREFIX} Install the server (apt-get install postgresql) or set DATABASE_URL for real coverage;\n` +
        `${PREFIX} CI sets FREEHOLD_REQUIRE_REAL_POSTGRES=1, which forbids this fallback.\n${bar}\n\n`,
    );
    process.exit(await runChild(command, { ...process.env, FREEHOLD_PG_FALLBACK: 'pglite' }));
  }

  installTraps();
  const began = Date.now();
  const cluster = createCluster(bin);
  running.cluster = cluster;
  let url;
  try {
    url = await startCluster(cluster);
  } catch (error) {
    log(`could not start a throwaway PostgreSQL: ${error.message}`);
    cluster.destroy();
    process.exit(EXIT_SETUP);
  }
  log(`throwaway PostgreSQL (${bin}) at ${url} in ${cluster.dir}, ready in ${Date.now() - began} ms`);
  const code = await runChild(command, { ...process.env, DATABASE_URL: url });
  cluster.destroy();
  log(`server stopped and ${cluster.dir} removed; exit ${code}`);
  process.exit(code);
}

main();
