import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWebrtcConfigHandler } from '@mentara/meetings-server';
import { WEBRTC_CONFIG_PATH } from '../protocol/events';
import type { MeetingSnapshot } from '../state/types';
import { startCoturn, type Coturn } from '../test-support/coturn';
import { createNodeClient, meshReady, startTestServer, waitForState, type TestServer } from '../test-support/server-harness';
import { createIceConfigProvider } from './ice-config';

const SECRET = 'core-test-turn-secret';
let turn: Coturn;
let server: TestServer;

beforeAll(async () => {
  turn = await startCoturn(SECRET);
  server = await startTestServer();
  const handler = createWebrtcConfigHandler({
    allowAnonymous: true,
    ice: { stunUrls: false, coturnSecret: { urls: [`turn:127.0.0.1:${turn.port}?transport=udp`], secret: SECRET, ttlSeconds: 600 } },
  });
  // The config endpoint lives next to Socket.IO on the same HTTP server, as in a real backend.
  server.http.prependListener('request', (req, res) => {
    if (req.url?.startsWith(WEBRTC_CONFIG_PATH)) void handler(req, res);
  });
});
afterAll(async () => {
  await server?.close();
  await turn?.stop();
});

it('fetches TURN credentials with the bearer token, reads the coturn expiry and caches them', async () => {
  const seen: Array<string | null> = [];
  const provider = createIceConfigProvider({
    url: `${server.url}${WEBRTC_CONFIG_PATH}`,
    getToken: async () => undefined,
    fetch: async (input, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return fetch(input, init);
    },
    fallback: [],
    relayOnly: true,
    onError: (e) => {
      throw e;
    },
  });
  const config = await provider.get();
  expect(config.iceTransportPolicy).toBe('relay');
  const [server0] = config.iceServers ?? [];
  expect(server0?.username).toMatch(/^\d{10}:/);
  expect(await provider.get()).toBe(config);
  expect(seen).toHaveLength(1);
  provider.dispose();
});

it('relay-only meetings connect through the real coturn (no host candidates used)', async () => {
  const a = createNodeClient(server.url, 'Private A', { webrtcConfigUrl: undefined, relayOnly: true });
  const b = createNodeClient(server.url, 'Private B', { webrtcConfigUrl: undefined, relayOnly: true });
  try {
    await a.client.join('relay-only');
    await b.client.join('relay-only');
    await Promise.all([waitForState(a.client, meshReady(1), 20_000, 'A relay'), waitForState(b.client, meshReady(1), 20_000, 'B relay')]);
    const statsOf = (x: MeetingSnapshot) => x.peerStats[x.remoteParticipants[0]?.id ?? ''];
    const s = await waitForState(a.client, (x) => statsOf(x)?.localCandidateType != null, 8_000, 'stats');
    expect(statsOf(s)!.localCandidateType).toBe('relay');
  } finally {
    a.client.destroy();
    b.client.destroy();
  }
});
