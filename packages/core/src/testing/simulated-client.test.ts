import { describe, expect, it, vi } from 'vitest';
import { MeetingError } from '../errors/meeting-error';
import type { MeetingEvents } from '../state/events';
import { createSimulatedClient } from './simulated-client';

describe('createSimulatedClient', () => {
  it('plays a scripted meeting with the real snapshot shape', async () => {
    const client = createSimulatedClient({
      displayName: 'Client',
      participants: [
        { displayName: 'Therapist', role: 'host', speaking: true },
        { displayName: 'Caregiver', media: { camera: false }, quality: 'poor', peerState: 'reconnecting' },
      ],
      chat: [{ from: 'Therapist', text: 'Welcome' }, { from: 'self', text: 'Hi' }],
    });
    expect(client.getSnapshot().connection).toBe('idle');
    await client.join();
    const s = client.getSnapshot();
    expect(s.connection).toBe('connected');
    expect(s.participants.map((p) => p.displayName)).toEqual(['Client', 'Therapist', 'Caregiver']);
    expect(s.participantCount).toBe(3);
    expect(s.media.camera.enabled).toBe(true);
    expect(s.localParticipant?.media.camera).toBe(true);
    expect(s.activeSpeakerId).toBe(s.remoteParticipants[0]!.id);
    expect(s.remoteParticipants[1]).toMatchObject({ quality: 'poor', peerState: 'reconnecting', media: { camera: false, microphone: true } });
    expect(s.chat.map((m) => [m.fromName, m.text])).toEqual([['Therapist', 'Welcome'], ['Client', 'Hi']]);
    expect(client.getSnapshot()).toBe(s);
    const therapist = s.remoteParticipants[0]!;
    client.simulate.setSpeaking(therapist.id, 0.35);
    const speaking = client.getSnapshot();
    expect(speaking.audioLevels[therapist.id]).toBe(0.35);
    // Only the level moved: the participants (and their list) are the same objects.
    expect(speaking.participants).toBe(s.participants);
  });

  it('is driven by simulate.* and emits the same events as the real client', async () => {
    const events: Array<keyof MeetingEvents> = [];
    const client = createSimulatedClient({ media: { camera: false, microphone: false } });
    for (const e of ['participant-joined', 'participant-left', 'chat-message', 'connection-changed', 'meeting-ended', 'error'] as const) {
      client.on(e, () => events.push(e));
    }
    await client.join();
    const id = client.simulate.participantJoins({ displayName: 'Therapist' });
    client.simulate.receiveChat('Therapist', 'hello');
    client.simulate.setQuality(id, 'fair');
    client.simulate.dropConnection();
    expect(client.getSnapshot().remotes[id]?.peerState).toBe('reconnecting');
    client.simulate.restoreConnection();
    client.simulate.setPeerState(id, 'failed');
    expect(client.getSnapshot().error?.code).toBe('peer-connection-failed');
    client.simulate.participantLeaves(id);
    client.simulate.endMeeting();
    expect(client.getSnapshot().meeting?.status).toBe('ended');
    expect(events).toEqual(expect.arrayContaining(['participant-joined', 'chat-message', 'participant-left', 'meeting-ended', 'error']));
    expect(client.getSnapshot().connection).toBe('disconnected');
  });

  it('scripts media errors, autoplay blocking and join failures', async () => {
    const errors: string[] = [];
    const client = createSimulatedClient({ mediaErrors: { camera: 'permission-denied' }, autoplayBlocked: true }, { onError: (e) => errors.push(e.code) });
    await client.join();
    expect(client.getSnapshot().media.camera.error?.code).toBe('permission-denied');
    expect(client.getSnapshot().media.microphone.enabled).toBe(true);
    expect(client.getSnapshot().audioPlaybackBlocked).toBe(true);
    await client.startAudio();
    expect(client.getSnapshot().audioPlaybackBlocked).toBe(false);
    client.simulate.failMedia('camera', null);
    await client.camera.enable();
    expect(client.getSnapshot().media.camera).toEqual({ enabled: true, pending: false, error: null, processor: null });
    expect(errors.sort()).toEqual(['autoplay-blocked', 'permission-denied']);

    const full = createSimulatedClient({ joinError: 'meeting-full' });
    await expect(full.join()).rejects.toMatchObject({ code: 'meeting-full' });
    expect(full.getSnapshot().connection).toBe('failed');
  });

  it('chat, ready, leave/join and a final destroy', async () => {
    const client = createSimulatedClient();
    await client.join();
    const m = await client.chat.send(' hi ');
    expect(m.text).toBe('hi');
    await client.setReady(false);
    expect(client.getSnapshot().localParticipant?.ready).toBe(false);
    await client.leave();
    expect(client.getSnapshot().participants).toEqual([]);
    await client.join();
    client.destroy();
    client.destroy();
    await expect(client.join()).rejects.toBeInstanceOf(MeetingError);
    expect(() => client.on('error', () => {})).toThrow(MeetingError);
  });

  it('plays the session flow: join refusals with their details, the waiting room with a preview, the five-minute warning', async () => {
    const startsAt = Date.now() + 3_600_000;
    const early = createSimulatedClient({ joinError: { code: 'meeting-not-started', startsAt, retryAfterMs: 3_000_000 } });
    await expect(early.join()).rejects.toMatchObject({ code: 'meeting-not-started', startsAt, retryAfterMs: 3_000_000 });
    expect(early.getSnapshot().error).toMatchObject({ code: 'meeting-not-started', startsAt });

    const waiting = createSimulatedClient({ waitingRoom: true, hostPresent: false });
    await waiting.join();
    expect(waiting.getSnapshot()).toMatchObject({ admission: 'waiting', meeting: { hostPresent: false } });
    expect(waiting.getSnapshot().media.camera.enabled).toBe(true);
    waiting.simulate.admit();
    await vi.waitFor(() => expect(waiting.getSnapshot().admission).toBe('admitted'));

    const skewed = createSimulatedClient({ clockOffsetMs: 90_000 });
    await skewed.join();
    expect(skewed.getSnapshot().clockOffsetMs).toBeGreaterThan(89_000);
    expect(skewed.getSnapshot().clockOffsetMs).toBeLessThanOrEqual(90_000);

    const endsSoon: string[] = [];
    const host = createSimulatedClient({ role: 'host', endsAt: Date.now() + 4 * 60_000 });
    host.on('meeting-ending-soon', () => endsSoon.push('warned'));
    await host.join();
    expect(host.getSnapshot().sessionWarning).toBe('ending-soon');
    await host.host.extend(15);
    expect(host.getSnapshot().sessionWarning).toBeNull();
    expect(endsSoon).toEqual(['warned']);
    await host.leave();
    host.destroy();
  });

  it('counts seats like the server: hosts take none, a full meeting answers meeting-full', async () => {
    const host = createSimulatedClient({ role: 'host', maxParticipants: 2, participants: [{ displayName: 'Client' }], waiting: [{ displayName: 'Caregiver' }, { displayName: 'Interpreter' }, { displayName: 'Visitor' }] });
    await host.join();
    const [caregiver, interpreter] = host.getSnapshot().waiting;
    await expect(host.host.admitAll()).resolves.toEqual([caregiver!.id]);
    await expect(host.host.admit(interpreter!.id)).rejects.toMatchObject({ code: 'meeting-full' });
    await expect(host.host.admitAll()).rejects.toMatchObject({ code: 'meeting-full' });
    expect(host.getSnapshot().waiting.map((w) => w.displayName)).toEqual(['Interpreter', 'Visitor']);
    host.destroy();
  });

  it('plays weak links: a participant who paused their video, our video paused for the network, audio only', async () => {
    const client = createSimulatedClient({
      participants: [{ displayName: 'Client', quality: 'poor', receiving: { level: 'paused', reason: 'network' } }],
      sendingVideo: { level: 'low', reason: 'network' },
    });
    await client.join();
    const id = client.getSnapshot().remoteParticipants[0]!.id;
    expect(client.getSnapshot().links[id]).toMatchObject({ receiving: { level: 'paused', reason: 'network' }, sending: { level: 'low', reason: 'network' } });
    expect(client.getSnapshot().localVideo).toEqual({ audioOnly: false, sending: { level: 'low', reason: 'network' } });
    const changes: boolean[] = [];
    client.on('local-video-changed', ({ localVideo }) => changes.push(localVideo.audioOnly));
    await client.setAudioOnly(true);
    expect(client.getSnapshot().localVideo).toEqual({ audioOnly: true, sending: { level: 'paused', reason: 'audio-only' } });
    expect(client.getSnapshot().media.camera.enabled).toBe(true);
    await client.setAudioOnly(false);
    expect(client.getSnapshot().localVideo.sending).toEqual({ level: 'low', reason: 'network' });
    expect(changes).toEqual([true, false]);
    client.simulate.setLink(id, { receiving: { level: 'high', reason: null } });
    expect(client.getSnapshot().links[id]?.receiving.level).toBe('high');
  });
});
