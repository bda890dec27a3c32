// Instrumentation for the `bench:link` pages, served as a classic script that runs before the
// page bundle: records every RTCPeerConnection and every `setParameters` call, samples each
// connection's getStats once a second (so a connection that was torn down still counts), and
// records when each remote video frame was decoded. Both variants get the same script.
//
// It also runs the link policy of `packages/core/src/quality` in the shadow on every connection
// (fed the same getStats samples and ICE states, its decisions never applied), to show what it
// would decide on today's traces: how often its level and quality change, how long video would
// be paused, and whether it would have kept a congested connection alive.
import { createLinkPolicy, type LinkDecision } from '../../packages/core/src/quality/link-policy';
import { parseStats, type StatsCounters } from '../../packages/core/src/quality/stats-sample';

/** Cumulative counters of one connection, as last sampled. */
export interface PcCounters {
  concealed: number;
  samplesReceived: number;
  freezeCount: number;
  freezesSeconds: number;
  framesDecoded: number;
  /** Changes of the sent camera height seen between samples (ours and the browser's own steps). */
  resolutionChanges: number;
  sentHeight: number;
  /** Shadow policy: level and quality changes, samples taken / with video paused, liveness entries. */
  policyLevelChanges: number;
  policyQualityChanges: number;
  policySamples: number;
  policyPausedSamples: number;
  policyCongested: number;
  policySilent: number;
}

/** What the driver reads through `window.linkMetrics`. */
export interface LinkMetrics {
  /** Counters of every connection ever created, by index. */
  counters(): PcCounters[];
  setParametersCalls(): number;
  /** Peer connections created so far. */
  connections(): number;
  /** Epoch ms of every decoded remote camera frame. */
  frameTimes(): number[];
  /** The shadow policies' level changes with the figures that caused them (for `--verbose`). */
  policyLog(): string[];
  watch(stream: MediaStream): void;
}

declare global {
  interface Window {
    linkMetrics: LinkMetrics;
  }
}

const zero = (): PcCounters => ({
  concealed: 0, samplesReceived: 0, freezeCount: 0, freezesSeconds: 0, framesDecoded: 0, resolutionChanges: 0, sentHeight: 0,
  policyLevelChanges: 0, policyQualityChanges: 0, policySamples: 0, policyPausedSamples: 0, policyCongested: 0, policySilent: 0,
});

const policyLog: string[] = [];

/** The shadow policy of one connection and what it has decided so far. */
function shadow(pc: RTCPeerConnection, index: number) {
  const policy = createLinkPolicy();
  let previous: StatsCounters | null = null;
  let last: LinkDecision = policy.decision();
  const tally = { levelChanges: 0, qualityChanges: 0, samples: 0, paused: 0, congested: 0, silent: 0 };
  const note = (d: LinkDecision) => {
    if (d.send.level !== last.send.level) tally.levelChanges += 1;
    if (d.quality !== last.quality) tally.qualityChanges += 1;
    if (d.liveness !== last.liveness && d.liveness === 'congested') tally.congested += 1;
    if (d.liveness !== last.liveness && d.liveness === 'silent') tally.silent += 1;
    last = d;
  };
  pc.addEventListener('iceconnectionstatechange', () => note(policy.ice(pc.iceConnectionState, Date.now())));
  return {
    tally,
    sample(report: RTCStatsReport) {
      const parsed = parseStats(report, previous, Date.now());
      previous = parsed.counters;
      const d = policy.sample(parsed.link);
      if (d.send.level !== last.send.level) {
        const l = parsed.link;
        policyLog.push(`${Date.now()} pc${index} ${last.send.level}→${d.send.level} (${d.send.reason}) available ${l.availableOutgoingBitrate} sendLoss ${l.sendLoss?.toFixed(3)} rtt ${l.rttMs}`);
      }
      tally.samples += 1;
      if (d.send.level === 'paused') tally.paused += 1;
      note(d);
    },
  };
}

(() => {
  const Native = window.RTCPeerConnection;
  const pcs: RTCPeerConnection[] = [];
  const latest: PcCounters[] = [];
  const shadows: Array<ReturnType<typeof shadow>> = [];
  let ticks = 0;
  let setParameters = 0;
  const frames: number[] = [];
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      pcs.push(this);
      latest.push(zero());
      shadows.push(shadow(this, pcs.length - 1));
    }
  } as typeof RTCPeerConnection;
  const original = RTCRtpSender.prototype.setParameters;
  RTCRtpSender.prototype.setParameters = function (this: RTCRtpSender, ...args: Parameters<typeof original>) {
    setParameters += 1;
    return original.apply(this, args);
  };

  async function sample(pc: RTCPeerConnection, index: number, policyTick: boolean) {
    if (pc.connectionState === 'closed') return;
    const c = zero();
    const report = await pc.getStats();
    // The client samples every 2 s; so does its shadow.
    if (policyTick) shadows[index]!.sample(report);
    report.forEach((e: Record<string, any>) => {
      const kind = e.kind ?? e.mediaType;
      if (e.type === 'inbound-rtp' && kind === 'audio') {
        c.concealed += (e.concealedSamples ?? 0) - (e.silentConcealedSamples ?? 0);
        c.samplesReceived += e.totalSamplesReceived ?? 0;
      } else if (e.type === 'inbound-rtp' && kind === 'video') {
        c.freezeCount += e.freezeCount ?? 0;
        c.freezesSeconds += e.totalFreezesDuration ?? 0;
        c.framesDecoded += e.framesDecoded ?? 0;
      } else if (e.type === 'outbound-rtp' && kind === 'video') {
        c.sentHeight = Math.max(c.sentHeight, e.frameHeight ?? 0);
      }
    });
    const before = latest[index]!;
    c.resolutionChanges = before.resolutionChanges + (before.sentHeight > 0 && c.sentHeight > 0 && c.sentHeight !== before.sentHeight ? 1 : 0);
    const t = shadows[index]!.tally;
    Object.assign(c, {
      policyLevelChanges: t.levelChanges, policyQualityChanges: t.qualityChanges, policySamples: t.samples,
      policyPausedSamples: t.paused, policyCongested: t.congested, policySilent: t.silent,
    });
    latest[index] = c;
  }
  setInterval(() => {
    ticks += 1;
    pcs.forEach((pc, i) => void sample(pc, i, ticks % 2 === 0).catch(() => undefined));
  }, 1_000);

  window.linkMetrics = {
    counters: () => latest.map((c) => ({ ...c })),
    setParametersCalls: () => setParameters,
    connections: () => pcs.length,
    frameTimes: () => [...frames],
    policyLog: () => [...policyLog],
    watch(stream) {
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = new MediaStream(stream.getVideoTracks());
      const onFrame = () => {
        frames.push(Date.now());
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
      void video.play().catch(() => undefined);
      // Chromium decodes received audio (and counts its concealment) only while it plays.
      if (stream.getAudioTracks().length) {
        const audio = document.createElement('audio');
        audio.muted = true;
        audio.srcObject = new MediaStream(stream.getAudioTracks());
        void audio.play().catch(() => undefined);
        document.body.append(audio);
      }
      document.body.append(video);
    },
  };
})();
