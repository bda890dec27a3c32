import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JoinMeetingResult, MeetingJoinedPayload, WaitingRoomPayload } from '@mentara/meetings-core/protocol';
import { ack, collect, emitRaw, nextEvent, settle, startHarness, type Harness, type TestClient } from '../test-utils/harness';
import { encodePacket, recordTraffic } from '../test-utils/traffic';

/** The answer of a join that must have put the client in the waiting room. */
function waiting(answer: { ok: boolean; data?: JoinMeetingResult; error?: unknown }): WaitingRoomPayload {
  if (!answer.ok || answer.data?.admission !== 'waiting') throw new Error(`expected to wait, got ${JSON.stringify(answer)}`);
  return answer.data;
}

/** The answer of a join that must have let the client in. */
function admitted(answer: { ok: boolean; data?: JoinMeetingResult; error?: unknown }): MeetingJoinedPayload {
  if (!answer.ok || answer.data?.admission !== 'admitted') throw new Error(`expected to be in, got ${JSON.stringify(answer)}`);
  return answer.data;
}

describe('waiting room', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('is on by default: a participant waits, hosts get participant-waiting and the list (longest first) in their answer', async () => {
    h = await startHarness({ waitingRoom: undefined });
    const meetingId = randomUUID();
    const first = await h.enter('client', meetingId);
    const w1 = waiting(first.answer);
    expect(w1).toMatchObject({
      admission: 'waiting',
      self: { userId: 'client', displayName: 'client', role: 'participant', since: expect.any(Number) },
      meeting: { meetingId, waitingRoom: true, hostPresent: false, chatHistory: 'none', locked: false },
      limits: { maxParticipants: 6 },
      serverTime: expect.any(Number),
    });
    expect(w1).not.toHaveProperty('participants');
    expect(w1).not.toHaveProperty('chat');
    const w2 = waiting((await h.enter('family-member', meetingId)).answer);
    const host = await h.enter('therapist', meetingId, 'host');
    const asHost = admitted(host.answer);
    expect(asHost.waiting?.map((w) => [w.id, w.displayName])).toEqual([
      [w1.self.id, 'client'],
      [w2.self.id, 'family-member'],
    ]);
    expect(asHost.meeting.hostPresent).toBe(true);
    const knocked = nextEvent(host.client, 'participant-waiting');
    const w3 = waiting((await h.enter('interpreter', meetingId)).answer);
    expect(await knocked).toEqual({ participant: w3.self });
    expect(await h.meetings.store.listParticipants(meetingId)).toHaveLength(1);
  });

  it('a waiting participant receives zero bytes of room data while others chat, signal and toggle media', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const waiter = await h.connect({ token: await h.token('client', meetingId) });
    const traffic = recordTraffic(waiter);
    const self = waiting(await ack<JoinMeetingResult>(waiter, 'join-meeting', { meetingId })).self;
    const host = await h.enter('therapist', meetingId, 'host');
    const asHost = admitted(host.answer);
    const co = await h.enter('co-therapist', meetingId, 'participant', { waitingRoom: false });
    const asCo = admitted(co.answer);
    const secret = 'what was said in the room';
    await ack(host.client, 'chat-message', { text: secret });
    await ack(co.client, 'chat-message', { text: `${secret} again` });
    emitRaw(host.client, 'webrtc-offer', { to: asCo.self.id, sdp: { type: 'offer', sdp: 'v=0 offer' } });
    emitRaw(co.client, 'webrtc-answer', { to: asHost.self.id, sdp: { type: 'answer', sdp: 'v=0 answer' } });
    emitRaw(co.client, 'webrtc-signal', { to: asHost.self.id, signal: { renegotiate: true } });
    emitRaw(host.client, 'webrtc-ice-candidate', { to: asCo.self.id, candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' } });
    await ack(host.client, 'toggle-media', { source: 'camera', enabled: true });
    await ack(co.client, 'toggle-media', { source: 'microphone', enabled: true });
    await ack(co.client, 'participant-ready', { ready: true });
    // A signal addressed to the waiter by id does not reach it either: it is not in the meeting.
    expect(await ack(host.client, 'chat-message', { text: 'last' })).toMatchObject({ ok: true });
    emitRaw(host.client, 'webrtc-signal', { to: self.id, signal: { renegotiate: true } });
    await ack(host.client, 'lock-meeting', { locked: true });
    await ack(host.client, 'lock-meeting', { locked: false });
    await ack(co.client, 'leave-meeting', {});
    await settle(300);

    // Its own answer, the host's arrival, the lock and the unlock: nothing else, not one packet.
    expect(traffic.packets.map((p) => (p.kind === 'event' ? p.name : p.kind))).toEqual(['ack', 'meeting-updated', 'meeting-locked', 'meeting-locked']);
    const [answer, updated, locked, unlocked] = traffic.packets;
    expect(answer?.data).toMatchObject({ ok: true, data: { admission: 'waiting' } });
    expect(updated?.data).toEqual([{ meeting: expect.objectContaining({ hostPresent: true }), serverTime: expect.any(Number) }]);
    expect([locked?.data, unlocked?.data]).toEqual([[{ locked: true, by: asHost.self.id }], [{ locked: false, by: asHost.self.id }]]);
    // Every byte it received is the encoding of exactly those packets.
    expect(traffic.bytes()).toBe(traffic.packets.reduce((sum, p) => sum + Buffer.byteLength(encodePacket(p)), 0));
    const seen = JSON.stringify(traffic.packets);
    for (const leak of [secret, asCo.self.id, 'co-therapist', 'v=0', 'candidate:']) expect(seen).not.toContain(leak);
    expect(traffic.bytes()).toBeLessThan(1000);

    // What is addressed to it does arrive: the admission, once, with the full payload.
    const joined = nextEvent(waiter, 'meeting-joined');
    expect(await ack(host.client, 'admit-participant', { participantId: self.id })).toEqual({ ok: true, data: { admitted: [self.id] } });
    expect((await joined).self.id).toBe(self.id);
    await settle();
    expect(traffic.events().filter((e) => e === 'meeting-joined')).toHaveLength(1);
  });

  it('answers not-admitted to a waiting participant that tries to act in the room', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const host = admitted((await h.enter('therapist', meetingId, 'host')).answer);
    const { client } = await h.enter('client', meetingId);
    const refused = { ok: false, error: { code: 'not-admitted' } };
    expect(await ack(client, 'toggle-media', { source: 'camera', enabled: true })).toMatchObject(refused);
    expect(await ack(client, 'participant-ready', { ready: true })).toMatchObject(refused);
    expect(await ack(client, 'chat-message', { text: 'let me in' })).toMatchObject(refused);
    const errors = collect(client, 'webrtc-error');
    for (const event of ['webrtc-signal', 'webrtc-offer', 'webrtc-answer', 'webrtc-ice-candidate']) {
      const body = event === 'webrtc-signal' ? { signal: {} } : event === 'webrtc-ice-candidate' ? { candidate: { candidate: 'c' } } : { sdp: { type: 'offer' } };
      emitRaw(client, event, { to: host.self.id, ...body });
    }
    await settle(200);
    expect(errors.map((e) => [e.event, e.code])).toEqual([
      ['webrtc-signal', 'not-admitted'],
      ['webrtc-offer', 'not-admitted'],
      ['webrtc-answer', 'not-admitted'],
      ['webrtc-ice-candidate', 'not-admitted'],
    ]);
    expect(await h.meetings.store.listChat(meetingId)).toEqual([]);
  });

  it('tells waiters whether a host is present, and when a host comes or goes', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const { client, answer } = await h.enter('client', meetingId);
    expect(waiting(answer).meeting.hostPresent).toBe(false);
    const came = nextEvent(client, 'meeting-updated');
    const host = await h.enter('therapist', meetingId, 'host');
    expect(await came).toEqual({ meeting: expect.objectContaining({ meetingId, hostPresent: true }), serverTime: expect.any(Number) });
    const went = nextEvent(client, 'meeting-updated');
    await ack(host.client, 'leave-meeting', {});
    expect((await went).meeting.hostPresent).toBe(false);
  });

  it('the same user knocking again (second tab, reload) replaces their entry and keeps their place', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const first = await h.enter('client', meetingId);
    const before = waiting(first.answer).self;
    await settle(20);
    const atHost: string[] = [];
    host.client.on('participant-left', (p) => atHost.push(`left:${p.participantId}:${p.reason}`));
    host.client.on('participant-waiting', (p) => atHost.push(`waiting:${p.participant.id}:${p.participant.since}`));
    const oldTabLeft = nextEvent(first.client, 'participant-left');
    const second = await h.enter('client', meetingId);
    const after = waiting(second.answer).self;
    expect(after.id).not.toBe(before.id);
    expect(after.since).toBe(before.since);
    expect(await oldTabLeft).toEqual({ participantId: before.id, reason: 'replaced' });
    await settle();
    expect(atHost).toEqual([`left:${before.id}:replaced`, `waiting:${after.id}:${before.since}`]);
    expect((await h.meetings.store.listWaiting(meetingId)).map((w) => w.id)).toEqual([after.id]);
    // The old tab is out: it is no longer in the waiting room.
    expect(await ack(first.client, 'chat-message', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });

    // A reload (disconnect, then knock) within the grace keeps the place too.
    second.client.disconnect();
    await settle(100);
    const reload = waiting((await h.enter('client', meetingId)).answer).self;
    expect(reload.since).toBe(before.since);
  });

  it('a waiter who leaves or disconnects drops off the list: participant-left to the hosts only', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const guest = await h.enter('co-therapist', meetingId, 'participant', { waitingRoom: false });
    admitted(guest.answer);
    const atGuest = collect(guest.client, 'participant-left');
    const a = await h.enter('client', meetingId);
    const b = await h.enter('family-member', meetingId);
    const leftA = nextEvent(host.client, 'participant-left');
    expect(await ack(a.client, 'leave-meeting', {})).toEqual({ ok: true, data: null });
    expect(await leftA).toEqual({ participantId: waiting(a.answer).self.id, reason: 'left' });
    const leftB = nextEvent(host.client, 'participant-left');
    b.client.disconnect();
    expect(await leftB).toEqual({ participantId: waiting(b.answer).self.id, reason: 'disconnected' });
    await settle();
    expect(atGuest).toEqual([]);
    expect(await h.meetings.store.listWaiting(meetingId)).toEqual([]);
  });

  it('is off per meeting (createMeeting), per identity (token claim) and through authorize', async () => {
    h = await startHarness({ waitingRoom: true });
    const { meetingId: open } = await h.meetings.createMeeting({ frontendUrl: 'https://app.example', waitingRoom: false });
    expect(admitted((await h.enter('client', open)).answer).meeting.waitingRoom).toBe(false);
    const gated = randomUUID();
    expect(admitted((await h.enter('co-therapist', gated, 'participant', { waitingRoom: false })).answer).meeting.waitingRoom).toBe(true);
    waiting((await h.enter('client', gated)).answer);
    await h.close();

    h = await startHarness({ waitingRoom: true, authorize: (user) => ({ allowed: true, waitingRoom: user.userId !== 'interpreter' }) });
    const meetingId = randomUUID();
    admitted((await h.enter('interpreter', meetingId)).answer);
    waiting((await h.enter('client', meetingId)).answer);
  });
});
