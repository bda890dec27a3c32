import { describe, expect, it } from 'vitest';
import type { PeerMesh } from '../peers/mesh';
import type { PeerControlMessage } from '../peers/peer-control';
import type { PeerLiveness } from '../peers/peer-link.types';
import type { PeerTransport, PeerTransportEvents } from '../peers/transport';
import type { ParticipantInfo } from '../protocol/types';
import { createMeetingStore } from '../state/store';
import type { PeerStats } from '../state/types';
import { createLinkSessions } from './link-sessions';
import { linkSample } from './link-sample.fixtures';

const info = (id: string): ParticipantInfo => ({
  id, userId: `u-${id}`, displayName: id, role: 'participant', media: { microphone: true, camera: true, screen: false }, ready: false, joinedAt: 1,
});
const stats = (inboundBitrate: number | null = 500_000): PeerStats => ({
  rttMs: 40, packetLoss: 0, inboundBitrate, outboundBitrate: 500_000, frameWidth: null, frameHeight: null, framesPerSecond: null,
  localCandidateType: null, remoteCandidateType: null, sampledAt: 0,
});

/** A transport whose connection has one camera sender, recording the encodings it was given. */
function transportWithCamera(trackId: string) {
  const encodings: RTCRtpEncodingParameters[] = [];
  const handlers: Array<PeerTransportEvents['ice']> = [];
  const sender = {
    track: { id: trackId, kind: 'video' },
    getParameters: () => ({ encodings: [{ ...encodings.at(-1) }] }),
    setParameters: async (p: RTCRtpSendParameters) => void encodings.push({ ...p.encodings[0] }),
  };
  const transport = {
    connection: { getSenders: () => [sender] } as unknown as RTCPeerConnection,
    destroyed: false,
    on: (event: string, handler: PeerTransportEvents['ice']) => {
      if (event === 'ice') handlers.push(handler);
      return () => handlers.splice(handlers.indexOf(handler), 1);
    },
  } as unknown as PeerTransport;
  return { transport, encodings, ice: (state: RTCIceConnectionState) => handlers.forEach((h) => h(state)) };
}

function setup() {
  const store = createMeetingStore();
  store.dispatch({
    type: 'joined',
    rejoined: false,
    receivedAt: 1,
    payload: {
      serverTime: 1,
      meeting: { meetingId: 'm', status: 'active', locked: false, waitingRoom: false, hostPresent: true, chatHistory: 'none' }, self: info('a'), participants: [info('b')], chat: [],
      limits: { maxParticipants: 6, maxChatLength: 2000, maxPayloadBytes: 65536, eventsPerSecond: 50 },
    },
  });
  const link = transportWithCamera('camera-1');
  const sent: PeerControlMessage[] = [];
  const liveness: PeerLiveness[] = [];
  const mesh = {
    size: 1,
    transports: () => [['b', link.transport]],
    sendControl: (_id: string, m: PeerControlMessage) => sent.push(m),
    setLiveness: (_id: string, l: PeerLiveness) => liveness.push(l),
  } as unknown as PeerMesh;
  let now = 0;
  const sessions = createLinkSessions({
    mesh, getState: store.getSnapshot, dispatch: store.dispatch, cameraTrack: () => ({ id: 'camera-1' }) as MediaStreamTrack, sampling: true, now: () => now,
  });
  const observe = async (at: number, overrides: Parameters<typeof linkSample>[1] = {}, inbound: number | null = 500_000) => {
    now = at;
    await sessions.observe('b', link.transport, linkSample(at, overrides), stats(inbound));
  };
  return { store, link, sent, liveness, sessions, observe };
}

describe('link sessions: one policy per connection, carried out', () => {
  it('applies the policy\'s encoding to the camera sender and shows the link in the snapshot', async () => {
    const { store, link, observe } = setup();
    await observe(0);
    expect(link.encodings.at(-1)).toMatchObject({ active: true, scaleResolutionDownBy: 2, maxFramerate: 24 });
    expect(store.getSnapshot().remotes.b?.quality).toBe('good');
    expect(store.getSnapshot().links.b?.sending).toEqual({ level: 'medium', reason: null });
  });

  it('on a link that cannot carry video: lower resolution, then pause, tell the peer why, and show it', async () => {
    const { store, link, sent, observe } = setup();
    for (let t = 0; t <= 12_000; t += 2_000) await observe(t, { availableOutgoingBitrate: 110_000, sendLoss: 0.12, rttMs: 300 });
    expect(link.encodings.map((e) => e.active)).toContain(false);
    expect(sent).toContainEqual({ kind: 'video', level: 'paused', reason: 'network' });
    expect(store.getSnapshot().localVideo.sending).toEqual({ level: 'paused', reason: 'network' });
    expect(store.getSnapshot().remotes.b?.quality).toBe('poor');
  });

  it('asks the sender for less when the audio it receives is concealed, and relays their answer to the snapshot', async () => {
    const { store, sent, sessions, link, observe } = setup();
    await observe(0, { audioConcealment: 0.1 });
    await observe(2_000, { audioConcealment: 0.1 });
    expect(sent).toContainEqual({ kind: 'request', maxLevel: 'paused' });
    expect(store.getSnapshot().links.b?.requested).toBe('paused');
    sessions.control('b', { kind: 'video', level: 'paused', reason: 'requested' }, link.transport);
    expect(store.getSnapshot().links.b?.receiving).toEqual({ level: 'paused', reason: 'requested' });
    // Muted, with their video paused on purpose: nothing arriving is not a lost link…
    store.dispatch({ type: 'participant-media', participantId: 'b', media: { microphone: false, camera: true, screen: false } });
    await observe(4_000, { audioConcealment: 0.1 }, 0);
    expect(store.getSnapshot().remotes.b?.quality).toBe('poor');
    // …while their microphone is on, it is.
    store.dispatch({ type: 'participant-media', participantId: 'b', media: { microphone: true, camera: true, screen: false } });
    await observe(6_000, { audioConcealment: 0.1 }, 0);
    expect(store.getSnapshot().remotes.b?.quality).toBe('lost');
  });

  it('follows a peer\'s request for less video', async () => {
    const { sessions, link, sent, observe } = setup();
    await observe(0);
    sessions.control('b', { kind: 'request', maxLevel: 'paused' }, link.transport);
    await new Promise((r) => setTimeout(r, 0));
    expect(link.encodings.at(-1)?.active).toBe(false);
    expect(sent).toContainEqual({ kind: 'video', level: 'paused', reason: 'requested' });
  });

  it('audio only pauses the sender without a policy sample, tells the peer, and resumes', async () => {
    const { store, link, sent, sessions, observe } = setup();
    await observe(0);
    await sessions.setAudioOnly(true);
    expect(link.encodings.at(-1)?.active).toBe(false);
    expect(sent.at(-1)).toEqual({ kind: 'video', level: 'paused', reason: 'audio-only' });
    expect(store.getSnapshot().localVideo).toEqual({ audioOnly: true, sending: { level: 'paused', reason: 'audio-only' } });
    await sessions.setAudioOnly(false);
    expect(link.encodings.at(-1)?.active).toBe(true);
    expect(sent.at(-1)).toEqual({ kind: 'video', level: 'medium', reason: null });
  });

  it('a stalled camera is told as paused for `camera`, keeps the encoder sending, and is taken back', async () => {
    const { store, link, sent, sessions, observe } = setup();
    await observe(0);
    await sessions.setCameraStalled(true);
    expect(sent.at(-1)).toEqual({ kind: 'video', level: 'paused', reason: 'camera' });
    expect(store.getSnapshot().localVideo.sending).toEqual({ level: 'paused', reason: 'camera' });
    expect(store.getSnapshot().links.b?.sending).toEqual({ level: 'paused', reason: 'camera' });
    // The picture goes out again with the camera's next frame: nothing waits on a resume.
    expect(link.encodings.at(-1)?.active).toBe(true);
    await sessions.setCameraStalled(false);
    expect(sent.at(-1)).toEqual({ kind: 'video', level: 'medium', reason: null });
    // Audio only is the person's choice and wins.
    await sessions.setCameraStalled(true);
    await sessions.setAudioOnly(true);
    expect(store.getSnapshot().localVideo.sending).toEqual({ level: 'paused', reason: 'audio-only' });
  });

  it('tells the peer link that a dropped connection still delivers (congested), then that it went silent', async () => {
    const { link, liveness, observe } = setup();
    await observe(0);
    link.ice('disconnected');
    await new Promise((r) => setTimeout(r, 0));
    expect(liveness).toEqual(['congested']);
    for (let t = 2_000; t <= 14_000; t += 2_000) await observe(t, { bytesReceived: 0 });
    expect(liveness).toEqual(['congested', 'silent']);
    link.ice('connected');
    await new Promise((r) => setTimeout(r, 0));
    expect(liveness.at(-1)).toBe('alive');
  });
});
