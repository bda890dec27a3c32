import type { PeerMesh } from '../peers/mesh';
import type { PeerControlMessage } from '../peers/peer-control';
import type { PeerTransport } from '../peers/transport';
import type { MeetingAction } from '../state/actions';
import type { MeetingSnapshot } from '../state/types';
import type { TimerGroup } from '../util/timers';
import { MeetingError } from '../errors/meeting-error';
import { createActiveSpeakerDetector } from './active-speaker';
import { CAMERA_WATCH_IDLE, watchCamera } from './camera-watch';
import { createLinkSessions } from './link-sessions';
import { parseStats, type StatsCounters } from './stats-sample';

/** Options of `createQualityMonitor`. */
export interface QualityMonitorOptions {
  intervalMs: number;
  mesh: PeerMesh;
  timers: TimerGroup;
  getState: () => MeetingSnapshot;
  dispatch: (action: MeetingAction) => void;
  /** The live camera track, whose senders the link policy adjusts. */
  cameraTrack: () => MediaStreamTrack | null;
  /**
   * Capture the camera again from the same device; `true` once a new track is sent. Tried once
   * when the camera gives no picture, before anyone is told, and not again for that device until
   * it gives a frame.
   */
  recaptureCamera?: () => Promise<boolean>;
}

/** The quality monitor of one client. */
export interface QualityMonitor {
  /** Start sampling (while in a meeting); returns the stopper. */
  start(): () => void;
  /** Stop sending camera video to everyone (`true`) or let each link's policy decide again. */
  setAudioOnly(on: boolean): Promise<void>;
  /** A control message from a participant's data channel (wired to the mesh's `onControl`). */
  handleControl(participantId: string, message: PeerControlMessage, transport: PeerTransport): void;
  /** Apply the current decisions now: a connection came up, or the camera track changed. */
  refresh(): void;
}

/** How often audio levels are read for the active speaker. */
const LEVEL_INTERVAL_MS = 500;
/** Without stats sampling, how often encodings are re-applied (a sender negotiated later gets audio only too). */
const APPLY_INTERVAL_MS = 2_000;

type SsrcReceiver = RTCRtpReceiver & { getSynchronizationSources?: () => Array<{ audioLevel?: number }> };

/**
 * Per-peer quality loop: `getStats` every `intervalMs` into `PeerStats` and one link policy per
 * connection (`link-sessions.ts`: quality, camera encoding, what to ask the peer for, liveness
 * for the peer link), plus the active speaker from audio levels (`getSynchronizationSources`,
 * else inbound-rtp `audioLevel`). `start()` returns the stopper.
 */
export function createQualityMonitor(o: QualityMonitorOptions): QualityMonitor {
  const counters = new Map<string, { transport: PeerTransport; counters: StatsCounters }>();
  const statsLevels = new Map<string, number>();
  const detector = createActiveSpeakerDetector();
  const sessions = createLinkSessions({ ...o, sampling: o.intervalMs > 0 });
  let lastLevels = '';
  let running = false;
  let cameraWatch = CAMERA_WATCH_IDLE;
  /** The device recaptured since it last gave a frame (`''` for a track without one). */
  let recaptured: string | null = null;

  async function sampleStats() {
    const links = o.mesh.transports();
    for (const id of counters.keys()) if (!links.some(([l]) => l === id)) counters.delete(id);
    sessions.prune();
    const camera = o.cameraTrack();
    let cameraFrames: number | null = null;
    await Promise.all(
      links.map(async ([id, transport]) => {
        const pc = transport.connection;
        if (!pc) return;
        try {
          const now = Date.now();
          const previous = counters.get(id);
          // A rebuilt connection starts its counters from zero: never compare it with the old one.
          const sample = parseStats(await pc.getStats(), previous?.transport === transport ? previous.counters : null, now, camera?.id ?? null);
          if (!running) return;
          counters.set(id, { transport, counters: sample.counters });
          const frames = sample.link.cameraFrames;
          if (frames !== null) cameraFrames = Math.max(cameraFrames ?? 0, frames);
          if (sample.audioLevel !== null) statsLevels.set(id, sample.audioLevel);
          await sessions.observe(id, transport, sample.link, sample.stats);
        } catch {
          // The connection closed during sampling; the next round skips it.
        }
      }),
    );
    if (running) await watchCameraFrames(camera, cameraFrames);
  }

  /**
   * When the camera gives no picture: capture it again once (a hung camera often comes back), and
   * if that does not help, tell the person and every peer; take it back when frames flow.
   */
  async function watchCameraFrames(camera: MediaStreamTrack | null, frames: number | null) {
    const s = o.getState();
    // A muted track is one the browser knows is interrupted (the system took the camera, a phone
    // put the page in the background) and resumes by itself: not a camera to capture again.
    const watched = camera?.readyState === 'live' && !camera.muted && s.media.camera.enabled && !s.localVideo.audioOnly ? camera.id : null;
    const next = watchCamera(cameraWatch, { at: Date.now(), trackId: watched, frames });
    const changed = next.stalled !== cameraWatch.stalled;
    cameraWatch = next;
    if (frames !== null && frames > 0) recaptured = null;
    if (!changed) return;
    const device = camera?.getSettings?.().deviceId ?? '';
    if (next.stalled && o.recaptureCamera && recaptured !== device) {
      recaptured = device;
      // The new track starts a new watch: told only if it gives no picture either.
      cameraWatch = CAMERA_WATCH_IDLE;
      const renewed = await o.recaptureCamera().catch(() => false);
      // A capture that failed turned the camera off with its own error: nothing more to say.
      if (renewed || !o.getState().media.camera.enabled) return;
      cameraWatch = next;
    }
    // What we send is in the snapshot first (its first step is synchronous), then the error.
    const told = sessions.setCameraStalled(next.stalled);
    if (next.stalled) {
      const error = new MeetingError('camera-stalled');
      o.dispatch({ type: 'media-toggle', source: 'camera', patch: { error } });
      o.dispatch({ type: 'error', error });
    } else clearCameraStall();
    await told;
  }

  /** Take back the stall's errors, unless something else was reported since. */
  function clearCameraStall() {
    const s = o.getState();
    if (s.media.camera.error?.code === 'camera-stalled') o.dispatch({ type: 'media-toggle', source: 'camera', patch: { error: null } });
    if (s.error?.code === 'camera-stalled') o.dispatch({ type: 'error', error: null });
  }

  function sampleLevels() {
    const raw: Record<string, number> = {};
    for (const [id, transport] of o.mesh.transports()) {
      const receivers = (transport.connection?.getReceivers() ?? []) as SsrcReceiver[];
      const audio = receivers.find((r) => r.track?.kind === 'audio');
      const level = audio?.getSynchronizationSources?.()[0]?.audioLevel;
      // The packet level catches speech at once; the stats window's average covers the gaps.
      raw[id] = Math.max(typeof level === 'number' ? level : 0, statsLevels.get(id) ?? 0);
    }
    const { levels, activeSpeakerId } = detector.update(raw, Date.now());
    const key = JSON.stringify([levels, activeSpeakerId]);
    if (key === lastLevels) return;
    lastLevels = key;
    o.dispatch({ type: 'audio-levels', levels, activeSpeakerId });
  }

  return {
    start(): () => void {
      if (running) return () => {};
      running = true;
      let busy = false;
      const stopStats =
        o.intervalMs > 0
          ? o.timers.every(o.intervalMs, () => {
              if (busy) return;
              busy = true;
              void sampleStats().finally(() => {
                busy = false;
              });
            })
          : o.timers.every(APPLY_INTERVAL_MS, () => {
              sessions.prune();
              void sessions.applyAll();
            });
      const stopLevels = o.intervalMs > 0 ? o.timers.every(LEVEL_INTERVAL_MS, sampleLevels) : () => {};
      return () => {
        running = false;
        stopStats();
        stopLevels();
        if (cameraWatch.stalled) clearCameraStall();
        cameraWatch = CAMERA_WATCH_IDLE;
        recaptured = null;
        counters.clear();
        statsLevels.clear();
        sessions.clear();
      };
    },
    setAudioOnly: (on) => sessions.setAudioOnly(on),
    handleControl: (id, message, transport) => sessions.control(id, message, transport),
    refresh() {
      void sessions.applyAll();
    },
  };
}
