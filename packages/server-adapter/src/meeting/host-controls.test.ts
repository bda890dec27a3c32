import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, JoinMeetingResult, MeetingJoinedPayload, WaitingRoomPayload } from '@mentara/meetings-core/protocol';
import { ack, collect, nextEvent, settle, startHarness, type Harness } from '../test-utils/harness';

const waiting = (answer: Ack<JoinMeetingResult>): WaitingRoomPayload => {
  if (!answer.ok || answer.data.admission !== 'waiting') throw new Error(`expected to wait, got ${JSON.stringify(answer)}`);
  return answer.data;
};
const admitted = (answer: Ack<JoinMeetingResult>): MeetingJoinedPayload => {
  if (!answer.ok || answer.data.admission !== 'admitted') throw new Error(`expected to be in, got ${JSON.stringify(answer)}`);
  return answer.data;
};
const skip = { waitingRoom: false } as const;

describe('host controls', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('remove: the person is told and out, the others see reason removed, and they cannot rejoin until the meeting ends', async () => {
    // The removed user tries six joins: above the per-user join budget, which has tests of its own.
    h = await startHarness({ waitingRoom: true, endedMeetingRetentionMs: 200, limits: { joinsBurst: 10 } });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const asHost = admitted(host.answer);
    const other = await h.enter('interpreter', meetingId, 'participant', skip);
    const target = await h.enter('client', meetingId, 'participant', skip);
    const targetId = admitted(target.answer).self.id;
    const removed = nextEvent(target.client, 'participant-removed');
    const leftAtOther = nextEvent(other.client, 'participant-left');
    const leftAtTarget = collect(target.client, 'participant-left');
    expect(await ack(host.client, 'remove-participant', { participantId: targetId })).toEqual({ ok: true, data: null });
    expect(await removed).toEqual({ participantId: targetId, by: asHost.self.id });
    expect(await leftAtOther).toEqual({ participantId: targetId, reason: 'removed' });
    await settle();
    expect(leftAtTarget).toEqual([]);
    expect(await ack(target.client, 'chat-message', { text: 'still here?' })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });
    const afterRemoval = collect(target.client, 'chat-message');
    await ack(host.client, 'chat-message', { text: 'after the removal' });
    // Rejoin and knock are refused, even with a token that skips the waiting room, even on a fresh socket.
    expect(await ack(target.client, 'join-meeting', { meetingId })).toMatchObject({ ok: false, error: { code: 'removed-from-meeting', recoverable: false } });
    expect((await h.enter('client', meetingId)).answer).toMatchObject({ ok: false, error: { code: 'removed-from-meeting' } });
    expect((await h.enter('client', meetingId, 'participant', skip)).answer).toMatchObject({ ok: false, error: { code: 'removed-from-meeting' } });
    expect(afterRemoval).toEqual([]);
    // Until the meeting ends: once its tombstone is gone, the id starts a fresh meeting.
    await ack(host.client, 'leave-meeting', { endForAll: true });
    expect((await h.enter('client', meetingId, 'participant', skip)).answer).toMatchObject({ ok: false, error: { code: 'meeting-ended' } });
    await settle(400);
    admitted((await h.enter('client', meetingId, 'participant', skip)).answer);
  });

  it('a host cannot remove a host (nor themself); removing someone unknown answers participant-not-found', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const cohost = admitted((await h.enter('co-therapist', meetingId, 'host')).answer);
    expect(await ack(host.client, 'remove-participant', { participantId: cohost.self.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ack(host.client, 'remove-participant', { participantId: admitted(host.answer).self.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ack(host.client, 'remove-participant', { participantId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'participant-not-found' },
    });
    expect(await h.meetings.store.listParticipants(meetingId)).toHaveLength(2);
  });

  it('request-mute reaches only the person asked, with who asked', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const asHost = admitted(host.answer);
    const target = await h.enter('client', meetingId, 'participant', skip);
    const other = await h.enter('interpreter', meetingId, 'participant', skip);
    const atOther = collect(other.client, 'mute-requested');
    const asked = nextEvent(target.client, 'mute-requested');
    const targetId = admitted(target.answer).self.id;
    expect(await ack(host.client, 'request-mute', { participantId: targetId })).toEqual({ ok: true, data: null });
    expect(await asked).toEqual({ source: 'microphone', by: asHost.self.id, byName: 'therapist' });
    const camera = nextEvent(target.client, 'mute-requested');
    await ack(host.client, 'request-mute', { participantId: targetId, source: 'camera' });
    expect((await camera).source).toBe('camera');
    await settle();
    expect(atOther).toEqual([]);
    expect(await ack(host.client, 'request-mute', { participantId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'participant-not-found' } });
  });

  it('lock: everyone (waiting room included) hears it; nobody new joins or knocks, hosts still do, waiters may still be let in', async () => {
    h = await startHarness({ waitingRoom: true });
    const meetingId = randomUUID();
    const host = await h.enter('therapist', meetingId, 'host');
    const asHost = admitted(host.answer);
    const inside = await h.enter('interpreter', meetingId, 'participant', skip);
    const waiter = await h.enter('client', meetingId);
    const lockedIn = nextEvent(inside.client, 'meeting-locked');
    const lockedWaiting = nextEvent(waiter.client, 'meeting-locked');
    const answer = await ack(host.client, 'lock-meeting', { locked: true });
    expect(answer).toEqual({ ok: true, data: expect.objectContaining({ meetingId, locked: true, hostPresent: true }) });
    expect(await lockedIn).toEqual({ locked: true, by: asHost.self.id });
    expect(await lockedWaiting).toEqual({ locked: true, by: asHost.self.id });

    expect((await h.enter('family-member', meetingId)).answer).toMatchObject({ ok: false, error: { code: 'meeting-locked' } });
    expect((await h.enter('family-member', meetingId, 'participant', skip)).answer).toMatchObject({ ok: false, error: { code: 'meeting-locked' } });
    expect(admitted((await h.enter('co-therapist', meetingId, 'host')).answer).meeting.locked).toBe(true);
    const waiterId = waiting(waiter.answer).self.id;
    expect(await ack(host.client, 'admit-participant', { participantId: waiterId })).toEqual({ ok: true, data: { admitted: [waiterId] } });
    // Someone who was in and reconnects within the grace is not new.
    inside.client.disconnect();
    await settle(100);
    admitted((await h.enter('interpreter', meetingId, 'participant', skip)).answer);

    expect(await ack(host.client, 'lock-meeting', { locked: false })).toMatchObject({ ok: true, data: { locked: false } });
    waiting((await h.enter('family-member', meetingId)).answer);
  });

  it('extend: the new end is the old end plus minutes, everyone hears it, and the scheduled end honours it', async () => {
    let offset = 0;
    h = await startHarness({ waitingRoom: true, now: () => Date.now() + offset });
    const endsAt = Date.now() + 1_000;
    const { meetingId } = await h.meetings.createMeeting({ frontendUrl: 'https://app.example', endsAt });
    const host = await h.enter('therapist', meetingId, 'host');
    expect(admitted(host.answer).meeting.endsAt).toBe(endsAt);
    const waiter = await h.enter('client', meetingId);
    expect(waiting(waiter.answer).meeting.endsAt).toBe(endsAt);
    const updated = nextEvent(waiter.client, 'meeting-updated');
    const answer = await ack(host.client, 'extend-meeting', { minutes: 1 });
    expect(answer).toEqual({ ok: true, data: expect.objectContaining({ meetingId, endsAt: endsAt + 60_000 }) });
    expect(await updated).toEqual({ meeting: expect.objectContaining({ endsAt: endsAt + 60_000 }), serverTime: expect.any(Number) });
    const ended = collect(host.client, 'meeting-ended');
    // The timer armed for the old end fires, reads the new end, and waits for it.
    await settle(1_600);
    expect(ended).toEqual([]);
    expect(await h.meetings.store.getMeeting(meetingId)).toMatchObject({ endsAt: endsAt + 60_000 });
    expect(await h.meetings.store.getMeeting(meetingId)).not.toMatchObject({ status: 'ended' });
    // At the new end (by the server's clock) the meeting is over for everyone, waiting room included.
    offset = 61_000;
    const endedForWaiter = nextEvent(waiter.client, 'meeting-ended');
    expect((await h.enter('interpreter', meetingId, 'participant', skip)).answer).toMatchObject({ ok: false, error: { code: 'meeting-ended' } });
    expect(await endedForWaiter).toMatchObject({ meetingId, reason: 'scheduled-end' });
    expect(ended).toEqual([expect.objectContaining({ reason: 'scheduled-end' })]);
  });
});
