import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stunPing } from './turn-client';

/** A real coturn (`/usr/bin/turnserver`) on loopback with shared-secret auth. */
export interface CoturnProcess {
  port: number;
  realm: string;
  stop(): Promise<void>;
}

const freeUdpPort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createSocket('udp4');
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts coturn (with `extraArgs` after ours) and waits (bounded, 5 s) until it answers STUN. */
export async function startCoturn(secret: string, realm = 'meetings.test', extraArgs: readonly string[] = []): Promise<CoturnProcess> {
  const port = await freeUdpPort();
  const dir = mkdtempSync(join(tmpdir(), 'coturn-'));
  const userdb = join(dir, 'turndb');
  writeFileSync(userdb, '');
  const child: ChildProcess = spawn(
    '/usr/bin/turnserver',
    [
      '-n', '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${port}`, '--allow-loopback-peers',
      '--no-cli', '--no-tls', '--no-dtls', '--use-auth-secret', `--static-auth-secret=${secret}`, `--realm=${realm}`,
      `--userdb=${userdb}`, `--pidfile=${join(dir, 'turn.pid')}`, `--log-file=${join(dir, 'turn.log')}`,
      '--min-port=49152', '--max-port=49999', ...extraArgs,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await stunPing(port)) return { port, realm, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('coturn did not start within 5 s');
}
