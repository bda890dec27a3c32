import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantRole } from '@mentara/meetings-core/protocol';
import { startCluster, type TestCluster } from './support/cluster';
import { waitFor, type MeetingPeer } from './support/meeting-peer';

let cluster: TestCluster;

beforeAll(async () => {
  // Two nodes on one Redis, the waiting room on as in production.
  cluster = await startCluster(2, { env: { WAITING_ROOM: 'true' } });
});

afterAll(async () => {
  await cluster?.stop();
});

interface JoinOptions {
  role?: ParticipantRole;
  /** `false`: skips the waiting room (token claim). */
  waitingRoom?: boolean;
  endsAt?: number;
}

async function joinOn(nodeIndex: number, userId: string, meetingId: string, o: JoinOptions = {}): Promise<MeetingPeer> {
  const claims = { ...(o.waitingRoom !== undefined ? { waitingRoom: o.waitingRoom } : {}), ...(o.endsAt !== undefined ? { endsAt: o.endsAt } : {}) };
  return cluster.join(nodeIndex, userId, meetingId, { role: o.role ?? 'participant', claims, peer: { reconnect: false } });
}

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: { code?: string }) => error.code);

describe('the session flow across two nodes', () => {
  it('a host on node A admits a waiter on node B, who received nothing of the room while waiting', async () => {
    const meetingId = `m-${randomUUID()}`;
    const waiter = await joinOn(1, 'client', meetingId);
    expect(waiter.admission).toBe('waiting');
    expect(waiter.meeting?.hostPresent).toBe(false);
    const host = await joinOn(0, 'therapist', meetingId, { role: 'host' });
    expect([...host.waitingList.keys()]).toEqual([waiter.id]);
    await waitFor(() => waiter.meeting?.hostPresent === true, 5000, 'the waiter on B hears the host came (A)');
    const co = await joinOn(1, 'co-therapist', meetingId, { waitingRoom: false });
    await host.sendChat('said before the client came');
    await co.sendChat('also before');
    host.emit('webrtc-offer', { to: co.id, sdp: { type: 'offer', sdp: 'v=0' } });
    co.emit('webrtc-signal', { to: host.id, signal: { renegotiate: true } });
    await co.toggleMedia('camera', true);
    await co.setReady(true);
    await waitFor(() => co.signals.length === 1 && host.signals.length === 1, 5000, 'signals across nodes');
    const lateKnock = await joinOn(1, 'family-member', meetingId);
    await waitFor(() => host.waitingList.has(lateKnock.id), 5000, 'host on A hears the knock on B');
    // Nothing of the room reached the waiters: only the host's arrival (meeting-updated).
    expect(waiter.received).toEqual(['meeting-updated']);
    expect(lateKnock.received).toEqual([]);
    expect(waiter.chat).toEqual([]);

    const answer = await host.request<{ admitted: string[] }>('admit-participant', { participantId: waiter.id });
    expect(answer).toEqual({ ok: true, data: { admitted: [waiter.id] } });
    await waitFor(() => waiter.admission === 'admitted', 5000, 'the waiter on B is let in from A');
    expect(waiter.received.filter((e) => e === 'meeting-joined')).toHaveLength(1);
    expect(waiter.rosterIds()).toEqual([host.id, co.id, waiter.id].sort());
    expect(waiter.chat).toEqual([]);
    await waitFor(() => host.roster.has(waiter.id) && co.roster.has(waiter.id) && !host.waitingList.has(waiter.id), 5000, 'everyone sees the admitted');
    // In now, on its own node: it can talk to the room.
    const sent = await waiter.sendChat('hello from node B');
    await waitFor(() => host.chat.some((m) => m.id === sent.id), 5000, 'its chat reaches node A');
    waiter.emit('webrtc-signal', { to: host.id, signal: { renegotiate: true } });
    await waitFor(() => host.signals.some((s) => s.from === waiter.id), 5000, 'its signal reaches node A');
    expect(lateKnock.received).toEqual([]);
  });

  it('two hosts on two nodes admitting everyone at once never exceed the seats', async () => {
    const meetingId = `m-${randomUUID()}`;
    const hostA = await joinOn(0, 'therapist', meetingId, { role: 'host' });
    const hostB = await joinOn(1, 'co-therapist', meetingId, { role: 'host' });
    const waiters = await Promise.all(Array.from({ length: 8 }, (_, i) => joinOn(i % 2, `client-${i}`, meetingId)));
    await waitFor(() => hostA.waitingList.size === 8 && hostB.waitingList.size === 8, 5000, 'both hosts see 8 waiting');
    const answers = await Promise.all([hostA, hostB].map((h) => h.request<{ admitted: string[] }>('admit-participant', { all: true })));
    const admittedIds = answers.flatMap((a) => (a.ok ? a.data.admitted : []));
    expect(admittedIds).toHaveLength(6);
    expect(new Set(admittedIds).size).toBe(6);
    await waitFor(() => waiters.filter((w) => w.admission === 'admitted').length === 6, 5000, 'six let in');
    const left = waiters.filter((w) => w.admission === 'waiting');
    expect(left).toHaveLength(2);
    expect(await hostA.request('admit-participant', { participantId: left[0]!.id })).toMatchObject({ ok: false, error: { code: 'meeting-full' } });
  });

  it('lock and remove hold across nodes', async () => {
    const meetingId = `m-${randomUUID()}`;
    const host = await joinOn(0, 'therapist', meetingId, { role: 'host' });
    const target = await joinOn(1, 'client', meetingId, { waitingRoom: false });
    const other = await joinOn(0, 'interpreter', meetingId, { waitingRoom: false });
    const waiter = await joinOn(1, 'family-member', meetingId);

    expect(await host.request('lock-meeting', { locked: true })).toMatchObject({ ok: true, data: { locked: true } });
    await waitFor(() => waiter.meeting?.locked === true && target.received.includes('meeting-locked'), 5000, 'lock heard on node B');
    expect(await refusal(joinOn(1, 'newcomer', meetingId))).toBe('meeting-locked');
    expect(await refusal(joinOn(1, 'newcomer', meetingId, { waitingRoom: false }))).toBe('meeting-locked');
    const cohost = await joinOn(1, 'co-therapist', meetingId, { role: 'host' });
    expect(cohost.admission).toBe('admitted');
    expect(await cohost.request('admit-participant', { participantId: waiter.id })).toMatchObject({ ok: true });
    await waitFor(() => waiter.admission === 'admitted', 5000, 'a waiter is still let in while locked');

    const removedId = target.id;
    expect(await host.request('remove-participant', { participantId: removedId })).toEqual({ ok: true, data: null });
    await waitFor(() => target.admission === 'removed', 5000, 'the person on B hears it from A');
    await waitFor(() => !other.roster.has(removedId) && !cohost.roster.has(removedId), 5000, 'gone from every roster');
    expect(await target.request('chat-message', { text: 'still here?' })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });
    await host.request('lock-meeting', { locked: false });
    expect(await refusal(joinOn(0, 'client', meetingId, { waitingRoom: false }))).toBe('removed-from-meeting');
    expect(await refusal(joinOn(1, 'client', meetingId))).toBe('removed-from-meeting');
  });

  it('extend on node A moves the end that node B armed', async () => {
    const meetingId = `m-${randomUUID()}`;
    const endsAt = (Math.floor(Date.now() / 1000) + 3) * 1000;
    // The participant on node B arms B's scheduled-end timer for the token's end.
    const client = await joinOn(1, 'client', meetingId, { waitingRoom: false, endsAt });
    const host = await joinOn(0, 'therapist', meetingId, { role: 'host' });
    expect(client.meeting?.endsAt).toBe(endsAt);
    expect(await host.request('extend-meeting', { minutes: 5 })).toMatchObject({ ok: true, data: { endsAt: endsAt + 5 * 60_000 } });
    await waitFor(() => client.meeting?.endsAt === endsAt + 5 * 60_000, 5000, 'meeting-updated on node B');
    // Past the old end: node B's timer fired, read the new end, and kept the meeting.
    await new Promise((r) => setTimeout(r, Math.max(0, endsAt - Date.now()) + 1_500));
    expect(client.ended).toBeUndefined();
    expect(host.ended).toBeUndefined();
    const ok = await client.sendChat('still in session');
    expect(ok.text).toBe('still in session');
  });
});
