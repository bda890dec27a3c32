import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { createServer } from 'node:http';
import { attachMeetings } from '../attach';
import { ack, startHarness, type Harness } from '../test-utils/harness';

describe('socket authentication and access', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('refuses a handshake without a valid token (connect_error unauthenticated)', async () => {
    h = await startHarness();
    await expect(h.connect({})).rejects.toMatchObject({ message: 'unauthenticated', data: { code: 'unauthenticated' } });
    await expect(h.connect({ token: 'garbage' })).rejects.toMatchObject({ message: 'unauthenticated' });
  });

  it('accepts the token from an Authorization: Bearer header', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const token = await h.token('interpreter', meetingId);
    const client = await h.connect({}, { extraHeaders: { authorization: `Bearer ${token}` } });
    expect((await ack(client, 'join-meeting', { meetingId })).ok).toBe(true);
  });

  it('uses an authenticate hook and an authorize hook', async () => {
    const open = randomUUID();
    h = await startHarness({
      authenticate: ({ auth }) => (auth.apiKey === 'k' ? { userId: 'svc', displayName: 'Service' } : null),
      authorize: (_user, meetingId) => (meetingId === open ? { allowed: true, role: 'host' } : false),
    });
    await expect(h.connect({ apiKey: 'nope' })).rejects.toMatchObject({ message: 'unauthenticated' });
    const client = await h.connect({ apiKey: 'k' });
    const joined = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId: open });
    expect(joined.ok && joined.data.self).toMatchObject({ userId: 'svc', role: 'host', displayName: 'Service' });
    expect(await ack(client, 'join-meeting', { meetingId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'meeting-not-found' } });
  });

  it('allowAnonymous (development only) takes the name from the handshake and admits any meeting', async () => {
    h = await startHarness({ auth: undefined, allowAnonymous: true });
    const client = await h.connect({ displayName: '  Dev User ' });
    const joined = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId: randomUUID() });
    expect(joined.ok && joined.data.self).toMatchObject({ displayName: 'Dev User', role: 'participant' });
    expect(joined.ok && joined.data.self.userId).toMatch(/^anon-/);
    const unnamed = await h.connect({});
    const chosen = await ack<MeetingJoinedPayload>(unnamed, 'join-meeting', { meetingId: randomUUID(), displayName: 'Picked' });
    expect(chosen.ok && chosen.data.self.displayName).toBe('Picked');
  });

  it('refuses to start without any authentication configured', () => {
    expect(() => attachMeetings(createServer(), {})).toThrow(/No authentication configured/);
  });
});
