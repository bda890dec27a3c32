import type { PeerMesh } from '../peers/mesh';
import type { MeetingAction } from '../state/actions';
import type { MeetingSnapshot } from '../state/types';
import type { TimerGroup } from '../util/timers';
import { createActiveSpeakerDetector } from './active-speaker';
import { applyVideoEncoding, videoEncodingTarget } from './adaptive-bitrate';
import { classifyQuality } from './classify';
import { parseStats, type StatsCounters } from './stats-sample';

/** Options of `createQualityMonitor`. */
export interface QualityMonitorOptions {
  intervalMs: number;
  mesh: PeerMesh;
  timers: TimerGroup;
  getState: () => MeetingSnapshot;
  dispatch: (action: MeetingAction) => void;
  /** The live camera track, whose senders adaptive bitrate adjusts. */
  cameraTrack: () => MediaStreamTrack | null;
}

/** How often audio levels are read for the active speaker. */
const LEVEL_INTERVAL_MS = 500;

type SsrcReceiver = RTCRtpReceiver & { getSynchronizationSources?: () => Array<{ audioLevel?: number }> };

/**
 * Per-peer quality loop: `getStats` every `intervalMs` → `PeerStats` + quality bucket, adaptive
 * camera bitrate per connection, and the active speaker from audio levels
 * (`getSynchronizationSources`, else inbound-rtp `audioLevel`). `start()` returns the stopper.
 */
export function createQualityMonitor(o: QualityMonitorOptions) {
  const counters = new Map<string, StatsCounters>();
  const statsLevels = new Map<string, number>();
  const detector = createActiveSpeakerDetector();
  let lastLevels = '';
  let running = false;

  async function sampleStats() {
    const links = o.mesh.transports();
    for (const id of counters.keys()) if (!links.some(([l]) => l === id)) counters.delete(id);
    await Promise.all(
      links.map(async ([id, transport]) => {
        const pc = transport.connection;
        if (!pc) return;
        try {
          const now = Date.now();
          const sample = parseStats(await pc.getStats(), counters.get(id) ?? null, now);
          if (!running) return;
          counters.set(id, sample.counters);
          if (sample.audioLevel !== null) statsLevels.set(id, sample.audioLevel);
          const remote = o.getState().remotes[id];
          const expecting = !!remote && (remote.media.microphone || remote.media.camera);
          const quality = classifyQuality(sample.stats, expecting);
          o.dispatch({ type: 'peer-stats', participantId: id, stats: sample.stats, quality });
          const camera = o.cameraTrack();
          // By id: some implementations (wrtc) hand out a new track wrapper on every `sender.track` read.
          const sender = camera ? pc.getSenders().find((s) => s.track?.id === camera.id) : undefined;
          if (sender) await applyVideoEncoding(sender, videoEncodingTarget(quality, links.length));
        } catch {
          // The connection closed during sampling; the next round skips it.
        }
      }),
    );
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
      if (o.intervalMs <= 0 || running) return () => {};
      running = true;
      let busy = false;
      const stopStats = o.timers.every(o.intervalMs, () => {
        if (busy) return;
        busy = true;
        void sampleStats().finally(() => {
          busy = false;
        });
      });
      const stopLevels = o.timers.every(LEVEL_INTERVAL_MS, sampleLevels);
      return () => {
        running = false;
        stopStats();
        stopLevels();
        counters.clear();
        statsLevels.clear();
      };
    },
  };
}
