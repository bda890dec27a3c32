import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { issueMeetingToken } from '../auth/issue-token';
import { createWebrtcConfigHandler, type WebrtcConfigHandlerOptions } from './webrtc-config-handler';

const secret = 'handler-test-secret-0123456789abcdef';

describe('GET /api/meetings/webrtc-config', () => {
  const closers: Array<() => void> = [];
  afterEach(() => closers.splice(0).forEach((c) => c()));

  const serve = async (options: WebrtcConfigHandlerOptions): Promise<string> => {
    const handler = createWebrtcConfigHandler(options);
    const server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => server.close());
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/meetings/webrtc-config`;
  };

  it('answers exactly { iceServers, iceCandidatePoolSize: 10 } with Cache-Control: no-store', async () => {
    const url = await serve({ auth: { secret }, ice: { stunUrls: false, coturnSecret: { urls: ['turn:127.0.0.1:3478'], secret: 'turn-secret', ttlSeconds: 600 } } });
    const token = await issueMeetingToken({ secret, userId: 'u1', meetingId: 'm' });
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['iceCandidatePoolSize', 'iceServers']);
    expect(body).toEqual({
      iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: expect.stringMatching(/^\d+:u1$/), credential: expect.any(String) }],
      iceCandidatePoolSize: 10,
    });
  });

  it('answers 401 for a missing, malformed, expired or foreign token', async () => {
    const url = await serve({ auth: { secret }, ice: { stunUrls: false } });
    const expired = await issueMeetingToken({ secret, userId: 'u1', expiresIn: -120 });
    const foreign = await issueMeetingToken({ secret: 'another-secret-0123456789abcdef', userId: 'u1' });
    const cases: Array<Record<string, string>> = [{}, { authorization: 'Bearer nope' }, { authorization: `Bearer ${expired}` }, { authorization: `Bearer ${foreign}` }, { authorization: 'Basic abc' }];
    for (const headers of cases) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    }
  });

  it('handles CORS preflight for allowed origins and refuses other methods', async () => {
    const url = await serve({ auth: { secret }, allowedOrigins: ['https://app.example'] });
    const pre = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://app.example' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization');
    const other = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });
});
