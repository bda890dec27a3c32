import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real coturn on loopback with shared-secret (TURN REST API) credentials. */
export interface Coturn {
  port: number;
  stop(): Promise<void>;
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Send one STUN Binding request; resolves true when coturn answers within 300 ms. */
function stunPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0);
    request.writeUInt32BE(0x2112a442, 4);
    randomBytes(12).copy(request, 8);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      s.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 300);
    s.once('message', () => done(true));
    s.send(request, port, '127.0.0.1');
  });
}

/** Start `/usr/bin/turnserver` and wait (at most 5 s) until it answers STUN. */
export async function startCoturn(secret: string): Promise<Coturn> {
  const port = await freeUdpPort();
  const dir = mkdtempSync(join(tmpdir(), 'core-coturn-'));
  writeFileSync(join(dir, 'turndb'), '');
  const child = spawn(
    '/usr/bin/turnserver',
    [
      '-n', '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${port}`, '--allow-loopback-peers',
      '--no-cli', '--no-tls', '--no-dtls', '--use-auth-secret', `--static-auth-secret=${secret}`, '--realm=meetings.test',
      `--userdb=${join(dir, 'turndb')}`, `--pidfile=${join(dir, 'turn.pid')}`, `--log-file=${join(dir, 'turn.log')}`,
      '--min-port=50000', '--max-port=50999',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 25 && child.exitCode === null; i++) {
    if (await stunPing(port)) return { port, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error('coturn did not answer STUN within 5 s');
}
