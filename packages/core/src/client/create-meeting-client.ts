import { createChatFacade } from '../chat/chat-facade';
import { getBrowserMediaDevices, getMediaStreamConstructor } from '../env/globals';
import { MeetingError } from '../errors/meeting-error';
import { createIceConfigProvider } from '../ice/ice-config';
import { createHostControls } from '../membership/host-controls';
import { createMembership, type Membership } from '../membership/membership';
import { watchSessionWindow } from '../membership/session-window';
import { createDeviceList } from '../media/devices';
import { createDevicesFacade } from '../media/devices-facade';
import { createLocalMedia } from '../media/local-media';
import { createLocalTracks } from '../media/local-tracks';
import { createPlayback } from '../media/playback';
import { TRACK_SOURCES } from '../protocol/media-sources';
import { watchDepartures } from '../peers/departures';
import { createPeerMesh } from '../peers/mesh';
import { createSimplePeerTransport } from '../peers/simple-peer-transport';
import type { MediaState } from '../protocol/types';
import { createQualityMonitor } from '../quality/quality-monitor';
import { createMeetingStore } from '../state/store';
import { createSignallingChannel, type SignallingChannel } from '../signalling/channel';
import { createTimerGroup } from '../util/timers';
import { watchNetworkHints } from './network-hints';
import { resolveOptions } from './options';
import { watchPageExit } from './page-exit';
import type { MeetingClient, MeetingClientOptions } from './types';

/**
 * How long a new peer connection waits for the camera/microphone that join() started. Past it
 * (a permission prompt left open) peers connect without them; the tracks follow by renegotiation.
 */
const STARTUP_MEDIA_WAIT_MS = 3_000;

/**
 * Create a meeting client: a thin facade over the store, local media, devices, ICE config, the
 * peer mesh, the quality monitor and — while in a meeting — one membership (signalling channel,
 * join/rejoin, room events). Safe to call on a server (nothing touches browser globals until
 * `join()` or a toggle).
 *
 * @example
 * const client = createMeetingClient({ serverUrl: 'https://api.example.com', meetingId: 'abc', token })
 * const stop = client.subscribe((s) => console.log(s.connection, s.participantCount))
 * await client.join()
 */
export function createMeetingClient(options: MeetingClientOptions): MeetingClient {
  const o = resolveOptions(options);
  const store = createMeetingStore();
  const timers = createTimerGroup();
  const disposers: Array<() => void> = [];
  const clientId = `guest-${Math.random().toString(36).slice(2, 12)}`;
  let membership: Membership | null = null;
  let destroyed = false;
  const stopInMeeting: Array<() => void> = [];
  /** The capture join() started; new peer connections wait for it (bounded). */
  let startupMedia: Promise<void> = Promise.resolve();

  const { dispatch, getSnapshot } = store;
  const assertUsable = () => {
    if (destroyed) throw new MeetingError('destroyed');
  };
  const reportError = (error: MeetingError) => {
    if (!destroyed) dispatch({ type: 'error', error });
  };
  if (options.onError) disposers.push(store.on('error', ({ error }) => options.onError?.(error)));
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
    localMediaReady: () => startupMedia,
    getLocalStreams: () => tracks.streams(),
    getStreamLabels: () => tracks.labels(),
    backoff: o.peerBackoff,
    connectTimeoutMs: o.connectTimeoutMs,
    iceRestart: o.iceRestart,
    ...(options.wrtc ? { wrtc: options.wrtc } : {}),
    onPeerState: (participantId, state) => {
      dispatch({ type: 'peer-state', participantId, state });
      // A connection that came up gets audio only and the policy's first encoding now, not at the next sample.
      if (state === 'connected') monitor.refresh();
    },
    onStream: (participantId, source, stream) => dispatch({ type: 'peer-stream', participantId, source, stream }),
    onError: reportError,
    onControl: (participantId, message, transport) => {
      if (message.kind === 'bye') dropPeer(participantId, 'left');
      else monitor.handleControl(participantId, message, transport);
    },
  });
  /** A participant is gone by what the peers know (a goodbye, or a link lost during an outage), before the server says so. */
  function dropPeer(participantId: string, reason: 'left' | 'disconnected') {
    if (!getSnapshot().remotes[participantId]) return;
    mesh.remove(participantId);
    dispatch({ type: 'participant-left', participantId, reason });
  }
  /** Tell every connected peer we are leaving, so they drop our tile even when the server cannot tell them. */
  const sayGoodbye = () => {
    for (const [participantId] of mesh.transports()) mesh.sendControl(participantId, { kind: 'bye' });
  };
  disposers.push(
    tracks.onChange((change) => {
      mesh.applyLocalChange(change);
      dispatch({ type: 'local-streams', stream: tracks.cameraStream, screenStream: tracks.screenStream });
      if (change.type === 'track' && change.source === 'camera') monitor.refresh();
    }),
  );

  const media = createLocalMedia({
    tracks,
    getDevices,
    selectedDeviceId: (source) => {
      const d = getSnapshot().devices;
      return source === 'camera' ? d.selectedCameraId : d.selectedMicrophoneId;
    },
    update: (source, patch) => dispatch({ type: 'media-toggle', source, patch }),
    announce: (source, enabled) => membership?.announceMedia(source, enabled),
    onError: reportError,
    assertUsable,
    onDevice: (source, deviceId) => {
      // Only ids the picker lists (some browsers report ids before permission, or none).
      const d = getSnapshot().devices;
      if (!(source === 'camera' ? d.cameras : d.microphones).some((x) => x.deviceId === deviceId)) return;
      dispatch({ type: 'devices', patch: source === 'camera' ? { selectedCameraId: deviceId } : { selectedMicrophoneId: deviceId } });
    },
    after: timers.after,
  });
  const deviceList = createDeviceList({ getDevices, update: (patch) => dispatch({ type: 'devices', patch }) });
  const playback = createPlayback({
    speakerId: () => getSnapshot().devices.selectedSpeakerId,
    setBlocked: (blocked) => dispatch({ type: 'audio-blocked', blocked }),
    onError: reportError,
  });
  const monitor = createQualityMonitor({
    intervalMs: o.statsIntervalMs,
    mesh,
    timers,
    getState: getSnapshot,
    dispatch,
    cameraTrack: () => tracks.track('camera'),
    recaptureCamera: () => media.recapture('camera'),
  });
  if (options.networkHints !== false) {
    disposers.push(
      watchNetworkHints({
        // Without this the socket would wait for its ping timeout before noticing.
        offline: () => membership?.channel.dropTransport(),
        online: () => {
          membership?.retry();
          mesh.restart();
        },
      }),
    );
  }

  /** Tell the server about media that changed while the join was in flight, or while we waited to be let in. */
  function reconcileMedia(published: MediaState) {
    const local = tracks.mediaState();
    for (const source of TRACK_SOURCES) {
      if (published[source] !== local[source]) membership?.announceMedia(source, local[source]);
    }
  }

  /** Name sent on the handshake (anonymous development mode takes it from there). */
  let joinName = options.displayName;
  /** A channel opened early by `prepare()`, handed to the next join. */
  let prepared: SignallingChannel | null = null;
  /** Whether `prepared` was opened with a token (one opened without may yet be refused). */
  let preparedWithToken = false;
  const openChannel = () =>
    createSignallingChannel({
      serverUrl: options.serverUrl,
      getToken: o.getToken,
      // Read at every (re)connect, so a name typed after prepare() still goes with the join.
      handshake: () => ({ userId: clientId, ...(joinName ? { displayName: joinName } : {}) }),
      reconnection: o.socketBackoff,
      ...(options.socketOptions ? { socketOptions: options.socketOptions } : {}),
    });
  const dropPrepared = () => {
    prepared?.close();
    prepared = null;
  };

  function endMeetingScope() {
    stopInMeeting.splice(0).forEach((stop) => stop());
    membership?.close();
    membership = null;
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
      // A membership the server ended (or that failed) is over: joining again replaces it.
      if (membership && (connection === 'disconnected' || connection === 'failed')) endMeetingScope();
      if (membership) throw new MeetingError('invalid-state', 'Already in a meeting; call leave() first');
      dispatch({ type: 'error', error: null });
      joinName = displayName;
      // A channel opened (and authenticated) by prepare() while the pre-join screen showed. One
      // opened before there was a token and still connecting (Join pressed right after the token
      // was minted) will be refused: close it and connect with the token we have now.
      if (prepared && !preparedWithToken && !prepared.connected) dropPrepared();
      const channel = prepared ?? openChannel();
      prepared = null;
      const current = (membership = createMembership({
        channel,
        rejoinBackoff: o.rejoinBackoff,
        joinTimeoutMs: o.joinTimeoutMs,
        getState: getSnapshot,
        dispatch,
        mesh,
        localMedia: () => tracks.mediaState(),
        reportError,
        displayName,
        onMuteRequested: (source) => void media[source].disable().catch(() => undefined),
        onJoined: (payload) => {
          monitorStop ??= monitor.start();
          void devicesListed.then(() => reconcileMedia(payload.self.media));
        },
      }));
      stopInMeeting.push(
        ice.startRefreshing(),
        deviceList.watch(),
        watchSessionWindow({ getState: getSnapshot, subscribe: store.subscribe, dispatch }),
        watchDepartures({ getState: getSnapshot, subscribe: store.subscribe, timeoutMs: o.departedAfterMs, onGone: (id) => dropPeer(id, 'disconnected') }),
        // Closing the tab says goodbye like Leave does (no promise: the page is going away).
        watchPageExit(() => void client.leave().catch(() => undefined)),
        () => {
          monitorStop?.();
          monitorStop = null;
        },
      );
      void ice.get();
      // Default media starts while we connect; what join started, a failed join stops again.
      const startup = media.startDefault(o.media, STARTUP_MEDIA_WAIT_MS);
      startupMedia = startup.ready;
      const devicesListed = startup.settled.then(() => deviceList.refresh().catch(() => {}));
      let monitorStop: (() => void) | null = null;
      try {
        await current.join(id);
        if (membership !== current) throw new MeetingError('invalid-state');
      } catch (error) {
        void devicesListed.then(() => (membership ? undefined : startup.undo()));
        // leave()/destroy() during the join: not an error worth reporting.
        if (membership !== current) throw new MeetingError(destroyed ? 'destroyed' : 'invalid-state', 'The client left while joining');
        // The membership already put the error in state (before `failed`).
        endMeetingScope();
        throw error instanceof MeetingError ? error : new MeetingError('internal', undefined, { cause: error });
      }
    },
    async prepare() {
      assertUsable();
      if (membership) return;
      const hasToken = Boolean(await o.getToken());
      if (membership || destroyed) return;
      if (!prepared) preparedWithToken = hasToken;
      const channel = (prepared ??= openChannel());
      try {
        await channel.connect(o.joinTimeoutMs);
      } catch (error) {
        // No token yet (one minted for the name typed on the pre-join screen, say): a refusal now
        // says nothing about the join, which connects again with the token it then has.
        if (!hasToken && error instanceof MeetingError && error.code === 'unauthenticated') {
          if (prepared === channel) dropPrepared();
          return;
        }
        throw error;
      }
      // Fetched once the server has accepted us, so it is never a request the server can only refuse.
      void ice.get();
    },
    async leave() {
      assertUsable();
      dropPrepared();
      const current = membership;
      if (!current) return;
      sayGoodbye();
      stopInMeeting.splice(0).forEach((stop) => stop());
      membership = null;
      await current.leave();
      media.stopAll();
      dispatch({ type: 'left' });
      dispatch({ type: 'connection', state: 'disconnected' });
    },
    destroy() {
      if (destroyed) return;
      dropPrepared();
      endMeetingScope();
      media.stopAll();
      destroyed = true;
      disposers.splice(0).forEach((dispose) => dispose());
      timers.clear();
      ice.dispose();
      playback.clear();
      store.clear();
    },
    devices: createDevicesFacade({ assertUsable, getSnapshot, dispatch, deviceList, media, playback }),
    chat: createChatFacade({ assertUsable, getSnapshot, dispatch, channel: () => membership?.channel ?? null, clientId }),
    host: createHostControls({ assertUsable, getSnapshot, channel: () => membership?.channel ?? null }),
    playback: { attach: (element) => (assertUsable(), playback.attach(element)) },
    async setReady(ready) {
      assertUsable();
      if (!membership) throw new MeetingError('invalid-state', 'Join the meeting first');
      await membership.setReady(ready);
    },
    async startAudio() {
      assertUsable();
      await playback.resume();
    },
    async setAudioOnly(on) {
      assertUsable();
      await monitor.setAudioOnly(on);
    },
    on: (event, handler) => (assertUsable(), store.on(event, handler)),
  };
  return client;
}
