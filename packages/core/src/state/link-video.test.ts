import { describe, expect, it } from 'vitest';
import type { ParticipantInfo } from '../protocol/types';
import type { MeetingEvents } from './events';
import { UNLIMITED_LINK } from './initial';
import { createMeetingStore } from './store';

const info = (id: string, joinedAt: number): ParticipantInfo => ({
  id, userId: `u-${id}`, displayName: id, role: 'participant', media: { microphone: true, camera: true, screen: false }, ready: false, joinedAt,
});
const stats = { rttMs: 40, packetLoss: 0, inboundBitrate: 1, outboundBitrate: 1, frameWidth: null, frameHeight: null, framesPerSecond: null, localCandidateType: null, remoteCandidateType: null, sampledAt: 1 };

function joinedStore() {
  const store = createMeetingStore();
  store.dispatch({
    type: 'joined',
    rejoined: false,
    receivedAt: 1,
    payload: {
      serverTime: 1,
      meeting: { meetingId: 'm1', status: 'active', locked: false, waitingRoom: false, hostPresent: true, chatHistory: 'none' },
      self: info('self', 1),
      participants: [info('b', 2)],
      chat: [],
      limits: { maxParticipants: 6, maxChatLength: 2000, maxPayloadBytes: 65536, eventsPerSecond: 50 },
    },
  });
  const events: Array<{ name: keyof MeetingEvents; payload: unknown }> = [];
  for (const name of ['peer-quality-changed', 'peer-video-changed', 'local-video-changed'] as const) {
    store.on(name, (payload) => events.push({ name, payload }));
  }
  return { store, events };
}

describe('links and local video in the snapshot', () => {
  it('a remote that pauses its video to us shows in links[id].receiving, with one event per real change', () => {
    const { store, events } = joinedStore();
    expect(store.getSnapshot().links).toEqual({});
    const before = store.getSnapshot();
    store.dispatch({ type: 'link', participantId: 'b', patch: { receiving: { level: 'high', reason: null } } });
    expect(store.getSnapshot()).toBe(before);
    store.dispatch({ type: 'link', participantId: 'b', patch: { receiving: { level: 'paused', reason: 'network' } } });
    const paused = store.getSnapshot();
    expect(paused.links.b).toEqual({ ...UNLIMITED_LINK, receiving: { level: 'paused', reason: 'network' } });
    // The participant list does not change for a link change.
    expect(paused.participants).toBe(before.participants);
    store.dispatch({ type: 'link', participantId: 'b', patch: { receiving: { level: 'paused', reason: 'network' }, requested: 'high' } });
    expect(store.getSnapshot()).toBe(paused);
    store.dispatch({ type: 'link', participantId: 'b', patch: { sending: { level: 'low', reason: 'network' }, requested: 'low' } });
    expect(store.getSnapshot().links.b).toMatchObject({ sending: { level: 'low', reason: 'network' }, requested: 'low' });
    expect(events).toEqual([
      { name: 'peer-video-changed', payload: { participantId: 'b', video: { level: 'paused', reason: 'network' }, previous: { level: 'high', reason: null } } },
    ]);
    store.dispatch({ type: 'link', participantId: 'nobody', patch: { requested: 'low' } });
    expect(store.getSnapshot().links.nobody).toBeUndefined();
    store.dispatch({ type: 'participant-left', participantId: 'b', reason: 'left' });
    expect(store.getSnapshot().links).toEqual({});
  });

  it('quality changes raise peer-quality-changed; the same quality again does not', () => {
    const { store, events } = joinedStore();
    store.dispatch({ type: 'peer-stats', participantId: 'b', stats, quality: 'good' });
    store.dispatch({ type: 'peer-stats', participantId: 'b', stats: { ...stats, sampledAt: 2 }, quality: 'good' });
    store.dispatch({ type: 'peer-stats', participantId: 'b', stats: { ...stats, sampledAt: 3 }, quality: 'poor' });
    expect(events).toEqual([
      { name: 'peer-quality-changed', payload: { participantId: 'b', quality: 'good', previous: 'unknown' } },
      { name: 'peer-quality-changed', payload: { participantId: 'b', quality: 'poor', previous: 'good' } },
    ]);
  });

  it('local video: audio only and what we send, kept as the person chose across leaving', () => {
    const { store, events } = joinedStore();
    store.dispatch({ type: 'local-video', patch: { audioOnly: true, sending: { level: 'paused', reason: 'audio-only' } } });
    store.dispatch({ type: 'local-video', patch: { audioOnly: true } });
    expect(store.getSnapshot().localVideo).toEqual({ audioOnly: true, sending: { level: 'paused', reason: 'audio-only' } });
    expect(events.map((e) => e.name)).toEqual(['local-video-changed']);
    store.dispatch({ type: 'left' });
    expect(store.getSnapshot().localVideo).toEqual({ audioOnly: true, sending: { level: 'high', reason: null } });
  });
});
