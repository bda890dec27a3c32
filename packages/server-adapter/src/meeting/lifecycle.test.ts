import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { ack, collect, nextEvent, settle, startHarness, type Harness } from '../test-utils/harness';

describe('meeting lifecycle', () => {
  let h: Harness;
  afterEach(() => h.close());

  it("starts when a second participant is present ('two-present'), once", async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const { client: a, joined: ja } = await h.joinAs('interpreter', meetingId);
    const startedAtA = collect(a, 'meeting-started');
    await settle(100);
    expect(startedAtA).toEqual([]);
    expect(ja.meeting.status).toBe('waiting');
    const b = await h.connect({ token: await h.token('supervisor', meetingId) });
    const order: string[] = [];
    let answer: MeetingJoinedPayload | undefined;
    b.on('meeting-joined', () => order.push('meeting-joined'));
    b.on('meeting-started', () => order.push('meeting-started'));
    // Recorded in the ack callback itself (an awaited promise would resume after later packets).
    b.emit('join-meeting', { meetingId }, (reply) => {
      order.push('ack');
      if (reply.ok) answer = reply.data as MeetingJoinedPayload;
    });
    await settle(150);
    // An acknowledged join gets its answer once, as the ack (no `meeting-joined` event), before `meeting-started`.
    expect(order).toEqual(['ack', 'meeting-started']);
    expect(startedAtA).toEqual([{ meetingId, startedAt: expect.any(Number) }]);
    // The seat that started the meeting started it in the same store step: its answer already says so.
    const startedAt = startedAtA[0]?.startedAt;
    expect(answer?.meeting).toMatchObject({ status: 'active', startedAt });
    await h.joinAs('cal', meetingId);
    await settle(100);
    expect(startedAtA).toHaveLength(1);
    expect(await h.meetings.store.getMeeting(meetingId)).toMatchObject({ status: 'active' });
  });

  it("starts on the first join with startPolicy 'first-join'", async () => {
    h = await startHarness({ startPolicy: 'first-join' });
    const meetingId = randomUUID();
    const c = await h.connect({ token: await h.token('interpreter', meetingId) });
    const started = nextEvent(c, 'meeting-started');
    await ack(c, 'join-meeting', { meetingId });
    expect((await started).meetingId).toBe(meetingId);
  });

  it('a host ends the meeting for everyone; a non-host gets forbidden and stays', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const { client: host } = await h.joinAs('therapist', meetingId, 'host');
    const { client: guest } = await h.joinAs('client', meetingId);
    expect(await ack(guest, 'leave-meeting', { endForAll: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.meetings.store.listParticipants(meetingId)).toHaveLength(2);
    const endedAtGuest = nextEvent(guest, 'meeting-ended');
    const endedAtHost = nextEvent(host, 'meeting-ended');
    expect(await ack(host, 'leave-meeting', { endForAll: true })).toEqual({ ok: true, data: null });
    expect(await endedAtGuest).toEqual({ meetingId, reason: 'ended-by-host', endedAt: expect.any(Number) });
    expect((await endedAtHost).reason).toBe('ended-by-host');
    expect(await ack(guest, 'chat-message', { text: 'after' })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });
    const late = await h.connect({ token: await h.token('late', meetingId) });
    expect(await ack(late, 'join-meeting', { meetingId })).toMatchObject({ ok: false, error: { code: 'meeting-ended' } });
  });

  it('ends a started meeting that stays empty for emptyMeetingTimeoutMs; forgets one that never started', async () => {
    h = await startHarness({ emptyMeetingTimeoutMs: 100 });
    const started = randomUUID();
    const { client: a } = await h.joinAs('interpreter', started);
    const { client: b } = await h.joinAs('supervisor', started);
    await settle(50);
    a.disconnect();
    b.disconnect();
    await settle(400);
    expect(await h.meetings.store.getMeeting(started)).toMatchObject({ status: 'ended', endReason: 'empty' });

    const waiting = randomUUID();
    const { client: c } = await h.joinAs('cal', waiting);
    c.disconnect();
    await settle(400);
    expect(await h.meetings.store.getMeeting(waiting)).toBeUndefined();
    const { joined } = await h.joinAs('cal', waiting);
    expect(joined.meeting.status).toBe('waiting');
  });

  it('keeps a registered meeting that never started, with its settings, after it was empty', async () => {
    h = await startHarness({ emptyMeetingTimeoutMs: 100, waitingRoom: true });
    const { meetingId } = await h.meetings.createMeeting({ frontendUrl: 'https://app.example', waitingRoom: false, chatHistory: 'all' });
    const { client } = await h.joinAs('client', meetingId);
    client.disconnect();
    await settle(400);
    expect(await h.meetings.store.getMeeting(meetingId)).toMatchObject({ status: 'waiting', waitingRoom: false, chatHistory: 'all' });
    const { joined } = await h.joinAs('client', meetingId);
    expect(joined.meeting).toMatchObject({ waitingRoom: false, chatHistory: 'all' });
  });

  it('a rejoin within the grace keeps the meeting alive', async () => {
    // A grace long enough for a reconnect on a busy machine; the check waits past its end.
    h = await startHarness({ emptyMeetingTimeoutMs: 1_500 });
    const meetingId = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    await h.joinAs('supervisor', meetingId).then(({ client }) => client.disconnect());
    a.disconnect();
    await settle(50);
    const { joined } = await h.joinAs('interpreter', meetingId);
    await settle(1_700);
    expect(joined.meeting.status).toBe('active');
    expect(await h.meetings.store.getMeeting(meetingId)).toMatchObject({ status: 'active' });
  });

  it("ends at the token's scheduled end with reason scheduled-end, and refuses joins after it", async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const endsAt = (Math.floor(Date.now() / 1000) + 2) * 1000;
    const client = await h.connect({ token: await h.token('interpreter', meetingId, 'host', { endsAt }) });
    const joined = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId });
    expect(joined.ok && joined.data.meeting.endsAt).toBe(endsAt);
    const ended = await nextEvent(client, 'meeting-ended', 4000);
    expect(ended).toMatchObject({ meetingId, reason: 'scheduled-end' });
    expect(ended.endedAt).toBeGreaterThanOrEqual(endsAt);
    const late = await h.connect({ token: await h.token('supervisor', meetingId) });
    expect(await ack(late, 'join-meeting', { meetingId })).toMatchObject({ ok: false, error: { code: 'meeting-ended' } });
  });

  it('refuses to join a meeting whose scheduled end has passed', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const client = await h.connect({ token: await h.token('interpreter', meetingId, 'participant', { endsAt: Date.now() - 60_000 }) });
    expect(await ack(client, 'join-meeting', { meetingId })).toMatchObject({ ok: false, error: { code: 'meeting-ended' } });
  });

  it('endMeeting() on the server handle ends it for everyone', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const { client } = await h.joinAs('interpreter', meetingId);
    const ended = nextEvent(client, 'meeting-ended');
    expect(await h.meetings.endMeeting(meetingId)).toBe(true);
    expect((await ended).reason).toBe('ended-by-host');
    expect(await h.meetings.endMeeting(meetingId)).toBe(false);
  });
});
