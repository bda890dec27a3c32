import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Root of the monorepo. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A quickstart server running as a child process. */
export interface QuickstartProcess {
  /** Origin the server listens on, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  pid: number;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `examples/quickstart` exactly as `npm start` does (Node + tsx with the
 * `@mentara/source` condition) on a free loopback port and resolves once it prints its URL.
 * Expects the web app to be built already (see `tests/e2e/global-setup.ts`).
 */
export function startQuickstart(env: Record<string, string> = {}, timeoutMs = 30_000): Promise<QuickstartProcess> {
  return startExampleServer('examples/quickstart/src/server/main.ts', { QUICKSTART_SKIP_BUILD: '1', ...env }, timeoutMs);
}

/**
 * Starts an example's server script (path from the repository root) as its `npm start` does,
 * with `PORT=0` and `HOST=127.0.0.1`, and resolves once it prints `listening on <url>`.
 */
export async function startExampleServer(entry: string, env: Record<string, string> = {}, timeoutMs = 30_000): Promise<QuickstartProcess> {
  const child = spawn(process.execPath, ['--conditions=@mentara/source', '--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/i.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (code ${code}, signal ${signal}) before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  if (child.pid === undefined) throw new Error(`${entry} has no pid`);
  return { origin, pid: child.pid, output: () => output, stop };
}
