import { afterEach, describe, expect, it } from 'vitest';
import { basic, json, startFakeApi } from '../test-utils/fake-api';
import { createXirsysProvider } from './xirsys';

describe('Xirsys provider', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it('PUTs /_turn/<channel> with basic auth and format=urls, and keeps the TURN URLs', async () => {
    const api = await startFakeApi((req, res) => {
      if (req.authorization !== basic('ident', 'secret')) return json(res, 401, { s: 'error', v: 'unauthorized' });
      json(res, 200, {
        v: {
          iceServers: {
            username: 'x-user',
            urls: ['stun:127.0.0.1:3478', 'turn:127.0.0.1:80?transport=udp', 'turns:127.0.0.1:443?transport=tcp'],
            credential: 'x-cred',
          },
        },
        s: 'ok',
      });
    });
    closers.push(api.close);
    let now = 0;
    const provider = createXirsysProvider({ ident: 'ident', secret: 'secret', channel: 'mentara', apiBaseUrl: api.url, now: () => now });
    expect(await provider.getIceServers('u1')).toEqual([
      { urls: ['turn:127.0.0.1:80?transport=udp', 'turns:127.0.0.1:443?transport=tcp'], username: 'x-user', credential: 'x-cred' },
    ]);
    expect(api.requests[0]).toMatchObject({ method: 'PUT', url: '/_turn/mentara', body: '{"format":"urls"}' });
    await provider.getIceServers('u2');
    expect(api.requests).toHaveLength(1);
    now += 31_000;
    await provider.getIceServers('u2');
    expect(api.requests).toHaveLength(2);
  });

  it('accepts the array answer shape and reports API errors', async () => {
    let mode: 'array' | 'error' = 'array';
    const api = await startFakeApi((_req, res) =>
      mode === 'array'
        ? json(res, 200, { s: 'ok', v: { iceServers: [{ url: 'turn:127.0.0.1:3478', username: 'a', credential: 'b' }, { url: 'stun:127.0.0.1' }] } })
        : json(res, 200, { s: 'error', v: 'no_namespace' }),
    );
    closers.push(api.close);
    const provider = createXirsysProvider({ ident: 'i', secret: 's', channel: 'c', apiBaseUrl: api.url, cacheSeconds: 0 });
    expect(await provider.getIceServers('u')).toEqual([{ urls: 'turn:127.0.0.1:3478', username: 'a', credential: 'b' }]);
    mode = 'error';
    await expect(provider.getIceServers('u')).rejects.toThrow(/no_namespace/);
  });
});
