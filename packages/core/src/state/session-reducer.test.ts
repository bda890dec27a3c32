import { describe, expect, it, vi } from 'vitest';
import type { MeetingInfo, MeetingJoinedPayload, ParticipantInfo, WaitingParticipant } from '../protocol/types';
import { createMeetingStore } from './store';

const meeting: MeetingInfo = { meetingId: 'm1', status: 'active', locked: false, waitingRoom: true, hostPresent: true, chatHistory: 'none' };
const limits = { maxParticipants: 6, maxChatLength: 2000, maxPayloadBytes: 65536, eventsPerSecond: 50 };
const person = (id: string, role: ParticipantInfo['role'] = 'participant'): ParticipantInfo => ({
  id, userId: `u-${id}`, displayName: id, role, media: { microphone: true, camera: true, screen: false }, ready: false, joinedAt: 1,
});
const waiter = (id: string, since: number): WaitingParticipant => ({ id, userId: `u-${id}`, displayName: id, role: 'participant', since });
const joined = (self: ParticipantInfo, extra: Partial<MeetingJoinedPayload> = {}): MeetingJoinedPayload => ({
  meeting, self, participants: [], chat: [], limits, serverTime: 10_000, ...extra,
});

describe('the session flow in the snapshot', () => {
  it('a participant waits with no roster, then is let in; the admission and clock are tracked', () => {
    const store = createMeetingStore();
    const changes = vi.fn();
    store.on('admission-changed', changes);
    store.dispatch({ type: 'waiting', payload: { meeting, self: waiter('me', 5), limits, serverTime: 10_000 }, receivedAt: 9_000 });
    let s = store.getSnapshot();
    expect(s).toMatchObject({ admission: 'waiting', role: 'participant', localParticipant: null, participants: [], clockOffsetMs: 1_000 });
    store.dispatch({ type: 'joined', payload: joined(person('me'), { participants: [person('host', 'host')] }), rejoined: false, receivedAt: 10_500 });
    s = store.getSnapshot();
    expect(s.admission).toBe('admitted');
    expect(s.remoteParticipants.map((p) => p.id)).toEqual(['host']);
    expect(s.clockOffsetMs).toBe(-500);
    expect(changes.mock.calls.map(([e]) => e)).toEqual([
      { admission: 'waiting', previous: null },
      { admission: 'admitted', previous: 'waiting' },
    ]);
  });

  it('hosts see the waiting list in join order, announced once per person; admitted, denied or gone people drop off', () => {
    const store = createMeetingStore();
    const knocks = vi.fn();
    store.on('participant-waiting', knocks);
    store.dispatch({ type: 'joined', payload: joined(person('host', 'host'), { waiting: [waiter('a', 3)] }), rejoined: false, receivedAt: 10_000 });
    store.dispatch({ type: 'waiting-added', participant: waiter('c', 9) });
    store.dispatch({ type: 'waiting-added', participant: waiter('b', 5) });
    // The same person again (a reconnect) replaces their entry, without a second announcement.
    store.dispatch({ type: 'waiting-added', participant: waiter('b', 5) });
    expect(store.getSnapshot().waiting.map((w) => w.id)).toEqual(['a', 'b', 'c']);
    expect(knocks).toHaveBeenCalledTimes(2);
    store.dispatch({ type: 'waiting-removed', participantId: 'a', reason: 'admitted' });
    store.dispatch({ type: 'waiting-removed', participantId: 'c', reason: 'left' });
    expect(store.getSnapshot().waiting.map((w) => w.id)).toEqual(['b']);
  });

  it('a denied or removed person keeps nothing of the room', () => {
    const store = createMeetingStore();
    store.dispatch({ type: 'joined', payload: joined(person('me'), { participants: [person('host', 'host')], chat: [{ id: 'c1', meetingId: 'm1', from: 'host', fromName: 'host', text: 'hi', sentAt: 1 }] }), rejoined: false, receivedAt: 10_000 });
    store.dispatch({ type: 'admission', admission: 'removed' });
    expect(store.getSnapshot()).toMatchObject({ admission: 'removed', localParticipant: null, participants: [], chat: [] });
  });

  it('host requests, lock and meeting updates land in the snapshot and raise their events', () => {
    const store = createMeetingStore();
    const events: string[] = [];
    for (const name of ['mute-requested', 'meeting-locked', 'meeting-updated', 'meeting-ending-soon'] as const) store.on(name, () => events.push(name));
    store.dispatch({ type: 'joined', payload: joined(person('me')), rejoined: false, receivedAt: 10_000 });
    store.dispatch({ type: 'mute-requested', source: 'microphone', byName: 'Therapist', at: 5 });
    store.dispatch({ type: 'meeting-locked', locked: true });
    store.dispatch({ type: 'meeting-updated', meeting: { ...meeting, locked: true, endsAt: 99_000 }, serverTime: 20_000, receivedAt: 20_000 });
    store.dispatch({ type: 'session-warning', warning: 'ending-soon' });
    const s = store.getSnapshot();
    expect(s.hostRequest).toEqual({ type: 'mute', source: 'microphone', byName: 'Therapist', at: 5 });
    expect(s.meeting).toMatchObject({ locked: true, endsAt: 99_000 });
    expect(s.sessionWarning).toBe('ending-soon');
    expect(events).toEqual(['mute-requested', 'meeting-locked', 'meeting-updated', 'meeting-ending-soon']);
  });
});
