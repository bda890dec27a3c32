import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JoinMeetingResult } from '@mentara/meetings-core/protocol';
import { ack, collect, settle, startHarness, type Harness } from '../test-utils/harness';

describe('seats: one per user, hosts outside the cap', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('one token can no longer fill six seats: each socket of the same user replaces the previous one', async () => {
    // Six sockets and joins of one user: above the per-user caps, which have tests of their own.
    h = await startHarness({ limits: { connectionsPerUser: 10, joinsBurst: 10 } });
    const meetingId = randomUUID();
    const { client: other } = await h.joinAs('therapist', meetingId, 'host');
    const token = await h.token('client', meetingId);
    const leftAtOther = collect(other, 'participant-left');
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const socket = await h.connect({ token });
      const answer = await ack<JoinMeetingResult>(socket, 'join-meeting', { meetingId });
      if (!answer.ok) throw new Error(answer.error.code);
      ids.push(answer.data.self.id);
    }
    const present = await h.meetings.store.listParticipants(meetingId);
    expect(present.map((p) => p.userId)).toEqual(['therapist', 'client']);
    expect(present[1]?.id).toBe(ids[5]);
    await settle();
    expect(leftAtOther).toEqual(ids.slice(0, 5).map((participantId) => ({ participantId, reason: 'replaced' })));
    // The five other seats are still free for other people.
    for (let i = 0; i < 5; i += 1) await h.joinAs(`person-${i}`, meetingId);
    expect(await h.meetings.store.listParticipants(meetingId)).toHaveLength(7);
  });

  it('a host always gets in, even when the meeting is full (hosts do not count against maxParticipants)', async () => {
    h = await startHarness({ limits: { maxParticipants: 2 } });
    const meetingId = randomUUID();
    await h.joinAs('client', meetingId);
    await h.joinAs('family-member', meetingId);
    expect((await h.enter('interpreter', meetingId)).answer).toMatchObject({ ok: false, error: { code: 'meeting-full' } });
    const { joined } = await h.joinAs('therapist', meetingId, 'host');
    expect(joined.participants).toHaveLength(2);
    const { joined: second } = await h.joinAs('co-therapist', meetingId, 'host');
    expect(second.participants).toHaveLength(3);
    expect((await h.enter('interpreter', meetingId)).answer).toMatchObject({ ok: false, error: { code: 'meeting-full' } });
  });

  it("'two-present' counts distinct admitted users: two sockets of one user do not start the meeting", async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    await h.joinAs('therapist', meetingId, 'host');
    await h.joinAs('therapist', meetingId, 'host');
    await settle(100);
    expect((await h.meetings.store.getMeeting(meetingId))?.status).toBe('waiting');
    await h.joinAs('client', meetingId);
    await settle(100);
    expect((await h.meetings.store.getMeeting(meetingId))?.status).toBe('active');
  });
});
