import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRoomStore } from '../store/memory-store';
import { nextEvent, startHarness, type Harness } from '../test-utils/harness';

describe('evictNode', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('removes the participants of a gone node and tells the others', async () => {
    const store = new MemoryRoomStore();
    h = await startHarness({ store });
    const meetingId = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const ghostId = randomUUID();
    await store.addParticipant(
      { id: ghostId, userId: 'ghost', displayName: 'Ghost', role: 'participant', media: { microphone: true, camera: true, screen: false }, ready: true, joinedAt: 1, meetingId, nodeId: 'dead-node', socketId: 's' },
      { maxParticipants: 6 },
    );
    const left = nextEvent(a, 'participant-left');
    expect(await h.meetings.evictNode('dead-node')).toBe(1);
    expect(await left).toEqual({ participantId: ghostId, reason: 'disconnected' });
    expect(await h.meetings.evictNode('dead-node')).toBe(0);
    expect((await store.listParticipants(meetingId)).map((p) => p.userId)).toEqual(['interpreter']);
    store.close();
  });

  it('takes the waiting entries of a gone node out of the waiting room, and tells the hosts', async () => {
    const store = new MemoryRoomStore();
    h = await startHarness({ store, waitingRoom: true });
    const meetingId = randomUUID();
    const { client: host } = await h.joinAs('therapist', meetingId, 'host');
    const ghostId = randomUUID();
    const knocked = await store.knock(
      { id: ghostId, userId: 'ghost', displayName: 'Ghost', role: 'participant', media: { microphone: false, camera: false, screen: false }, ready: false, joinedAt: 1, meetingId, nodeId: 'dead-node', socketId: 's' },
      { now: Date.now(), graceMs: 0, denialCooldownMs: 0, maxDenials: 3 },
    );
    expect(knocked.ok).toBe(true);
    const left = nextEvent(host, 'participant-left');
    expect(await h.meetings.evictNode('dead-node')).toBe(0);
    expect(await left).toEqual({ participantId: ghostId, reason: 'disconnected' });
    expect(await store.listWaiting(meetingId)).toEqual([]);
    store.close();
  });

  it('tells the waiting room when the host it waited for was on the gone node', async () => {
    const store = new MemoryRoomStore();
    h = await startHarness({ store, waitingRoom: true });
    const meetingId = randomUUID();
    await store.ensureMeeting({ meetingId, createdAt: 1 });
    await store.addParticipant(
      { id: randomUUID(), userId: 'therapist', displayName: 'Therapist', role: 'host', media: { microphone: true, camera: true, screen: false }, ready: true, joinedAt: 1, meetingId, nodeId: 'dead-node', socketId: 's' },
      { maxParticipants: 6 },
    );
    const { client, answer } = await h.enter('client', meetingId);
    expect(answer).toMatchObject({ ok: true, data: { admission: 'waiting', meeting: { hostPresent: true } } });
    const updated = nextEvent(client, 'meeting-updated');
    expect(await h.meetings.evictNode('dead-node')).toBe(1);
    expect((await updated).meeting.hostPresent).toBe(false);
    store.close();
  });

  it('clears records of a previous run with the same nodeId at start-up', async () => {
    const store = new MemoryRoomStore();
    const meetingId = randomUUID();
    await store.ensureMeeting({ meetingId, createdAt: 1 });
    await store.addParticipant(
      { id: randomUUID(), userId: 'old', displayName: 'Old', role: 'participant', media: { microphone: false, camera: false, screen: false }, ready: false, joinedAt: 1, meetingId, nodeId: 'node-1', socketId: 's' },
      { maxParticipants: 6 },
    );
    h = await startHarness({ store, nodeId: 'node-1' });
    const { joined } = await h.joinAs('new', meetingId);
    expect(joined.participants).toEqual([]);
    store.close();
  });
});
