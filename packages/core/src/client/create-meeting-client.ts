import { MeetingError } from '../errors/meeting-error';
import type { MediaKind, MediaState } from '../protocol/types';
import { getBrowserMediaDevices, getMediaStreamConstructor } from '../env/globals';
import { createChatFacade } from '../chat/chat-facade';
import { createIceConfigProvider } from '../ice/ice-config';
import { createDeviceList } from '../media/devices';
import { createDevicesFacade } from '../media/devices-facade';
import { createLocalMedia } from '../media/local-media';
import { createLocalTracks } from '../media/local-tracks';
import { createPlayback } from '../media/playback';
import { createPeerMesh } from '../peers/mesh';
import { createSimplePeerTransport } from '../peers/simple-peer-transport';
import { createQualityMonitor } from '../quality/quality-monitor';
import { createMeetingStore } from '../state/store';
import { createEmitter } from './emitter';
import { watchNetworkHints } from './network-hints';
import { resolveOptions } from './options';
import { createSession, sendSignalOver, type Session } from './session';
import { createTimerGroup } from './timers';
import type { MeetingClient, MeetingClientOptions } from './types';

/**
 * How long a new peer connection waits for the camera/microphone that join() started. Past it
 * (a permission prompt left open) peers connect without them; the tracks follow by renegotiation.
 */
const INITIAL_MEDIA_WAIT_MS = 3_000;

/**
 * Create a meeting client: a thin facade over the signalling session, peer mesh, local media,
 * devices, ICE config, quality monitor and the snapshot store. Safe to call on a server
 * (nothing touches browser globals until `join()` or a toggle).
 *
 * @example
 * const client = createMeetingClient({ serverUrl: 'https://api.example.com', meetingId: 'abc', token })
 * const stop = client.subscribe((s) => console.log(s.connection, s.participantCount))
 * await client.join()
 */
export function createMeetingClient(options: MeetingClientOptions): MeetingClient {
  const o = resolveOptions(options);
  const store = createMeetingStore();
  const emitter = createEmitter();
  const timers = createTimerGroup();
  const disposers: Array<() => void> = [];
  const clientId = `guest-${Math.random().toString(36).slice(2, 12)}`;
  let session: Session | null = null;
  let destroyed = false;
  const stopInMeeting: Array<() => void> = [];
  /** The capture join() started; new peer connections wait for it (bounded). */
  let initialMedia: Promise<void> = Promise.resolve();

  const { dispatch, getSnapshot } = store;
  const assertUsable = () => {
    if (destroyed) throw new MeetingError('destroyed');
  };
  const reportError = (error: MeetingError) => {
    if (destroyed) return;
    dispatch({ type: 'error', error });
    emitter.emit('error', { error });
    options.onError?.(error);
  };
  const getDevices = () => options.mediaDevices ?? getBrowserMediaDevices();

  const tracks = createLocalTracks(getMediaStreamConstructor(options.wrtc));
  const ice = createIceConfigProvider({
    url: o.webrtcConfigUrl,
    getToken: o.getToken,
    // Bound: browsers throw "Illegal invocation" when `fetch` is called as a method of another object.
    fetch: options.fetch ?? (typeof fetch === 'undefined' ? undefined : (input, init) => fetch(input, init)),
    fallback: options.iceServers ?? [],
    relayOnly: options.relayOnly ?? false,
    onError: reportError,
  });
  const mesh = createPeerMesh({
    createTransport: options.peerTransport ?? createSimplePeerTransport,
    getIceConfig: () => ice.get(),
    localMediaReady: () => initialMedia,
    getLocalStreams: () => tracks.streams(),
    getStreamLabels: () => tracks.labels(),
    sendSignal: (to, connectionId, signal) => {
      if (session) sendSignalOver(session.channel, to, connectionId, signal);
    },
    backoff: o.peerBackoff,
    connectTimeoutMs: o.connectTimeoutMs,
    ...(options.wrtc ? { wrtc: options.wrtc } : {}),
    onPeerState: (participantId, state, previous) => {
      dispatch({ type: 'peer-state', participantId, state });
      emitter.emit('peer-state-changed', { participantId, state, previous });
    },
    onStream: (participantId, source, stream) => {
      dispatch({ type: 'peer-stream', participantId, source, stream });
      if (stream) emitter.emit('remote-stream', { participantId, source, stream });
    },
    onError: reportError,
  });
  disposers.push(
    tracks.onChange((change) => {
      mesh.applyLocalChange(change);
      dispatch({ type: 'local-streams', stream: tracks.cameraStream, screenStream: tracks.screenStream });
    }),
  );

  const media = createLocalMedia({
    tracks,
    getDevices,
    selectedDeviceId: (slot) => {
      const d = getSnapshot().devices;
      return slot === 'video' ? d.selectedCameraId : d.selectedMicrophoneId;
    },
    update: (source, patch) => dispatch({ type: 'media-toggle', source, patch }),
    announce: (kind, enabled) => session?.announceMedia(kind, enabled),
    onError: reportError,
    assertUsable,
    onDevice: (slot, deviceId) => {
      // Only ids the picker lists (some browsers report ids before permission, or none).
      const d = getSnapshot().devices;
      if (!(slot === 'video' ? d.cameras : d.microphones).some((x) => x.deviceId === deviceId)) return;
      dispatch({ type: 'devices', patch: slot === 'video' ? { selectedCameraId: deviceId } : { selectedMicrophoneId: deviceId } });
    },
  });
  const deviceList = createDeviceList({ getDevices, update: (patch) => dispatch({ type: 'devices', patch }) });
  const playback = createPlayback({
    speakerId: () => getSnapshot().devices.selectedSpeakerId,
    setBlocked: (blocked) => {
      dispatch({ type: 'audio-blocked', blocked });
      emitter.emit('audio-playback-blocked', { blocked });
    },
    onError: reportError,
  });
  const monitor = createQualityMonitor({
    intervalMs: o.statsIntervalMs,
    mesh,
    timers,
    getState: getSnapshot,
    dispatch,
    cameraTrack: () => tracks.track('video'),
  });
  disposers.push(
    store.subscribe((s, prev) => {
      if (s.activeSpeakerId !== prev.activeSpeakerId) {
        emitter.emit('active-speaker-changed', { participantId: s.activeSpeakerId });
      }
    }),
  );
  if (options.networkHints !== false) {
    disposers.push(
      watchNetworkHints({
        // Without this the socket would wait for its ping timeout before noticing.
        offline: () => session?.channel.dropTransport(),
        online: () => {
          session?.retry();
          mesh.restart();
        },
      }),
    );
  }

  /** Tell the server about media that changed while the join was in flight. */
  function reconcileMedia(published: MediaState) {
    const local = tracks.mediaState();
    for (const kind of ['audio', 'video', 'screen'] as MediaKind[]) {
      if (published[kind] !== local[kind]) session?.announceMedia(kind, local[kind]);
    }
  }

  function endMeetingScope() {
    stopInMeeting.splice(0).forEach((stop) => stop());
    session?.close();
    session = null;
  }

  const client: MeetingClient = {
    getSnapshot,
    subscribe: (listener) => store.subscribe(listener),
    camera: media.camera,
    microphone: media.microphone,
    screen: media.screen,
    async join(meetingId, joinOptions) {
      assertUsable();
      const displayName = joinOptions?.displayName ?? options.displayName;
      const id = meetingId ?? options.meetingId;
      if (!id) throw new MeetingError('invalid-state', 'No meetingId given to join()');
      const { connection } = getSnapshot();
      // A session the server ended (or that failed) is over: joining again replaces it.
      if (session && (connection === 'disconnected' || connection === 'failed')) endMeetingScope();
      if (session) throw new MeetingError('invalid-state', 'Already in a meeting; call leave() first');
      dispatch({ type: 'error', error: null });
      const current = (session = createSession({
        options: o,
        getState: getSnapshot,
        dispatch,
        emitter,
        mesh,
        localMedia: () => tracks.mediaState(),
        reportError,
        handshake: () => ({ userId: clientId, ...(displayName ? { displayName } : {}) }),
        displayName,
      }));
      stopInMeeting.push(ice.startRefreshing(), deviceList.watch());
      void ice.get();
      // Default media starts while we connect; what join started, a failed join stops again.
      const slots = (['audio', 'video'] as const).filter((slot) => (slot === 'audio' ? o.media.microphone : o.media.camera) && !tracks.track(slot));
      const wanted = slots.map((slot) => (slot === 'audio' ? media.microphone : media.camera));
      const captured = Promise.allSettled(media.enableTogether(slots));
      initialMedia =
        wanted.length === 0
          ? Promise.resolve()
          : Promise.race([captured.then(() => undefined), new Promise<void>((resolve) => timers.after(INITIAL_MEDIA_WAIT_MS, resolve))]);
      const starting = captured.then(() => deviceList.refresh().catch(() => {}));
      try {
        const joined = await current.join(id);
        if (session !== current) throw new MeetingError('invalid-state');
        stopInMeeting.push(monitor.start());
        void starting.then(() => reconcileMedia(joined.self.media));
      } catch (error) {
        void starting.then(() => (session ? undefined : Promise.allSettled(wanted.map((t) => t.disable()))));
        // leave()/destroy() during the join: not an error worth reporting.
        if (session !== current) throw new MeetingError(destroyed ? 'destroyed' : 'invalid-state', 'The client left while joining');
        // The session already put the error in state (before `failed`) and called onError.
        endMeetingScope();
        throw error instanceof MeetingError ? error : new MeetingError('internal', undefined, { cause: error });
      }
    },
    async leave() {
      assertUsable();
      const current = session;
      if (!current) return;
      stopInMeeting.splice(0).forEach((stop) => stop());
      session = null;
      await current.leave();
      media.stopAll();
      dispatch({ type: 'left' });
      const previous = getSnapshot().connection;
      dispatch({ type: 'connection', state: 'disconnected' });
      emitter.emit('connection-changed', { state: 'disconnected', previous });
    },
    destroy() {
      if (destroyed) return;
      endMeetingScope();
      media.stopAll();
      destroyed = true;
      disposers.splice(0).forEach((dispose) => dispose());
      timers.clear();
      ice.dispose();
      playback.clear();
      emitter.clear();
      store.clear();
    },
    devices: createDevicesFacade({ assertUsable, getSnapshot, dispatch, deviceList, media, playback }),
    chat: createChatFacade({ assertUsable, getSnapshot, dispatch, channel: () => session?.channel ?? null, clientId }),
    playback: { attach: (element) => (assertUsable(), playback.attach(element)) },
    async setReady(ready) {
      assertUsable();
      const self = getSnapshot().localParticipant;
      if (!session || !self) throw new MeetingError('invalid-state', 'Join the meeting first');
      await session.channel.request('participant-ready', { ready }, 10_000);
      dispatch({ type: 'participant-ready', participantId: self.id, ready });
    },
    async startAudio() {
      assertUsable();
      await playback.resume();
    },
    on: (event, handler) => (assertUsable(), emitter.on(event, handler)),
  };
  return client;
}
