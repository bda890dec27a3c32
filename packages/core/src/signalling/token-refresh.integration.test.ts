import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { issueMeetingToken } from '@mentara/meetings-server';
import type { MeetingError } from '../errors/meeting-error';
import { meshReady, useTestServer, waitForState } from '../test-support/server-harness';

const SECRET = 'token-refresh-integration-secret-0123456789';
const fixture = useTestServer({ auth: { secret: SECRET }, allowAnonymous: false });

/** A getToken that mints short-lived tokens and counts its calls; `fail` makes the next calls throw. */
function shortTokens(userId: string, meetingId: string, expiresIn: number) {
  const calls = { count: 0, failing: 0 };
  const getToken = async () => {
    calls.count += 1;
    if (calls.failing > 0) {
      calls.failing -= 1;
      throw new Error('the token endpoint is down');
    }
    return issueMeetingToken({ secret: SECRET, userId, displayName: userId, meetingId, expiresIn });
  };
  return { calls, getToken };
}

it('refreshes the token through getToken before it expires: same socket, same participant, no break', async () => {
  const meetingId = randomUUID();
  const tokens = shortTokens('client', meetingId, 3);
  const a = fixture.node('Client', { getToken: tokens.getToken });
  const b = fixture.node('Therapist', { getToken: shortTokens('therapist', meetingId, 600).getToken });
  const states: string[] = [];
  const errors: MeetingError[] = [];
  a.client.on('connection-changed', ({ state }) => states.push(state));
  a.client.on('error', ({ error }) => errors.push(error));
  await a.client.join(meetingId);
  await b.client.join(meetingId);
  await Promise.all([waitForState(a.client, meshReady(1)), waitForState(b.client, meshReady(1))]);
  const id = a.client.getSnapshot().localParticipant!.id;
  // Past the first token's expiry (3 s), asked for a new one when 1.5 s were left.
  await waitForState(a.client, () => tokens.calls.count >= 2, 10_000, 'refresh asked');
  await new Promise((r) => setTimeout(r, 3_000));
  expect(a.client.getSnapshot().connection).toBe('connected');
  expect(a.client.getSnapshot().localParticipant!.id).toBe(id);
  expect(states).not.toContain('reconnecting');
  expect(errors.map((e) => e.code)).not.toContain('token-expired');
});

it('when the refresh fails, the expiry closes the socket and the client reconnects with a new token and rejoins', async () => {
  const meetingId = randomUUID();
  const tokens = shortTokens('client', meetingId, 2);
  const a = fixture.node('Client', { getToken: tokens.getToken, reconnection: { initialDelayMs: 100, maxDelayMs: 500 } });
  const b = fixture.node('Therapist', { getToken: shortTokens('therapist', meetingId, 600).getToken });
  const states: string[] = [];
  a.client.on('connection-changed', ({ state }) => states.push(state));
  await a.client.join(meetingId);
  await b.client.join(meetingId);
  await Promise.all([waitForState(a.client, meshReady(1)), waitForState(b.client, meshReady(1))]);
  // The refresh before the expiry finds no token; the handshake after it gets one.
  tokens.calls.failing = 1;
  const before = tokens.calls.count;
  await waitForState(a.client, () => states.includes('reconnecting'), 10_000, 'closed at expiry');
  await waitForState(a.client, (s) => s.connection === 'connected' && tokens.calls.count >= before + 2, 10_000, 'rejoined');
  await Promise.all([waitForState(a.client, meshReady(1), 15_000, 'A mesh again'), waitForState(b.client, meshReady(1), 15_000, 'B mesh again')]);
  expect(b.client.getSnapshot().remoteParticipants).toHaveLength(1);
});
