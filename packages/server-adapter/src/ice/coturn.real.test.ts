import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueMeetingToken } from '../auth/issue-token';
import { configFromEnv } from '../config/env';
import { createWebrtcConfigHandler } from '../http/webrtc-config-handler';
import { startCoturn, type CoturnProcess } from '../test-utils/coturn-process';
import { allocate } from '../test-utils/turn-client';
import { coturnCredentials } from './coturn';

const TURN_SECRET = 'coturn-shared-secret-for-tests';
const JWT_SECRET = 'coturn-real-jwt-secret-0123456789';

describe('coturn shared-secret credentials against a real coturn', () => {
  let coturn: CoturnProcess;
  beforeAll(async () => {
    coturn = await startCoturn(TURN_SECRET);
  });
  afterAll(() => coturn?.stop());

  it('credentials served by webrtc-config get a relay allocation', async () => {
    const config = configFromEnv({
      JWT_SECRET,
      STUN_SERVER_URL: 'none',
      TURN_SERVER_URL: `turn:127.0.0.1:${coturn.port}`,
      TURN_SECRET,
      TURN_CREDENTIAL_TTL: '600',
    });
    const handler = createWebrtcConfigHandler({ ...(config.jwt ? { auth: config.jwt } : {}), ice: config.ice });
    const http = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    try {
      const token = await issueMeetingToken({ secret: JWT_SECRET, userId: 'patient-1', meetingId: 'm' });
      const res = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/api/meetings/webrtc-config`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { iceServers: Array<{ urls: string[]; username: string; credential: string }> };
      expect(body.iceServers).toHaveLength(1);
      const [turn] = body.iceServers;
      const result = await allocate(coturn.port, turn?.username ?? '', turn?.credential ?? '');
      expect(result).toMatchObject({ ok: true, relayed: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    } finally {
      http.close();
    }
  });

  it('refuses expired credentials with 401', async () => {
    const { username, credential } = coturnCredentials(TURN_SECRET, 'patient-1', -60);
    expect(await allocate(coturn.port, username, credential)).toEqual({ ok: false, code: 401 });
  });

  it('refuses tampered credentials (other user, wrong secret) with 401', async () => {
    const good = coturnCredentials(TURN_SECRET, 'patient-1', 600);
    const otherUser = good.username.replace('patient-1', 'patient-2');
    expect(await allocate(coturn.port, otherUser, good.credential)).toEqual({ ok: false, code: 401 });
    const forged = coturnCredentials('not-the-secret', 'patient-1', 600);
    expect(await allocate(coturn.port, forged.username, forged.credential)).toEqual({ ok: false, code: 401 });
  });
});
