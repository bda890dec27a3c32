import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { issueMeetingToken } from '../auth/issue-token';
import { ack, collect, nextEvent, settle, startHarness, TEST_SECRET, type Harness } from '../test-utils/harness';

describe('join-meeting / leave-meeting / disconnect', () => {
  let h: Harness;
  let meetingId: string;
  beforeEach(async () => {
    h = await startHarness();
    meetingId = randomUUID();
  });
  afterEach(() => h.close());

  it('acks with the snapshot (no meeting-joined besides the ack), and tells the others', async () => {
    const { client: a, joined: ja } = await h.joinAs('interpreter', meetingId, 'host');
    expect(ja.self).toMatchObject({ userId: 'interpreter', displayName: 'interpreter', role: 'host', ready: false });
    expect(ja.participants).toEqual([]);
    expect(ja.meeting).toMatchObject({ meetingId, status: 'waiting', locked: false });
    expect(ja.limits).toEqual({ maxParticipants: 6, maxChatLength: 2000, maxPayloadBytes: 65536, eventsPerSecond: 50 });

    const joinedEvent = nextEvent(a, 'participant-joined');
    // A token without a name: the name chosen in join-meeting is used.
    const b = await h.connect({ token: await issueMeetingToken({ secret: TEST_SECRET, userId: 'supervisor', meetingId }) });
    // The join answer carries the payload once: an acknowledged join gets no `meeting-joined` event.
    const metEvents = collect(b, 'meeting-joined');
    const result = await ack<MeetingJoinedPayload>(b, 'join-meeting', {
      meetingId,
      displayName: 'Supervisor B',
      media: { microphone: true, camera: false, screen: false },
    });
    expect(result.ok).toBe(true);
    const jb = result.ok ? result.data : undefined;
    expect(jb).toMatchObject({ admission: 'admitted', serverTime: expect.any(Number) });
    await settle();
    expect(metEvents).toEqual([]);
    expect(jb?.self).toMatchObject({ displayName: 'Supervisor B', media: { microphone: true, camera: false, screen: false } });
    expect(jb?.participants.map((p) => p.id)).toEqual([ja.self.id]);
    expect((await joinedEvent).participant).toEqual(jb?.self);
  });

  it("gives a late joiner media state and readiness, and (chatHistory 'none', the default) no earlier chat", async () => {
    const { client: a, joined: ja } = await h.joinAs('interpreter', meetingId);
    await ack(a, 'toggle-media', { source: 'camera', enabled: true });
    await ack(a, 'participant-ready', { ready: true });
    await ack(a, 'chat-message', { text: 'hello' });
    const { joined: jb } = await h.joinAs('supervisor', meetingId);
    expect(jb.participants).toEqual([expect.objectContaining({ id: ja.self.id, ready: true, media: { microphone: false, camera: true, screen: false } })]);
    // A late joiner does not read what was said before they came (session-flow.test.ts covers 'all').
    expect(jb.chat.map((m) => m.text)).toEqual([]);
  });

  it('leave-meeting tells the others (reason left) and acks', async () => {
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b, joined: jb } = await h.joinAs('supervisor', meetingId);
    const left = nextEvent(a, 'participant-left');
    expect(await ack(b, 'leave-meeting', {})).toEqual({ ok: true, data: null });
    expect(await left).toEqual({ participantId: jb.self.id, reason: 'left' });
    expect(await ack(b, 'leave-meeting', {})).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });
    expect(await ack(a, 'leave-meeting', { meetingId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });
  });

  it('a disconnect counts as leaving (reason disconnected)', async () => {
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b, joined: jb } = await h.joinAs('supervisor', meetingId);
    const left = nextEvent(a, 'participant-left');
    b.disconnect();
    expect(await left).toEqual({ participantId: jb.self.id, reason: 'disconnected' });
    expect(await h.meetings.store.listParticipants(meetingId)).toHaveLength(1);
  });

  it('rejoin with previousParticipantId replaces the stale session with a new id', async () => {
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: stale, joined: first } = await h.joinAs('supervisor', meetingId);
    const events: string[] = [];
    a.on('participant-left', (p) => events.push(`left:${p.participantId}:${p.reason}`));
    a.on('participant-joined', (p) => events.push(`joined:${p.participant.id}`));
    const staleLeft = nextEvent(stale, 'participant-left');
    const { joined: second } = await h.joinAs('supervisor', meetingId, 'participant', { previousParticipantId: first.self.id });
    expect(second.self.id).not.toBe(first.self.id);
    expect(await staleLeft).toEqual({ participantId: first.self.id, reason: 'replaced' });
    await settle();
    expect(events).toEqual([`left:${first.self.id}:replaced`, `joined:${second.self.id}`]);
    expect((await h.meetings.store.listParticipants(meetingId)).map((p) => p.id)).toContain(second.self.id);
    expect(await h.meetings.store.listParticipants(meetingId)).toHaveLength(2);
    // The stale socket is out of the meeting: it can no longer act in it, and its disconnect is silent.
    expect(await ack(stale, 'toggle-media', { source: 'microphone', enabled: true })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });
    const after = collect(a, 'participant-left');
    stale.disconnect();
    await settle();
    expect(after).toEqual([]);
  });

  it("keeps the token's verified name over the one chosen in join-meeting", async () => {
    const { joined } = await h.joinAs('interpreter', meetingId, 'participant', { displayName: 'Someone Else' });
    expect(joined.self.displayName).toBe('interpreter');
  });

  it('ignores a previousParticipantId that belongs to someone else', async () => {
    const { joined: ja } = await h.joinAs('interpreter', meetingId);
    const { joined: jm } = await h.joinAs('mallory', meetingId, 'participant', { previousParticipantId: ja.self.id });
    expect(jm.participants.map((p) => p.id)).toEqual([ja.self.id]);
  });

  it('joining another meeting leaves the current one', async () => {
    const other = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const b = await h.connect({ token: await h.token('supervisor', [meetingId, other]) });
    const jb = await ack<MeetingJoinedPayload>(b, 'join-meeting', { meetingId });
    const left = nextEvent(a, 'participant-left');
    expect((await ack(b, 'join-meeting', { meetingId: other })).ok).toBe(true);
    expect(await left).toEqual({ participantId: jb.ok && jb.data.self.id, reason: 'left' });
  });

  it('refuses the seventh participant with meeting-full (mesh cap)', async () => {
    for (let i = 0; i < 6; i += 1) await h.joinAs(`user${i}`, meetingId);
    const c = await h.connect({ token: await h.token('late', meetingId) });
    expect(await ack(c, 'join-meeting', { meetingId })).toMatchObject({ ok: false, error: { code: 'meeting-full', recoverable: true } });
    expect(c.connected).toBe(true);
  });

  it('answers meeting-not-found for a meeting the token does not cover, like an unknown one', async () => {
    const c = await h.connect({ token: await h.token('interpreter', meetingId) });
    const forbidden = await ack(c, 'join-meeting', { meetingId: randomUUID() });
    expect(forbidden).toEqual({
      ok: false,
      error: { code: 'meeting-not-found', message: expect.any(String), event: 'join-meeting', recoverable: false },
    });
  });

  it('join without an ack still gets meeting-joined', async () => {
    const c = await h.connect({ token: await h.token('interpreter', meetingId) });
    const joined = nextEvent(c, 'meeting-joined');
    (c as unknown as { emit(e: string, p: unknown): void }).emit('join-meeting', { meetingId });
    expect((await joined).self.userId).toBe('interpreter');
  });
});
