import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingError } from '../errors/meeting-error';
import { createIceConfigProvider, type IceConfigOptions } from './ice-config';

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

/** A local HTTP endpoint answering like `GET /api/meetings/webrtc-config`. */
async function endpoint(answer: (n: number) => { status: number; body: unknown }) {
  let calls = 0;
  const server = createServer((_req, res) => {
    const { status, body } = answer(++calls);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/meetings/webrtc-config`, calls: () => calls };
}

const base = (o: Partial<IceConfigOptions>): IceConfigOptions => ({
  url: null, getToken: async () => 'tok', fetch, fallback: [], relayOnly: false, onError: () => {}, ...o,
});

describe('createIceConfigProvider', () => {
  it('re-fetches once the credentials approach expiry', async () => {
    const soon = Math.floor(Date.now() / 1000) + 2; // expires in ~2 s → refresh at once
    const api = await endpoint(() => ({ status: 200, body: { iceServers: [{ urls: 'turn:x', username: `${soon}:u`, credential: 'c' }], iceCandidatePoolSize: 4 } }));
    const p = createIceConfigProvider(base({ url: api.url }));
    const first = await p.get();
    expect(first.iceCandidatePoolSize).toBe(4);
    await p.get();
    expect(api.calls()).toBe(2);
    p.dispose();
  });

  it('falls back to the given servers when the backend is unreachable, and reports only without a fallback', async () => {
    const api = await endpoint(() => ({ status: 503, body: {} }));
    const errors: MeetingError[] = [];
    const withFallback = createIceConfigProvider(base({ url: api.url, fallback: [{ urls: 'turn:fallback' }], onError: (e) => errors.push(e) }));
    expect((await withFallback.get()).iceServers).toEqual([{ urls: 'turn:fallback' }]);
    expect(errors).toEqual([]);
    const without = createIceConfigProvider(base({ url: api.url, onError: (e) => errors.push(e) }));
    expect((await without.get()).iceServers).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual(['ice-config-unavailable']);
    // The failure is remembered briefly: rebuilt connections do not wait for the dead endpoint again.
    await without.get();
    expect(api.calls()).toBe(2);
  });

  it('keeps valid cached credentials when a refresh fails; relayOnly forces relay', async () => {
    const later = Math.floor(Date.now() / 1000) + 3600;
    const api = await endpoint((n) => (n === 1 ? { status: 200, body: { iceServers: [{ urls: 'turn:x', username: `${later}:u`, credential: 'c' }] } } : { status: 500, body: {} }));
    const p = createIceConfigProvider(base({ url: api.url, relayOnly: true, maxAgeMs: 0 }));
    const first = await p.get();
    expect(first.iceTransportPolicy).toBe('relay');
    expect(await p.get()).toBe(first);
    expect(api.calls()).toBe(2);
  });

  it('shares one request between concurrent callers and sends the bearer token', async () => {
    let auth: string | undefined;
    const server = createServer((req, res) => {
      auth = req.headers.authorization;
      setTimeout(() => res.end(JSON.stringify({ iceServers: [], iceCandidatePoolSize: 0 })), 20);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    const p = createIceConfigProvider(base({ url }));
    const [a, b] = await Promise.all([p.get(), p.get()]);
    expect(a).toBe(b);
    expect(auth).toBe('Bearer tok');
  });
});
