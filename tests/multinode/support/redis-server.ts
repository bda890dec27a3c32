import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A throwaway redis-server on a loopback port, owned by one test run. */
export interface TestRedisServer {
  readonly port: number;
  readonly url: string;
  readonly pid: number;
  /** Stops this server by its PID (SIGTERM, then SIGKILL after 3 s). Idempotent. */
  stop(): Promise<void>;
}

/** Asks the OS for a free loopback TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/**
 * Starts `redis-server` without persistence on a free loopback port (or on `port`, to restart a
 * server in place) and resolves once it accepts connections (at most 10 s). `extraArgs` are
 * appended, e.g. `['--maxmemory', '64mb']`.
 */
export async function startRedisServer(extraArgs: string[] = [], fixedPort?: number): Promise<TestRedisServer> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = fixedPort ?? (await freePort());
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const ready = await new Promise<boolean>((resolve) => {
      let output = '';
      const timer = setTimeout(() => resolve(false), 10_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (!ready || child.pid === undefined) {
      child.kill('SIGKILL');
      continue; // port taken between probe and bind: try another
    }
    child.stdout?.resume();
    child.stderr?.resume();
    const pid = child.pid;
    let stopping: Promise<void> | undefined;
    return {
      port,
      pid,
      url: `redis://127.0.0.1:${port}`,
      stop: () =>
        (stopping ??= (async () => {
          process.kill(pid, 'SIGTERM');
          if (!(await exited(child, 3000))) {
            process.kill(pid, 'SIGKILL');
            await exited(child, 3000);
          }
        })().catch(() => undefined)),
    };
  }
  throw new Error('redis-server did not start (is it installed?)');
}
