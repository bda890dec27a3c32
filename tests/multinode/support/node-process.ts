import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const ENTRY = fileURLToPath(new URL('./node-entry.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A meeting server node running in its own process. */
export interface NodeProcess {
  readonly nodeId: string;
  readonly port: number;
  readonly url: string;
  readonly pid: number;
  /** Lines the node wrote to stderr (warnings as JSON). */
  readonly warnings: string[];
  /** The node's scale-out counters (`GET /stats`). */
  stats(): Promise<{ adapter: { gaps: number; missingMessages: number; received: number }; evictedParticipants: number; resyncedSockets: number; liveness: { sweptNodes: number; lapses: number } }>;
  /** SIGKILL: the node dies without any cleanup, like a crashed machine. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: freeze the node (its sockets stay open, nothing is processed). */
  pause(): void;
  resume(): void;
  /** Graceful SIGTERM, SIGKILL after 5 s. Idempotent. */
  stop(): Promise<void>;
}

const waitExit = (child: ChildProcess, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/**
 * Starts `node-entry.ts` with tsx and the `@mentara/source` condition (one process, so a signal
 * reaches the server itself) and resolves when it listens (at most 30 s).
 */
export async function startNode(env: Record<string, string>): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--conditions=@mentara/source', '--import', 'tsx', ENTRY], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const warnings: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => warnings.push(line));
  const ready = await new Promise<{ port: number; nodeId: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node ${env.NODE_ID} did not start: ${warnings.join('\n')}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { ready?: boolean; port: number; nodeId: string };
        if (parsed.ready) {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {
        // not our line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node ${env.NODE_ID} exited with ${code}: ${warnings.join('\n')}`));
    });
  });
  const pid = child.pid!;
  const url = `http://127.0.0.1:${ready.port}`;
  let stopping: Promise<void> | undefined;
  return {
    nodeId: ready.nodeId,
    port: ready.port,
    url,
    pid,
    warnings,
    async stats() {
      const res = await fetch(`${url}/stats`);
      return (await res.json()) as never;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
      await waitExit(child, 5000);
    },
    pause: () => process.kill(pid, 'SIGSTOP'),
    resume: () => process.kill(pid, 'SIGCONT'),
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        process.kill(pid, 'SIGCONT');
        process.kill(pid, 'SIGTERM');
        if (!(await waitExit(child, 5000))) {
          process.kill(pid, 'SIGKILL');
          await waitExit(child, 5000);
        }
      })().catch(() => undefined)),
  };
}
