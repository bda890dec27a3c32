import { getMediaStreamConstructor } from '../env/globals';
import { MeetingError } from '../errors/meeting-error';
import { captureScreen, captureTrack } from '../media/capture';
import { createLocalTracks } from '../media/local-tracks';
import { createMediaToggle } from '../media/media-toggle';
import { watchSessionWindow } from '../membership/session-window';
import type { TrackProcessor } from '../media/track-processor';
import type { CaptureToggle, MediaToggle } from '../media/types';
import { NO_MEDIA } from '../protocol/media-sources';
import type { ChatMessage, MeetingInfo, ParticipantInfo, TrackSource, WaitingParticipant } from '../protocol/types';
import { createMeetingStore } from '../state/store';
import type { ConnectionState, LinkVideo } from '../state/types';
import type { SimulatedClient, SimulatedClientOptions, SimulationScenario } from './scenario';
import { createSimulatedHost } from './simulated-host';
import { createSimulationControls, type SimulationContext } from './simulation-controls';
import { toParticipantInfo } from './participant-info';
import { createFakeMediaDevices } from './fake-media-devices';
import { createBrowserVideoTrack } from './fake-tracks-browser';

const LIMITS = { maxParticipants: 8, maxChatLength: 2000, maxPayloadBytes: 65_536, eventsPerSecond: 50 };

const DEFAULT_DEVICES = [
  { deviceId: 'sim-camera', groupId: 'sim', kind: 'videoinput' as const, label: 'Simulated camera' },
  { deviceId: 'sim-microphone', groupId: 'sim', kind: 'audioinput' as const, label: 'Simulated microphone' },
  { deviceId: 'sim-speaker', groupId: 'sim', kind: 'audiooutput' as const, label: 'Simulated speaker' },
];

/**
 * A `MeetingClient` that plays a scripted meeting in memory — for host-app tests, Storybook and
 * demos. It uses the real store and reducer, so snapshots have exactly the real shape. Drive it
 * with `client.simulate.*` (participants joining, speaking, network drops, errors…).
 *
 * @example
 * const client = createSimulatedClient({ participants: [{ displayName: 'Therapist' }], chat: [{ from: 'Therapist', text: 'Hello' }] })
 * await client.join()
 * client.simulate.setSpeaking(client.getSnapshot().remoteParticipants[0].id)
 */
export function createSimulatedClient(scenario: SimulationScenario = {}, options: SimulatedClientOptions = {}): SimulatedClient {
  const store = createMeetingStore();
  const limits = scenario.maxParticipants ? { ...LIMITS, maxParticipants: scenario.maxParticipants } : LIMITS;
  const { dispatch, getSnapshot } = store;
  const mediaErrors = { ...scenario.mediaErrors };
  const tracks = createLocalTracks(getMediaStreamConstructor());
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let destroyed = false;
  let joined = false;
  let chatCounter = 0;
  let joinName: string | undefined;
  let stopSessionWindow: (() => void) | null = null;

  const assertUsable = () => {
    if (destroyed) throw new MeetingError('destroyed');
  };
  const reportError = (error: MeetingError) => dispatch({ type: 'error', error });
  if (options.onError) store.on('error', ({ error }) => options.onError?.(error));
  const setConnection = (state: ConnectionState) => dispatch({ type: 'connection', state });
  const nextMessageId = () => `sim-msg-${++chatCounter}`;
  const generated: MediaStreamTrack[] = [];
  const canDraw = scenario.fakeStreams === true && typeof document !== 'undefined';
  const fakeStream = (displayName: string): MediaStream | null => {
    if (!canDraw) return null;
    const hue = [...displayName].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 0);
    const track = createBrowserVideoTrack({ label: displayName, color: `hsl(${hue} 35% 35%)` });
    generated.push(track);
    return new MediaStream([track]);
  };
  const mediaDevices = scenario.mediaDevices ?? (canDraw ? createFakeMediaDevices() : undefined);
  const ctx: SimulationContext = {
    store,
    admit: () => void enter(joinName),
    knock: (displayName) => waitingParticipant(displayName, Date.now()),
    disableLocal: (source) => void (source === 'camera' ? camera : microphone).disable(),
    reportError, setConnection, nextMessageId, mediaErrors, isJoined: () => joined, fakeStream,
    clockOffsetMs: scenario.clockOffsetMs ?? 0 };

  tracks.onChange(() => dispatch({ type: 'local-streams', stream: tracks.cameraStream, screenStream: tracks.screenStream }));
  dispatch({
    type: 'devices',
    patch: {
      cameras: (scenario.devices ?? DEFAULT_DEVICES).filter((d) => d.kind === 'videoinput'),
      microphones: (scenario.devices ?? DEFAULT_DEVICES).filter((d) => d.kind === 'audioinput'),
      speakers: (scenario.devices ?? DEFAULT_DEVICES).filter((d) => d.kind === 'audiooutput'),
      canSelectSpeaker: scenario.canSelectSpeaker ?? true,
    },
  });

  function toggle(source: TrackSource): MediaToggle {
    let on = false;
    return createMediaToggle({
      isEnabled: () => on,
      async start() {
        const code = mediaErrors[source];
        if (code) throw new MeetingError(code);
        if (mediaDevices) {
          if (source === 'screen') tracks.setScreen(await captureScreen(mediaDevices));
          else tracks.setTrack(source, await captureTrack(mediaDevices, source, null));
        }
        on = true;
      },
      async stop() {
        if (source === 'screen') tracks.setScreen(null);
        else {
          tracks.track(source)?.stop();
          tracks.setTrack(source, null);
        }
        on = false;
      },
      update: (patch) => dispatch({ type: 'media-toggle', source, patch }),
      onError: reportError,
      assertUsable,
    });
  }
  /**
   * A camera or microphone toggle whose processor choice shows in the state (the simulated media
   * is not processed; stories and tests see the same snapshot the real client gives).
   */
  function captureToggle(source: 'camera' | 'microphone'): CaptureToggle {
    const base = toggle(source);
    let processor: TrackProcessor | null = null;
    return {
      ...base,
      get processor() {
        return processor;
      },
      async setProcessor(next) {
        assertUsable();
        processor = next;
        dispatch({ type: 'media-toggle', source, patch: { processor: next?.name ?? null } });
      },
    };
  }
  const camera = captureToggle('camera');
  const microphone = captureToggle('microphone');
  const screen = toggle('screen');

  function buildJoin(displayName: string | undefined) {
    const now = Date.now();
    // Times the server stamps are on its clock.
    const meetingStart = now + (scenario.clockOffsetMs ?? 0) - 60_000;
    const meetingId = scenario.meetingId ?? 'simulated-meeting';
    const participants = (scenario.participants ?? []).map((p, i) => toParticipantInfo(p, i, meetingStart));
    const self: ParticipantInfo = {
      id: 'sim-self',
      userId: 'user-sim-self',
      displayName: displayName ?? scenario.displayName ?? 'You',
      role: scenario.role ?? 'participant',
      media: { ...NO_MEDIA },
      ready: true,
      joinedAt: now,
    };
    const byName = (from: string) =>
      from === 'self' ? self : (participants.find((p) => p.id === from || p.displayName === from) ?? self);
    const scripted = scenario.chat ?? [];
    const chat: ChatMessage[] = scripted.map((m, i) => {
      const sender = byName(m.from);
      return { id: nextMessageId(), meetingId, from: sender.id, fromName: sender.displayName, text: m.text, sentAt: m.sentAt ?? now - (scripted.length - i) * 60_000 };
    });
    const waiting = (scenario.waiting ?? []).map((w, i) => waitingParticipant(w.displayName, w.since ?? now - (i + 1) * 30_000));
    return {
      meeting: meetingInfo(meetingId, meetingStart),
      self,
      participants,
      chat,
      ...(self.role === 'host' ? { waiting } : {}),
      limits,
      serverTime: now + (scenario.clockOffsetMs ?? 0),
    };
  }

  function meetingInfo(meetingId: string, startedAt: number): MeetingInfo {
    return {
      meetingId,
      status: scenario.meetingStatus ?? 'active',
      startedAt,
      locked: scenario.locked ?? false,
      waitingRoom: scenario.waitingRoom ?? false,
      hostPresent: scenario.hostPresent ?? true,
      chatHistory: scenario.chatHistory ?? 'none',
      ...(scenario.startsAt ? { startsAt: scenario.startsAt } : {}),
      ...(scenario.endsAt ? { endsAt: scenario.endsAt } : {}),
    };
  }

  let knocks = 0;
  function waitingParticipant(displayName: string, since: number): WaitingParticipant {
    const id = `sim-waiting-${++knocks}`;
    return { id, userId: `user-${id}`, displayName, role: 'participant', since };
  }

  /** In the meeting: the roster, scripted extras and the default media. */
  async function enter(displayName: string | undefined) {
    const payload = buildJoin(displayName);
    dispatch({ type: 'joined', payload, rejoined: false, receivedAt: Date.now() });
    joined = true;
    setConnection('connected');
    (scenario.participants ?? []).forEach((p, i) => simulate.applyParticipantExtras(toParticipantInfo(p, i, 0).id, p));
    if (scenario.activeSpeakerId) simulate.setSpeaking(scenario.activeSpeakerId);
    if (scenario.sendingVideo || getSnapshot().localVideo.audioOnly) applyAudioOnly(getSnapshot().localVideo.audioOnly);
    if (scenario.autoplayBlocked) simulate.blockAutoplay(true);
    await startDefaultMedia();
  }

  /** The scenario's default media (camera and microphone unless it says otherwise). */
  async function startDefaultMedia() {
    const wants = { camera: true, microphone: true, ...scenario.media };
    const s = getSnapshot().media;
    await Promise.allSettled([
      wants.microphone && !s.microphone.enabled ? microphone.enable() : undefined,
      wants.camera && !s.camera.enabled ? camera.enable() : undefined,
    ]);
  }

  const simulate = createSimulationControls(ctx);

  /** As the real client: audio only wins over what the link policy would send. */
  function applyAudioOnly(on: boolean) {
    const sending: LinkVideo = on ? { level: 'paused', reason: 'audio-only' } : (scenario.sendingVideo ?? { level: 'high', reason: null });
    for (const id of Object.keys(getSnapshot().remotes)) dispatch({ type: 'link', participantId: id, patch: { sending } });
    dispatch({ type: 'local-video', patch: { audioOnly: on, sending } });
  }

  const client: SimulatedClient = {
    simulate,
    getSnapshot,
    subscribe: (listener) => store.subscribe(listener),
    camera,
    microphone,
    screen,
    async join(_meetingId, joinOptions) {
      assertUsable();
      if (joined) throw new MeetingError('invalid-state', 'Already in a meeting; call leave() first');
      setConnection('connecting');
      if (scenario.joinDelayMs) await new Promise<void>((r) => timers.add(setTimeout(r, scenario.joinDelayMs)));
      if (destroyed) throw new MeetingError('destroyed');
      // As the real client: a new join starts without the previous join's error.
      dispatch({ type: 'error', error: null });
      if (scenario.joinError) {
        const { code, ...details } = typeof scenario.joinError === 'string' ? { code: scenario.joinError } : scenario.joinError;
        const error = new MeetingError(code, undefined, details);
        reportError(error);
        setConnection('failed');
        throw error;
      }
      joinName = joinOptions?.displayName;
      // As the real client: the five-minute warning by the meeting's scheduled end, from the join on.
      stopSessionWindow = watchSessionWindow({ getState: getSnapshot, subscribe: store.subscribe, dispatch });
      if (scenario.waitingRoom && (scenario.role ?? 'participant') !== 'host') {
        const now = Date.now();
        const self = { ...waitingParticipant(joinName ?? scenario.displayName ?? 'You', now), id: 'sim-self' };
        dispatch({ type: 'waiting', payload: { meeting: meetingInfo(scenario.meetingId ?? 'simulated-meeting', now + (scenario.clockOffsetMs ?? 0)), self, limits, serverTime: now + (scenario.clockOffsetMs ?? 0) }, receivedAt: now });
        joined = true;
        setConnection('connected');
        // As the real client: camera and microphone start while joining, so the waiting room has a preview.
        await startDefaultMedia();
        return;
      }
      await enter(joinName);
    },
    async prepare() {
      assertUsable();
    },
    async leave() {
      assertUsable();
      if (!joined) return;
      joined = false;
      stopSessionWindow?.();
      stopSessionWindow = null;
      await Promise.allSettled([camera.disable(), microphone.disable(), screen.disable()]);
      tracks.stopAll();
      generated.splice(0).forEach((t) => t.stop());
      dispatch({ type: 'left' });
      setConnection('disconnected');
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopSessionWindow?.();
      timers.forEach(clearTimeout);
      tracks.stopAll();
      generated.splice(0).forEach((t) => t.stop());
      store.clear();
    },
    devices: {
      async refresh() {
        assertUsable();
      },
      async select(kind, deviceId) {
        assertUsable();
        const key = kind === 'camera' ? 'selectedCameraId' : kind === 'microphone' ? 'selectedMicrophoneId' : 'selectedSpeakerId';
        dispatch({ type: 'devices', patch: { [key]: deviceId } });
      },
    },
    host: createSimulatedHost(store, simulate, assertUsable),
    chat: {
      async send(text) {
        assertUsable();
        const s = getSnapshot();
        if (!joined || !s.localParticipant || !s.meetingId) throw new MeetingError('invalid-state', 'Join the meeting first');
        const message: ChatMessage = { id: nextMessageId(), meetingId: s.meetingId, from: s.localParticipant.id, fromName: s.localParticipant.displayName, text: text.trim(), sentAt: Date.now() };
        dispatch({ type: 'chat', messages: [message] });
        return message;
      },
    },
    playback: { attach: () => (assertUsable(), () => {}) },
    async setReady(ready) {
      assertUsable();
      const self = getSnapshot().localParticipant;
      if (!self) throw new MeetingError('invalid-state', 'Join the meeting first');
      dispatch({ type: 'participant-ready', participantId: self.id, ready });
    },
    async startAudio() {
      assertUsable();
      simulate.blockAutoplay(false);
    },
    async setAudioOnly(on) {
      assertUsable();
      applyAudioOnly(on);
    },
    on: (event, handler) => (assertUsable(), store.on(event, handler)),
  };
  if (scenario.audioOnly) applyAudioOnly(true);
  if (scenario.autoJoin) client.join().catch(() => {});
  return client;
}
