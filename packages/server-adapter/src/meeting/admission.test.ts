import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, JoinMeetingResult, MeetingJoinedPayload, WaitingRoomPayload } from '@mentara/meetings-core/protocol';
import { ack, collect, emitRaw, nextEvent, settle, startHarness, type Harness } from '../test-utils/harness';

const waiting = (answer: Ack<JoinMeetingResult>): WaitingRoomPayload => {
  if (!answer.ok || answer.data.admission !== 'waiting') throw new Error(`expected to wait, got ${JSON.stringify(answer)}`);
  return answer.data;
};
const admitted = (answer: Ack<JoinMeetingResult>): MeetingJoinedPayload => {
  if (!answer.ok || answer.data.admission !== 'admitted') throw new Error(`expected to be in, got ${JSON.stringify(answer)}`);
  return answer.data;
};

describe('admission from the waiting room', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('admit: the waiter gets meeting-joined once, the others participant-joined, the hosts participant-admitted', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const asHost = admitted(host.answer);
    const co = await h.enter('co-therapist', meetingId, 'participant', { waitingRoom: false });
    const asCo = admitted(co.answer);
    await ack(host.client, 'chat-message', { text: 'before the client came' });
    const w = await h.enter('client', meetingId);
    const self = waiting(w.answer).self;
    const joinedEvents = collect(w.client, 'meeting-joined');
    const atCo = nextEvent(co.client, 'participant-joined');
    const atHost: string[] = [];
    host.client.on('participant-joined', ({ participant }) => atHost.push(`joined:${participant.id}`));
    host.client.on('participant-admitted', ({ participantId, by }) => atHost.push(`admitted:${participantId}:${by}`));
    const coAdmitted = collect(co.client, 'participant-admitted');

    expect(await ack(host.client, 'admit-participant', { participantId: self.id })).toEqual({ ok: true, data: { admitted: [self.id] } });
    await settle();
    expect(joinedEvents).toHaveLength(1);
    const joined = joinedEvents[0]!;
    expect(joined).toMatchObject({
      self: { id: self.id, userId: 'client', role: 'participant' },
      meeting: { meetingId, hostPresent: true },
      limits: { maxParticipants: 6 },
      serverTime: expect.any(Number),
    });
    expect(joined.participants.map((p) => p.id)).toEqual([asHost.self.id, asCo.self.id]);
    expect(joined.chat).toEqual([]);
    expect(joined).not.toHaveProperty('waiting');
    expect((await atCo).participant.id).toBe(self.id);
    expect(atHost).toEqual([`joined:${self.id}`, `admitted:${self.id}:${asHost.self.id}`]);
    expect(coAdmitted).toEqual([]);

    // In now: it can chat and signal, and hears the room.
    const heard = nextEvent(w.client, 'chat-message');
    await ack(co.client, 'chat-message', { text: 'welcome' });
    expect((await heard).text).toBe('welcome');
    const signal = nextEvent(host.client, 'webrtc-signal');
    emitRaw(w.client, 'webrtc-signal', { to: asHost.self.id, signal: { renegotiate: true } });
    expect((await signal).from).toBe(self.id);
    expect((await h.meetings.store.listParticipants(meetingId)).map((p) => p.id)).toEqual([asHost.self.id, asCo.self.id, self.id]);
  });

  it('admit all: longest waiting first, as many as there are seats; meeting-full when none is left', async () => {
    h = await startHarness({ waitingRoom: true, limits: { maxParticipants: 2 } });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const ids: string[] = [];
    for (const user of ['client', 'family-member', 'interpreter']) {
      ids.push(waiting((await h.enter(user, meetingId)).answer).self.id);
      await settle(5);
    }
    expect(await ack(host.client, 'admit-participant', { all: true })).toEqual({ ok: true, data: { admitted: ids.slice(0, 2) } });
    expect((await h.meetings.store.listWaiting(meetingId)).map((w) => w.id)).toEqual([ids[2]]);
    expect(await ack(host.client, 'admit-participant', { participantId: ids[2] })).toMatchObject({ ok: false, error: { code: 'meeting-full' } });
    expect(await ack(host.client, 'admit-participant', { participantId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'participant-not-found' },
    });
  });

  it('deny: the waiter gets participant-denied and is out; knocking again is bounded (cool-down, then maxDenials)', async () => {
    h = await startHarness({ waitingRoom: true, denialCooldownMs: 300, maxDenials: 2 });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const first = await h.enter('client', meetingId);
    const id = waiting(first.answer).self.id;
    const denied = nextEvent(first.client, 'participant-denied');
    const atHost = nextEvent(host.client, 'participant-denied');
    expect(await ack(host.client, 'deny-participant', { participantId: id })).toEqual({ ok: true, data: null });
    expect(await denied).toEqual({ participantId: id });
    expect(await atHost).toEqual({ participantId: id });
    expect(await h.meetings.store.listWaiting(meetingId)).toEqual([]);
    expect(await ack(first.client, 'chat-message', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });

    const soon = await h.enter('client', meetingId);
    expect(soon.answer).toMatchObject({ ok: false, error: { code: 'admission-denied', recoverable: true, retryAfterMs: expect.any(Number) } });
    const retryAfterMs = soon.answer.ok ? 0 : (soon.answer.error.retryAfterMs ?? 0);
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(300);
    await settle(retryAfterMs + 50);
    const second = await h.enter('client', meetingId);
    await ack(host.client, 'deny-participant', { participantId: waiting(second.answer).self.id });
    await settle(400);
    expect((await h.enter('client', meetingId)).answer).toEqual({
      ok: false,
      error: { code: 'admission-denied', message: expect.any(String), event: 'join-meeting', recoverable: false },
    });
    // Someone else may still knock.
    waiting((await h.enter('family-member', meetingId)).answer);
  });

  it('someone let in goes straight back in within the grace (reconnect, second tab), and waits again after it', async () => {
    h = await startHarness({ waitingRoom: true, admittedGraceMs: 400 });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const first = await h.enter('client', meetingId);
    await ack(host.client, 'admit-participant', { participantId: waiting(first.answer).self.id });
    // A second tab of someone who is in: straight in, replacing the first.
    const replacedAtFirst = nextEvent(first.client, 'participant-left');
    const tab = await h.enter('client', meetingId);
    const inTab = admitted(tab.answer);
    expect((await replacedAtFirst).reason).toBe('replaced');
    // A reconnect within the grace: straight in.
    tab.client.disconnect();
    await settle(100);
    const back = admitted((await h.enter('client', meetingId)).answer);
    expect(back.self.id).not.toBe(inTab.self.id);
    // After the grace: the waiting room again.
    for (const socket of h.meetings.namespace.sockets.values()) if (socket.data.session?.participantId === back.self.id) socket.disconnect(true);
    await settle(600);
    waiting((await h.enter('client', meetingId)).answer);
  });

  it('host controls answer forbidden to anyone but a host', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const host = admitted((await h.enter('therapist', meetingId, 'host')).answer);
    const guest = await h.enter('co-therapist', meetingId, 'participant', { waitingRoom: false });
    const w = waiting((await h.enter('client', meetingId)).answer);
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    const attempts: Array<[string, unknown]> = [
      ['admit-participant', { participantId: w.self.id }],
      ['admit-participant', { all: true }],
      ['deny-participant', { participantId: w.self.id }],
      ['remove-participant', { participantId: host.self.id }],
      ['request-mute', { participantId: host.self.id }],
      ['lock-meeting', { locked: true }],
      ['extend-meeting', { minutes: 10 }],
      ['leave-meeting', { endForAll: true }],
    ];
    for (const [event, payload] of attempts) expect(await ack(guest.client, event as 'lock-meeting', payload)).toMatchObject(forbidden);
    expect((await h.meetings.store.listWaiting(meetingId)).map((x) => x.id)).toEqual([w.self.id]);
    const meeting = await h.meetings.store.getMeeting(meetingId);
    expect(meeting).toMatchObject({ locked: false, status: 'active' });
    expect(meeting?.endsAt).toBeUndefined();
  });
});
