import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { issueMeetingToken } from './auth/issue-token';
import { ack, openClient } from './test-utils/harness';
import { startWebhookReceiver } from './test-utils/webhook-receiver';

const here = dirname(fileURLToPath(import.meta.url));
const SECRET = 'cli-test-secret-0123456789abcdef';
const METRICS_TOKEN = 'metrics-token-0123456789';

/** Spawns the CLI from source and resolves its URL from the "listening" log line (bounded: 15 s). */
function startCli(env: Record<string, string>, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=@mentara/source', '--import', 'tsx', join(here, 'cli.ts'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
  });
}

describe('mentara-meetings-server CLI', () => {
  let child: ChildProcess;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meetings-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, '.env'), 'DATABASE_PASSWORD=hunter2');
    ({ child, url } = await startCli(
      { PORT: '0', HOST: '127.0.0.1', JWT_SECRET: SECRET, FRONTEND_URL: 'http://127.0.0.1:5173', STUN_SERVER_URL: 'none', TURN_SERVER_URL: 'turn:127.0.0.1:3478', TURN_SECRET: 'x', METRICS: 'true', METRICS_TOKEN: METRICS_TOKEN },
      ['--static', dir],
    ));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves /meetings with JWT auth from JWT_SECRET', async () => {
    const meetingId = randomUUID();
    const client = await openClient(url, { token: await issueMeetingToken({ secret: SECRET, userId: 'u1', meetingId }) }, { extraHeaders: { origin: 'http://127.0.0.1:5173' } });
    try {
      const joined = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId });
      expect(joined.ok && joined.data.self.userId).toBe('u1');
    } finally {
      client.close();
    }
    await expect(openClient(url, {})).rejects.toMatchObject({ message: 'unauthenticated' });
  });

  it('serves webrtc-config from the TURN env vars', async () => {
    const token = await issueMeetingToken({ secret: SECRET, userId: 'u1' });
    const res = await fetch(`${url}/api/meetings/webrtc-config`, { headers: { authorization: `Bearer ${token}` } });
    expect(await res.json()).toEqual({
      iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: expect.stringMatching(/:u1$/), credential: expect.any(String) }],
      iceCandidatePoolSize: 10,
    });
    expect((await fetch(`${url}/api/meetings/webrtc-config`)).status).toBe(401);
  });

  it('serves the static app with SPA fallback and no path traversal', async () => {
    const page = await fetch(`${url}/meeting/${randomUUID()}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    expect(await (await fetch(`${url}/app.js`)).text()).toBe('console.log(1)');
    // A traversal is a dot segment: refused outright, neither the file nor the app.
    const traversal = await fetch(`${url}/..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('root:');
    // No SPA fallback under /api/: an endpoint this server lacks is a 404, not the app's HTML.
    expect((await fetch(`${url}/api/demo/session`, { method: 'HEAD' })).status).toBe(404);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    // Metrics only with the bearer token: the app's users must not read them.
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toContain('mentara_meetings_joins_total');
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  it('never serves dotfiles, not even as the SPA fallback', async () => {
    for (const path of ['/.env', '/.git/config', '/assets/.secret', '/%2eenv']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('hunter2');
    }
  });

  it('sends CSP, framing, nosniff and Referrer-Policy headers on the app and on JSON endpoints', async () => {
    const page = await fetch(`${url}/meeting/${randomUUID()}`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    for (const path of ['/healthz', '/api/meetings/webrtc-config', '/api/nothing-here']) {
      const res = await fetch(`${url}${path}`);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('exits with a clear message when no authentication is configured', async () => {
    await expect(startCli({ PORT: '0' }, [])).rejects.toThrow(/No authentication configured/);
  });
});

describe('mentara-meetings-server CLI: REST API and webhooks from env vars', () => {
  it('a backend with only HTTP creates a meeting, mints tokens, ends it and receives verified webhooks', async () => {
    const apiKey = 'cli-api-key-0123456789abcdef0123';
    const webhookSecret = 'cli-webhook-secret-0123456789';
    const receiver = await startWebhookReceiver(webhookSecret);
    const { child, url } = await startCli(
      { PORT: '0', HOST: '127.0.0.1', JWT_SECRET: SECRET, FRONTEND_URL: 'https://app.example', MEETINGS_API_KEYS: `old-key-0123456789abcdef012,${apiKey}`, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: webhookSecret },
      [],
    );
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${url}/api/meetings${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return (await res.json()) as Record<string, any>;
    };
    const clients: ReturnType<typeof openClient> extends Promise<infer C> ? C[] : never = [];
    try {
      expect((await fetch(`${url}/api/meetings/openapi.json`)).status).toBe(200);
      const meeting = await call('POST', '', { waitingRoom: false });
      expect(meeting.url).toBe(`https://app.example/meeting/${meeting.meetingId}`);
      for (const [userId, role] of [['therapist-1', 'host'], ['client-1', 'participant']] as const) {
        const { token } = await call('POST', `/${meeting.meetingId}/tokens`, { userId, displayName: userId, role });
        const client = await openClient(url, { token });
        clients.push(client);
        expect((await ack(client, 'join-meeting', { meetingId: meeting.meetingId })).ok).toBe(true);
      }
      expect((await call('GET', `/${meeting.meetingId}`)).participants).toHaveLength(2);
      expect((await call('POST', `/${meeting.meetingId}/end`)).status).toBe('ended');
      await receiver.until(() => receiver.of(meeting.meetingId).some((e) => e.type === 'meeting.ended'));
      expect(receiver.of(meeting.meetingId).map((e) => e.type)).toEqual([
        'participant.joined',
        'participant.joined',
        'meeting.started',
        'participant.left',
        'participant.left',
        'meeting.ended',
      ]);
      expect(receiver.deliveries.every((d) => d.status === 200)).toBe(true);
    } finally {
      for (const c of clients) c.close();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      await receiver.close();
    }
  });
});
