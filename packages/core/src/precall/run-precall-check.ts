import { createStore } from 'zustand/vanilla';
import { WEBRTC_CONFIG_PATH } from '../protocol/events';
import { checkSignalling } from './check-signalling';
import { checkedServers, fetchIceServers } from './fetch-ice-servers';
import { measureCamera, measureMicrophone, mediaFailureReason } from './measure-devices';
import { measureRelayLoop, openRelayLoop, type RelayLoop } from './relay-loop';
import { syntheticVideoTrack } from './synthetic-video';
import { PRECALL_STEPS, type PrecallReason, type PrecallStatus, type PrecallStepName, type PrecallStepResult } from './types';
import { gradeCamera, gradeMicrophone, gradeNetwork, gradeSignalling, overallVerdict, type Grade } from './verdict';

/** Options of {@link runPrecallCheck}. */
export interface PrecallCheckOptions {
  /** Origin of the meetings server (Socket.IO `/meetings` and the REST API). */
  serverUrl: string;
  /** Meeting token for the handshake and the ICE config request. */
  token?: string | (() => Promise<string | undefined>);
  /** ICE config endpoint. @default `${serverUrl}/api/meetings/webrtc-config` */
  webrtcConfigUrl?: string;
  /** ICE servers to test instead of asking the endpoint. */
  iceServers?: RTCIceServer[];
  /** A preview stream the app already has: measured, never stopped by the check. */
  stream?: MediaStream;
  /** Check the camera / microphone. @default true */
  camera?: boolean;
  microphone?: boolean;
  /** Length of the relay-path test, ms. @default 5000 */
  networkTestMs?: number;
  /** Step time limits, ms. */
  timeouts?: { signallingMs?: number; configMs?: number; relayMs?: number; firstFrameMs?: number };
  /** Told every status change (the same objects `subscribe` gets). */
  onProgress?: (status: PrecallStatus) => void;
  /** Browser APIs, for other runtimes. @default the page's */
  env?: {
    mediaDevices?: MediaDevices;
    RTCPeerConnection?: typeof RTCPeerConnection;
    fetch?: typeof fetch;
    document?: Document;
    AudioContext?: typeof AudioContext;
  };
}

/** A running pre-call check. */
export interface PrecallCheck {
  getSnapshot(): PrecallStatus;
  /** Listen to status changes; returns the unsubscriber. */
  subscribe(listener: (status: PrecallStatus) => void): () => void;
  /** The final status (`done` or `cancelled`); never rejects. */
  readonly result: Promise<PrecallStatus>;
  /** The disposer: stop now, ending every track and connection the check created. Idempotent. */
  cancel(): void;
}

const step = (name: PrecallStepName): PrecallStepResult => ({ name, status: 'pending', verdict: null, reason: null, detail: null, advice: [], figures: {} });

const DEVICE_ADVICE: Record<'camera' | 'microphone', Partial<Record<PrecallReason, PrecallStepResult['advice']>>> = {
  camera: { 'permission-denied': ['allow-camera'], 'no-device': ['connect-camera'], 'device-busy': ['close-apps-using-camera'] },
  microphone: { 'permission-denied': ['allow-microphone'], 'no-device': ['connect-microphone'], 'device-busy': ['connect-microphone'] },
};

/**
 * Check, before joining, that a call can work from here: camera frames arrive, the microphone
 * is not silent, the signalling server accepts the token, a relay-only connection through the
 * configured TURN server comes up, and a short test over that relay gives round trip, loss and
 * available bitrate. Each step and the whole check get a verdict (`good | fair | poor | failed`)
 * and advice keys. Start it from a click (the microphone level needs audio to be allowed).
 *
 * @example
 * const check = runPrecallCheck({ serverUrl: origin, token, onProgress: render });
 * const { overall, advice } = await check.result; // or check.cancel() when the person leaves
 */
export function runPrecallCheck(options: PrecallCheckOptions): PrecallCheck {
  const g = globalThis as unknown as Record<string, unknown>;
  const env = {
    mediaDevices: options.env?.mediaDevices ?? (typeof navigator === 'undefined' ? undefined : navigator.mediaDevices),
    Connection: options.env?.RTCPeerConnection ?? (g.RTCPeerConnection as typeof RTCPeerConnection | undefined),
    fetch: options.env?.fetch ?? (typeof fetch === 'undefined' ? undefined : fetch.bind(globalThis)),
    document: options.env?.document ?? (typeof document === 'undefined' ? undefined : document),
    AudioContext: options.env?.AudioContext ?? (g.AudioContext as typeof AudioContext | undefined),
  };
  const initial: PrecallStatus = {
    state: 'running',
    steps: Object.fromEntries(PRECALL_STEPS.map((n) => [n, step(n)])) as PrecallStatus['steps'],
    overall: null,
    advice: [],
  };
  const store = createStore<PrecallStatus>()(() => initial);
  const cleanups: Array<() => void> = [];
  let finished = false;
  let cancelWith: () => void = () => undefined;
  const cancelled = new Promise<void>((resolve) => (cancelWith = resolve));

  const update = (name: PrecallStepName, patch: Partial<PrecallStepResult>) => {
    if (finished) return;
    const steps = { ...store.getState().steps, [name]: { ...store.getState().steps[name], ...patch } };
    const list = PRECALL_STEPS.map((n) => steps[n]);
    store.setState({ steps, overall: overallVerdict(list), advice: [...new Set(list.flatMap((s) => s.advice))] });
  };
  const grade = (name: PrecallStepName, g: Grade, extra: Partial<PrecallStepResult> = {}) =>
    update(name, { status: 'done', verdict: g.verdict, reason: g.reason, advice: g.advice, ...extra });
  const fail = (name: PrecallStepName, reason: PrecallReason, detail: string | null, advice: PrecallStepResult['advice']) =>
    update(name, { status: 'done', verdict: 'failed', reason, detail, advice });
  const skip = (name: PrecallStepName, reason: PrecallReason) => update(name, { status: 'skipped', reason });

  if (options.onProgress) {
    const onProgress = options.onProgress;
    store.subscribe((s) => onProgress(s));
  }

  const tokenOf = async () => (typeof options.token === 'function' ? options.token() : options.token);

  /** Camera and microphone tracks: the app's preview, or captured here (and stopped at the end). */
  async function acquire(kind: 'camera' | 'microphone'): Promise<MediaStreamTrack | null> {
    const fromStream = kind === 'camera' ? options.stream?.getVideoTracks()[0] : options.stream?.getAudioTracks()[0];
    if (fromStream) return fromStream;
    if (!env.mediaDevices) {
      fail(kind, 'no-device', 'navigator.mediaDevices is unavailable (http page or no WebRTC)', DEVICE_ADVICE[kind]['no-device'] ?? []);
      return null;
    }
    try {
      const stream = await env.mediaDevices.getUserMedia(kind === 'camera' ? { video: true } : { audio: true });
      const track = stream.getTracks()[0] ?? null;
      if (track) cleanups.push(() => track.stop());
      if (finished) track?.stop();
      return track;
    } catch (error) {
      const reason = mediaFailureReason(error);
      fail(kind, reason, String((error as Error)?.name ?? error), DEVICE_ADVICE[kind][reason] ?? []);
      return null;
    }
  }

  async function cameraStep(): Promise<MediaStreamTrack | null> {
    if (options.camera === false) return skip('camera', 'not-run'), null;
    update('camera', { status: 'running' });
    const track = await acquire('camera');
    if (!track || finished) return null;
    if (!env.document) return grade('camera', gradeCamera({ frameRate: 1 }, null)), track;
    const m = await measureCamera(track, env.document, 1_000, options.timeouts?.firstFrameMs ?? 4_000);
    const figures = { frameRate: m.frameRate, width: m.width, height: m.height };
    grade('camera', gradeCamera(m.frames > 0 ? figures : {}, m.meanLuma), { figures });
    return track;
  }

  async function microphoneStep(): Promise<{ track: MediaStreamTrack | null; measured: boolean }> {
    if (options.microphone === false) return skip('microphone', 'not-run'), { track: null, measured: true };
    update('microphone', { status: 'running' });
    const track = await acquire('microphone');
    if (!track || finished) return { track: null, measured: true };
    const level = await measureMicrophone(track, env.AudioContext, 1_500);
    grade('microphone', gradeMicrophone(level), level === null ? {} : { figures: { microphoneLevel: Math.round(level * 1000) / 1000 } });
    return { track, measured: level !== null };
  }

  async function signallingStep() {
    update('signalling', { status: 'running' });
    const outcome = await checkSignalling(options.serverUrl, await tokenOf(), options.timeouts?.signallingMs ?? 8_000, cancelled);
    if (outcome.ok) grade('signalling', gradeSignalling(outcome.connectMs), { figures: { connectMs: outcome.connectMs } });
    else fail('signalling', outcome.reason, outcome.detail, outcome.reason === 'refused' ? ['sign-in-again'] : ['check-internet']);
  }

  async function relayStep(tracks: MediaStreamTrack[]): Promise<RelayLoop | null> {
    update('relay', { status: 'running' });
    const url = options.webrtcConfigUrl ?? options.serverUrl.replace(/\/+$/, '') + WEBRTC_CONFIG_PATH;
    const servers = options.iceServers
      ? checkedServers(options.iceServers)
      : env.fetch
        ? await fetchIceServers(url, await tokenOf(), env.fetch, options.timeouts?.configMs ?? 5_000)
        : ({ ok: false, reason: 'config-unavailable', detail: 'no fetch' } as const);
    if (!servers.ok) return fail('relay', servers.reason, servers.detail, servers.reason === 'no-turn-server' ? ['contact-support'] : ['check-internet']), null;
    if (!env.Connection) return fail('relay', 'ice-failed', 'RTCPeerConnection is unavailable', ['contact-support']), null;
    const opened = await openRelayLoop({ iceServers: servers.iceServers, Connection: env.Connection, tracks, timeoutMs: options.timeouts?.relayMs ?? 15_000, cancelled });
    if (!opened.ok) return fail('relay', opened.reason, opened.detail, ['network-blocks-relay', 'try-another-network']), null;
    cleanups.push(opened.loop.close);
    if (finished) opened.loop.close();
    update('relay', { status: 'done', verdict: 'good', figures: { relayConnectMs: opened.loop.connectMs } });
    return opened.loop;
  }

  async function run(): Promise<void> {
    const [camera, microphone] = await Promise.all([cameraStep(), microphoneStep(), signallingStep()]);
    if (finished) return;
    let video = camera;
    if (!video && env.document) {
      const synthetic = syntheticVideoTrack(env.document);
      if (synthetic) cleanups.push(synthetic.stop);
      video = synthetic?.track ?? null;
    }
    const loop = await relayStep([video, microphone.track].filter((t): t is MediaStreamTrack => t !== null));
    if (finished) return;
    if (!loop) return skip('network', 'not-run');
    update('network', { status: 'running' });
    const measured = await measureRelayLoop(loop, options.networkTestMs ?? 5_000, cancelled);
    if (finished) return;
    grade('network', gradeNetwork(measured.figures), { figures: measured.figures });
    // No WebAudio here (no user gesture): the level heard through the relay stands in.
    if (!microphone.measured && measured.receivedAudioLevel !== null) {
      grade('microphone', gradeMicrophone(measured.receivedAudioLevel), { figures: { microphoneLevel: Math.round(measured.receivedAudioLevel * 1000) / 1000 } });
    }
  }

  const release = () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  const completed = run()
    .catch(() => undefined)
    .then(() => {
      release();
      if (!finished) store.setState({ state: 'done' });
      finished = true;
      return store.getState();
    });
  // A cancelled check answers at once; its steps wind down on their own.
  const result = Promise.race([completed, cancelled.then(() => store.getState())]);

  return {
    getSnapshot: store.getState,
    subscribe: (listener) => store.subscribe((s) => listener(s)),
    result,
    cancel() {
      if (finished) return;
      store.setState({ state: 'cancelled' });
      finished = true;
      cancelWith();
      release();
    },
  };
}
