import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { issueMeetingToken } from '../auth/issue-token';
import { configFromEnv, type ServerConfig } from '../config/env';
import { ack, nextEvent, openClient } from '../test-utils/harness';

export const HOST_SECRET = 'host-example-secret-0123456789abcdef';

/** The configuration every host example is started with in tests: loopback, free port, no STUN. */
export const hostTestConfig = (): ServerConfig =>
  configFromEnv({ PORT: '0', HOST: '127.0.0.1', JWT_SECRET: HOST_SECRET, STUN_SERVER_URL: 'none', TURN_SERVER_URL: 'turn:127.0.0.1:3478', TURN_SECRET: 't' });

/**
 * Proves a running host serves the whole backend: two real socket.io clients join one meeting and
 * exchange a signal; the webrtc-config route answers 200 with a token and 401 without. Their
 * tokens skip the waiting room (the `waitingRoom: false` claim), so nobody has to let them in.
 */
export async function checkHost(url: string): Promise<void> {
  const meetingId = randomUUID();
  const token = (userId: string) => issueMeetingToken({ secret: HOST_SECRET, userId, meetingId, waitingRoom: false });
  const a = await openClient(url, { token: await token('interpreter') });
  const b = await openClient(url, { token: await token('supervisor') });
  try {
    const ja = await ack<MeetingJoinedPayload>(a, 'join-meeting', { meetingId });
    const joined = nextEvent(a, 'participant-joined');
    const jb = await ack<MeetingJoinedPayload>(b, 'join-meeting', { meetingId });
    if (!ja.ok || !jb.ok) throw new Error('join failed');
    expect((await joined).participant.id).toBe(jb.data.self.id);
    const signal = nextEvent(b, 'webrtc-signal');
    a.emit('webrtc-signal', { to: jb.data.self.id, signal: { type: 'offer', sdp: 'v=0' } });
    expect(await signal).toEqual({ from: ja.data.self.id, signal: { type: 'offer', sdp: 'v=0' } });
  } finally {
    a.close();
    b.close();
  }
  const config = await fetch(`${url}/api/meetings/webrtc-config`, { headers: { authorization: `Bearer ${await token('interpreter')}` } });
  expect(config.status).toBe(200);
  expect(config.headers.get('cache-control')).toBe('no-store');
  expect(await config.json()).toEqual({
    iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: expect.stringMatching(/:interpreter$/), credential: expect.any(String) }],
    iceCandidatePoolSize: 10,
  });
  expect((await fetch(`${url}/api/meetings/webrtc-config`)).status).toBe(401);
}
