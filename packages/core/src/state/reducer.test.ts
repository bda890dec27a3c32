import { describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload, ParticipantInfo } from '../protocol/types';
import { MeetingError } from '../errors/meeting-error';
import { createInitialSnapshot } from './initial';
import { reduceMeeting } from './reducer';
import { createMeetingStore } from './store';

const info = (id: string, joinedAt: number, name = id): ParticipantInfo => ({
  id, userId: `u-${id}`, displayName: name, role: 'participant', media: { microphone: true, camera: true, screen: false }, ready: false, joinedAt,
});
const joined = (self: ParticipantInfo, others: ParticipantInfo[], chat: MeetingJoinedPayload['chat'] = []): MeetingJoinedPayload => ({
  meeting: { meetingId: 'm1', status: 'waiting', locked: false, waitingRoom: false, hostPresent: true, chatHistory: 'none' },
  self, participants: others, chat,
  limits: { maxParticipants: 6, maxChatLength: 2000, maxPayloadBytes: 65536, eventsPerSecond: 50 },
  serverTime: 1_000,
});
const msg = (id: string, sentAt: number) => ({ id, meetingId: 'm1', from: 'b', fromName: 'B', text: id, sentAt });

const noStats = {
  rttMs: null,
  packetLoss: null,
  inboundBitrate: null,
  outboundBitrate: null,
  frameWidth: null,
  frameHeight: null,
  framesPerSecond: null,
  localCandidateType: null,
  remoteCandidateType: null,
  sampledAt: 0,
};

describe('reduceMeeting', () => {
  it('derives participants (local first, remotes in join order) once per change', () => {
    let s = createInitialSnapshot();
    s = reduceMeeting(s, { type: 'joined', payload: joined(info('self', 5), [info('zed', 2), info('amy', 3)]), rejoined: false, receivedAt: 1_000 });
    expect(s.participants.map((p) => p.id)).toEqual(['self', 'zed', 'amy']);
    expect(s.participantCount).toBe(3);
    expect(s.localParticipant?.isLocal).toBe(true);
    const list = s.participants;
    const same = reduceMeeting(s, { type: 'peer-state', participantId: 'zed', state: 'new' });
    expect(same).toBe(s);
    const next = reduceMeeting(s, { type: 'chat', messages: [msg('x', 1)] });
    expect(next.participants).toBe(list);
  });

  it('adds, updates and removes remotes; the leaving active speaker is cleared', () => {
    let s = reduceMeeting(createInitialSnapshot(), { type: 'joined', payload: joined(info('self', 1), []), rejoined: false, receivedAt: 1_000 });
    s = reduceMeeting(s, { type: 'participant-joined', participant: info('b', 2) });
    s = reduceMeeting(s, { type: 'participant-media', participantId: 'b', media: { microphone: true, camera: true, screen: true } });
    s = reduceMeeting(s, { type: 'audio-levels', levels: { b: 0.5 }, activeSpeakerId: 'b' });
    expect(s.remotes.b?.media.screen).toBe(true);
    expect(s.remotes.b?.isSpeaking).toBe(true);
    expect(s.audioLevels).toEqual({ b: 0.5 });
    s = reduceMeeting(s, { type: 'participant-left', participantId: 'b', reason: 'left' });
    expect(s.remoteParticipants).toEqual([]);
    expect(s.activeSpeakerId).toBeNull();
    expect(s.audioLevels).toEqual({});
    expect(reduceMeeting(s, { type: 'participant-left', participantId: 'b', reason: 'left' })).toBe(s);
  });

  it('audio levels change only `audioLevels`; the participant list stays the same object', () => {
    let s = reduceMeeting(createInitialSnapshot(), { type: 'joined', payload: joined(info('self', 1), [info('b', 2)]), rejoined: false, receivedAt: 1_000 });
    s = reduceMeeting(s, { type: 'audio-levels', levels: { b: 0.5 }, activeSpeakerId: 'b' });
    const list = s.participants;
    for (const level of [0.4, 0.7, 0.2]) {
      s = reduceMeeting(s, { type: 'audio-levels', levels: { b: level }, activeSpeakerId: 'b' });
      expect(s.participants).toBe(list);
      expect(s.audioLevels.b).toBe(level);
    }
    s = reduceMeeting(s, { type: 'peer-stats', participantId: 'b', quality: 'good', stats: { ...noStats, sampledAt: 1 } });
    expect(s.participants).not.toBe(list);
    const afterQuality = s.participants;
    s = reduceMeeting(s, { type: 'peer-stats', participantId: 'b', quality: 'good', stats: { ...noStats, rttMs: 30, sampledAt: 2 } });
    expect(s.participants).toBe(afterQuality);
    expect(s.peerStats.b?.rttMs).toBe(30);
  });

  it('someone who mutes stops speaking at once, and a muted microphone cannot become the active speaker', () => {
    let s = reduceMeeting(createInitialSnapshot(), { type: 'joined', payload: joined(info('self', 1), [info('b', 2)]), rejoined: false, receivedAt: 1_000 });
    s = reduceMeeting(s, { type: 'audio-levels', levels: { b: 0.5 }, activeSpeakerId: 'b' });
    expect(s.remotes.b?.isSpeaking).toBe(true);
    s = reduceMeeting(s, { type: 'participant-media', participantId: 'b', media: { microphone: false, camera: true, screen: false } });
    expect(s.remotes.b?.isSpeaking).toBe(false);
    expect(s.activeSpeakerId).toBeNull();
    s = reduceMeeting(s, { type: 'audio-levels', levels: { b: 0.6 }, activeSpeakerId: 'b' });
    expect(s.remotes.b?.isSpeaking).toBe(false);
    expect(s.activeSpeakerId).toBeNull();
  });

  it('merges chat by id, ordered by server time, and keeps it across a rejoin', () => {
    let s = reduceMeeting(createInitialSnapshot(), { type: 'joined', payload: joined(info('self', 1), [], [msg('b', 20), msg('a', 10)]), rejoined: false, receivedAt: 1_000 });
    s = reduceMeeting(s, { type: 'chat', messages: [msg('a', 10), msg('c', 15)] });
    expect(s.chat.map((m) => m.id)).toEqual(['a', 'c', 'b']);
    s = reduceMeeting(s, { type: 'joined', payload: joined(info('self2', 1), [], [msg('a', 10)]), rejoined: false, receivedAt: 1_000 });
    expect(s.chat.map((m) => m.id)).toEqual(['a', 'c', 'b']);
    expect(s.localParticipant?.id).toBe('self2');
  });

  it('keeps peer state and streams of a remote that is still there after a rejoin', () => {
    let s = reduceMeeting(createInitialSnapshot(), { type: 'joined', payload: joined(info('self', 1), [info('b', 2)]), rejoined: false, receivedAt: 1_000 });
    s = reduceMeeting(s, { type: 'peer-state', participantId: 'b', state: 'connected' });
    s = reduceMeeting(s, { type: 'joined', payload: joined(info('self', 1), [{ ...info('b', 2), ready: true }]), rejoined: true, receivedAt: 1_000 });
    expect(s.remotes.b?.peerState).toBe('connected');
    expect(s.remotes.b?.ready).toBe(true);
  });

  it('reflects local toggles into the local participant and mirrors the connection', () => {
    let s = reduceMeeting(createInitialSnapshot(), { type: 'connection', state: 'connecting' });
    s = reduceMeeting(s, { type: 'media-toggle', source: 'camera', patch: { enabled: true } });
    s = reduceMeeting(s, { type: 'joined', payload: joined(info('self', 1), []), rejoined: false, receivedAt: 1_000 });
    expect(s.localParticipant?.media).toEqual({ microphone: false, camera: true, screen: false });
    expect(s.localParticipant?.peerState).toBe('connecting');
    s = reduceMeeting(s, { type: 'connection', state: 'connected' });
    s = reduceMeeting(s, { type: 'media-toggle', source: 'screen', patch: { enabled: true } });
    expect(s.localParticipant?.peerState).toBe('connected');
    expect(s.localParticipant?.media.screen).toBe(true);
  });

  it('meeting lifecycle, errors and leave', () => {
    let s = reduceMeeting(createInitialSnapshot(), { type: 'joined', payload: joined(info('self', 1), [info('b', 2)]), rejoined: false, receivedAt: 1_000 });
    s = reduceMeeting(s, { type: 'meeting-started', payload: { meetingId: 'm1', startedAt: 99 } });
    expect(s.meeting).toMatchObject({ status: 'active', startedAt: 99 });
    s = reduceMeeting(s, { type: 'meeting-ended', payload: { meetingId: 'm1', reason: 'ended-by-host', endedAt: 100 } });
    expect(s.meeting?.status).toBe('ended');
    const error = new MeetingError('meeting-full');
    s = reduceMeeting(s, { type: 'error', error });
    expect(s.error).toBe(error);
    s = reduceMeeting(s, { type: 'devices', patch: { selectedCameraId: 'cam' } });
    s = reduceMeeting(s, { type: 'left' });
    expect(s.participants).toEqual([]);
    expect(s.meeting).toBeNull();
    expect(s.devices.selectedCameraId).toBe('cam');
  });
});

describe('createMeetingStore', () => {
  it('notifies with (next, previous), skips no-op actions, and isolates a throwing listener', async () => {
    const store = createMeetingStore();
    const seen: string[] = [];
    const thrown: unknown[] = [];
    const onError = (e: unknown) => thrown.push(e);
    process.on('uncaughtException', onError);
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    const off = store.subscribe((s, p) => seen.push(`${p.connection}->${s.connection}`));
    store.dispatch({ type: 'connection', state: 'connecting' });
    store.dispatch({ type: 'connection', state: 'connecting' });
    off();
    store.dispatch({ type: 'connection', state: 'connected' });
    expect(seen).toEqual(['idle->connecting']);
    await new Promise((r) => setTimeout(r, 0));
    process.off('uncaughtException', onError);
    expect(store.getSnapshot()).toBe(store.getSnapshot());
  });
});
