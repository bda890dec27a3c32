/** Starting and stopping the processes of a bench run: servers, redis-server, load generators. */
import { execSync, fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

let clockTicks = 100;
try {
  clockTicks = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
} catch {
  /* not POSIX: keep the usual 100 */
}
const CLOCK_TICKS = clockTicks;

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

const exited = (child, timeoutMs) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/** Stops a child by its PID: SIGTERM, then SIGKILL after 3 s. */
export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(child.pid, 'SIGTERM');
  } catch {
    return;
  }
  if (!(await exited(child, 3000))) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await exited(child, 3000);
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let oursBuilt;

/**
 * CPU pinning (Linux `taskset`), for CPU-cost passes: `BENCH_SERVER_CPUS` (e.g. `1`) runs the
 * servers and redis-server on those CPUs, `BENCH_CLIENT_CPUS` (e.g. `0`) the load generators, so
 * neither side steals the other's core and a server handles each request as it arrives instead of
 * in whatever batches the scheduler happens to make (which moves CPU per operation by up to 2×
 * between passes of the same server). Unset: no pinning.
 */
const pinned = (cpus, command, args) => (cpus ? ['taskset', ['-c', cpus, command, ...args]] : [command, args]);

/**
 * Starts a bench server (`bare` or `ours`) and resolves with its child process and URL. Ours runs
 * bundled from source as the published package is (see build-ours.mjs), built once per run.
 */
export async function startServer(kind, env = {}, flags = []) {
  // e.g. BENCH_SERVER_FLAGS=--cpu-prof to profile the servers of a run.
  const extra = [...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean), ...flags];
  // BENCH_OURS_BUNDLE: an earlier build of ours (see variants.mjs, `*-before`), run as it is.
  if (kind !== 'bare' && !env.BENCH_OURS_BUNDLE) oursBuilt ??= import('./build-ours.mjs').then((m) => m.buildOursServer());
  const entry = kind === 'bare' ? here('./bare-server.mjs') : (env.BENCH_OURS_BUNDLE ?? (await oursBuilt));
  const args = [...extra, '--expose-gc', entry];
  const [command, commandArgs] = pinned(process.env.BENCH_SERVER_CPUS, process.execPath, args);
  const child = spawn(command, commandArgs, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (stderr.length < 200) stderr.push(line);
  });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start: ${stderr.join('\n')}`)), 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line);
        if (parsed.ready) {
          clearTimeout(timer);
          resolve(parsed.port);
        }
      } catch {
        /* not the ready line */
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited with ${code}: ${stderr.join('\n')}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, stderr };
}

/** Starts redis-server without persistence on a free loopback port. */
export async function startRedis() {
  const port = await freePort();
  const [command, args] = pinned(process.env.BENCH_SERVER_CPUS, 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => reject(new Error('redis-server exited')));
  });
  child.stderr.resume();
  return { child, url: `redis://127.0.0.1:${port}` };
}

/** A forked load generator with a request/response helper over IPC. */
export function startLoadgen() {
  const child = fork(here('./loadgen.mjs'), [], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // Every thread of it (`-a`): fork cannot start it under taskset, so it is pinned once running.
  if (process.env.BENCH_CLIENT_CPUS) execSync(`taskset -a -pc ${process.env.BENCH_CLIENT_CPUS} ${child.pid}`, { stdio: 'ignore' });
  const request = (message, expect, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`load generator: no ${expect} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (reply) => {
        if (reply.type !== expect && reply.type !== 'error') return;
        clearTimeout(timer);
        child.off('message', onMessage);
        if (reply.type === 'error') reject(new Error(reply.message));
        else resolve(reply);
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return { child, request };
}

/** Reads a server's memory after GC. */
export async function serverMemory(url) {
  const res = await fetch(`${url}/mem`);
  return res.json();
}

/** CPU time (user + system) a process has used so far, from /proc (Linux); 0 elsewhere. */
export function processCpuMicros(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks / CLOCK_TICKS) * 1e6;
  } catch {
    return 0;
  }
}
