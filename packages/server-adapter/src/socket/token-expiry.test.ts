import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProtocolError, RefreshTokenResult } from '@mentara/meetings-core/protocol';
import { issueMeetingToken } from '../auth/issue-token';
import { ack, collect, settle, startHarness, TEST_SECRET, type Harness, type TestClient } from '../test-utils/harness';

const tokenFor = (userId: string, meetingId: string, expiresIn: number): Promise<string> =>
  issueMeetingToken({ secret: TEST_SECRET, userId, meetingId, expiresIn });

const disconnected = (client: TestClient): Promise<string> => new Promise((resolve) => client.once('disconnect', resolve));

describe('token expiry', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('warns before the token expires (token-expired with retryAfterMs), then disconnects with token-expired', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const client = await h.connect({ token: await tokenFor('client', meetingId, 2) });
    const errors = collect(client, 'webrtc-error');
    expect((await ack(client, 'join-meeting', { meetingId })).ok).toBe(true);
    const reason = await disconnected(client);
    expect(reason).toBe('io server disconnect');
    const codes = errors.map((e: ProtocolError) => [e.code, e.retryAfterMs === undefined ? 'expired' : 'soon']);
    expect(codes).toEqual([
      ['token-expired', 'soon'],
      ['token-expired', 'expired'],
    ]);
  });

  it('refresh-token with a new token of the same user keeps the connection past the old expiry', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const client = await h.connect({ token: await tokenFor('client', meetingId, 2) });
    expect((await ack(client, 'join-meeting', { meetingId })).ok).toBe(true);
    const answer = await ack<RefreshTokenResult>(client, 'refresh-token', { token: await tokenFor('client', meetingId, 600) });
    expect(answer).toMatchObject({ ok: true, data: { expiresAt: expect.any(Number) } });
    expect((answer as { data: RefreshTokenResult }).data.expiresAt).toBeGreaterThan(Date.now() + 500_000);
    await settle(2_800);
    expect(client.connected).toBe(true);
    expect((await ack(client, 'chat-message', { text: 'still here' })).ok).toBe(true);
  });

  it('refuses a refresh with a token of another user, an invalid one, or one that lives too long', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const client = await h.connect({ token: await tokenFor('client', meetingId, 600) });
    expect(await ack(client, 'refresh-token', { token: await tokenFor('someone-else', meetingId, 600) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ack(client, 'refresh-token', { token: 'not-a-token' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const decades = await issueMeetingToken({ secret: TEST_SECRET, userId: 'client', meetingId, expiresIn: 80 * 365 * 86_400 });
    expect(await ack(client, 'refresh-token', { token: decades })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // A token valid until 2100 is not accepted at the handshake either.
    await expect(h.connect({ token: decades })).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
    expect(client.connected).toBe(true);
  });
});
