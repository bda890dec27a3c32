import { afterEach, describe, expect, it } from 'vitest';
import { basic, json, startFakeApi } from '../test-utils/fake-api';
import { createTwilioProvider } from './twilio';

const SID = 'AC00000000000000000000000000000000';
const TOKEN = 'twilio-auth-token';

/** Twilio's documented `Tokens.json` answer (201 Created), with loopback-only addresses. */
const tokenBody = (n: number, ttl = '86400') => ({
  account_sid: SID,
  date_created: 'Tue, 24 Nov 2026 05:00:00 +0000',
  date_updated: 'Tue, 24 Nov 2026 05:00:00 +0000',
  ice_servers: [
    { url: 'stun:127.0.0.1:3478', urls: 'stun:127.0.0.1:3478' },
    { url: 'turn:127.0.0.1:3478?transport=udp', urls: 'turn:127.0.0.1:3478?transport=udp', username: `user-${n}`, credential: `pass-${n}` },
    { url: 'turn:127.0.0.1:443?transport=tcp', urls: 'turn:127.0.0.1:443?transport=tcp', username: `user-${n}`, credential: `pass-${n}` },
  ],
  password: `pass-${n}`,
  ttl,
  username: `user-${n}`,
});

describe('Twilio Network Traversal Service provider', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it('POSTs Tokens.json with basic auth and Ttl, keeps TURN entries, and caches until shortly before ttl', async () => {
    let issued = 0;
    const api = await startFakeApi((req, res) => {
      if (req.authorization !== basic(SID, TOKEN)) return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
      issued += 1;
      json(res, 201, tokenBody(issued, '100'));
    });
    closers.push(api.close);
    let now = 1_000_000;
    const provider = createTwilioProvider({ accountSid: SID, authToken: TOKEN, apiBaseUrl: api.url, ttlSeconds: 100, now: () => now });
    const first = await provider.getIceServers('u1');
    expect(first).toEqual([
      { urls: 'turn:127.0.0.1:3478?transport=udp', username: 'user-1', credential: 'pass-1' },
      { urls: 'turn:127.0.0.1:443?transport=tcp', username: 'user-1', credential: 'pass-1' },
    ]);
    expect(api.requests[0]).toMatchObject({ method: 'POST', url: `/2010-04-01/Accounts/${SID}/Tokens.json`, body: 'Ttl=100' });
    now += 85_000; // still before ttl − margin (100 s − 10 s)
    await Promise.all([provider.getIceServers('u2'), provider.getIceServers('u3')]);
    expect(api.requests).toHaveLength(1);
    now += 6_000; // inside the refresh margin
    expect((await provider.getIceServers('u1'))[0]?.username).toBe('user-2');
    expect(api.requests).toHaveLength(2);
  });

  it('uses TWILIO_TURN_SERVER_URL with the token credentials when set', async () => {
    const api = await startFakeApi((_req, res) => json(res, 201, tokenBody(7)));
    closers.push(api.close);
    const provider = createTwilioProvider({ accountSid: SID, authToken: TOKEN, apiBaseUrl: api.url, turnServerUrl: 'turn:127.0.0.1:3478' });
    expect(await provider.getIceServers('u1')).toEqual([{ urls: 'turn:127.0.0.1:3478', username: 'user-7', credential: 'pass-7' }]);
  });

  it('fails clearly on bad credentials and does not cache the failure', async () => {
    let ok = false;
    const api = await startFakeApi((_req, res) => (ok ? json(res, 201, tokenBody(1)) : json(res, 401, { code: 20003, status: 401 })));
    closers.push(api.close);
    const provider = createTwilioProvider({ accountSid: SID, authToken: 'wrong', apiBaseUrl: api.url });
    await expect(provider.getIceServers('u1')).rejects.toThrow(/HTTP 401/);
    ok = true;
    expect(await provider.getIceServers('u1')).toHaveLength(2);
  });
});
