import type { PeerStats } from '../state/types';
import type { LinkSample, QualityLimitationReason } from './link-sample';

/** Cumulative counters kept between samples to compute rates. */
export interface StatsCounters {
  at: number;
  bytesReceived: number;
  bytesSent: number;
  packetsLost: number;
  packetsReceived: number;
  /** Inbound audio `totalAudioEnergy` / `totalSamplesDuration`, for the window's average level. */
  audioEnergy: number;
  audioDuration: number;
  /** Outbound `packetsSent` and the peer's reported `packetsLost` on them (remote-inbound-rtp). */
  packetsSent: number;
  remotePacketsLost: number;
  /** Inbound audio `concealedSamples − silentConcealedSamples` and `totalSamplesReceived`. */
  concealedSamples: number;
  totalSamplesReceived: number;
  /** Frames our camera track gave this connection's sender (media-source `frames`); `null` where not reported. */
  cameraFrames: number | null;
}

/** One parsed sample of a peer connection. */
export interface StatsSample {
  stats: PeerStats;
  counters: StatsCounters;
  /** Level of the remote audio (0–1): the window's average when energy totals exist, else the last packet's. */
  audioLevel: number | null;
  /** What the link policy decides on. */
  link: LinkSample;
}

type Entry = Record<string, unknown> & { type: string; id: string };
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const LIMITATIONS: readonly string[] = ['none', 'bandwidth', 'cpu', 'other'];
/** The larger of two figures, either of which may be missing. */
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
/** `part / whole` of two counter deltas, `null` without a previous sample or with nothing counted. */
const share = (part: number, whole: number, previous: boolean) => (previous && whole > 0 ? Math.min(1, Math.max(0, part) / whole) : null);

function entries(report: RTCStatsReport): Entry[] {
  const out: Entry[] = [];
  report.forEach((value) => out.push(value as Entry));
  return out;
}

function selectedPair(all: Entry[]): Entry | undefined {
  const byId = new Map(all.map((e) => [e.id, e]));
  for (const e of all) {
    if (e.type === 'transport' && typeof e.selectedCandidatePairId === 'string') {
      const pair = byId.get(e.selectedCandidatePairId);
      if (pair) return pair;
    }
  }
  return all.find((e) => e.type === 'candidate-pair' && (e.selected === true || (e.nominated === true && e.state === 'succeeded')));
}

/**
 * Parse an `RTCStatsReport` into `PeerStats`: rtt and candidate types from the selected
 * candidate pair; loss, bitrates, resolution and fps from the rtp entries, as rates against
 * the `previous` counters; with `cameraTrackId`, the frames that camera track gave the sender.
 */
export function parseStats(report: RTCStatsReport, previous: StatsCounters | null, now: number, cameraTrackId: string | null = null): StatsSample {
  const all = entries(report);
  const byId = new Map(all.map((e) => [e.id, e]));
  const pair = selectedPair(all);
  const counters: StatsCounters = {
    at: now, bytesReceived: 0, bytesSent: 0, packetsLost: 0, packetsReceived: 0, audioEnergy: 0, audioDuration: 0,
    packetsSent: 0, remotePacketsLost: 0, concealedSamples: 0, totalSamplesReceived: 0, cameraFrames: null,
  };
  let receivedFps: number | null = null;
  let sentFps: number | null = null;
  let sentHeight: number | null = null;
  let limitation: QualityLimitationReason | null = null;
  let sendJitter: number | null = null;
  let frameWidth: number | null = null;
  let frameHeight: number | null = null;
  let framesPerSecond: number | null = null;
  let audioLevel: number | null = null;
  let remoteRtt: number | null = null;

  for (const e of all) {
    if (e.type === 'inbound-rtp') {
      counters.bytesReceived += num(e.bytesReceived) ?? 0;
      counters.packetsLost += Math.max(0, num(e.packetsLost) ?? 0);
      counters.packetsReceived += num(e.packetsReceived) ?? 0;
      const kind = e.kind ?? e.mediaType;
      if (kind === 'video' && num(e.frameWidth)) {
        frameWidth = num(e.frameWidth);
        frameHeight = num(e.frameHeight);
        framesPerSecond = num(e.framesPerSecond);
        receivedFps = framesPerSecond;
      }
      if (kind === 'audio') {
        if (num(e.audioLevel) !== null) audioLevel = num(e.audioLevel);
        counters.audioEnergy += num(e.totalAudioEnergy) ?? 0;
        counters.audioDuration += num(e.totalSamplesDuration) ?? 0;
        // Concealment of silence (DTX) is not a fault of the link.
        counters.concealedSamples += Math.max(0, (num(e.concealedSamples) ?? 0) - (num(e.silentConcealedSamples) ?? 0));
        counters.totalSamplesReceived += num(e.totalSamplesReceived) ?? 0;
      }
    } else if (e.type === 'outbound-rtp') {
      counters.bytesSent += num(e.bytesSent) ?? 0;
      counters.packetsSent += num(e.packetsSent) ?? 0;
      if ((e.kind ?? e.mediaType) === 'video' && num(e.frameHeight) !== null && (sentHeight ?? 0) <= (num(e.frameHeight) ?? 0)) {
        sentHeight = num(e.frameHeight);
        sentFps = num(e.framesPerSecond);
        if (typeof e.qualityLimitationReason === 'string' && LIMITATIONS.includes(e.qualityLimitationReason)) {
          limitation = e.qualityLimitationReason as QualityLimitationReason;
        }
      }
    } else if (e.type === 'media-source') {
      // Counted whether or not the encoder sends (paused video, a disabled track's black frames):
      // it stands still only when the track gives the sender nothing.
      const frames = num(e.frames);
      if (cameraTrackId !== null && e.trackIdentifier === cameraTrackId && frames !== null) counters.cameraFrames = (counters.cameraFrames ?? 0) + frames;
    } else if (e.type === 'remote-inbound-rtp') {
      remoteRtt = num(e.roundTripTime) ?? remoteRtt;
      counters.remotePacketsLost += Math.max(0, num(e.packetsLost) ?? 0);
      const jitter = num(e.jitter);
      sendJitter = maxOf(sendJitter, jitter === null ? null : jitter * 1000);
    }
  }

  const seconds = previous ? (now - previous.at) / 1000 : 0;
  // The window's RMS level (energy is the integral of level²): robust to the gaps between words,
  // unlike the instantaneous `audioLevel` of the last packet.
  const duration = previous ? counters.audioDuration - previous.audioDuration : 0;
  if (previous && duration > 0) audioLevel = Math.sqrt(Math.max(0, counters.audioEnergy - previous.audioEnergy) / duration);
  const rate = (cur: number, prev: number | undefined) =>
    previous && seconds > 0 ? Math.max(0, Math.round(((cur - (prev ?? 0)) * 8) / seconds)) : null;
  const lost = previous ? counters.packetsLost - previous.packetsLost : 0;
  const received = previous ? counters.packetsReceived - previous.packetsReceived : 0;
  const pairRtt = num(pair?.currentRoundTripTime);
  const rtt = pairRtt ?? remoteRtt;
  const candidateType = (id: unknown) => {
    const c = typeof id === 'string' ? byId.get(id) : undefined;
    return typeof c?.candidateType === 'string' ? c.candidateType : null;
  };

  const packetLoss = previous && lost + received > 0 ? Math.max(0, lost) / (lost + received) : previous ? 0 : null;
  const had = previous !== null;
  const sentDelta = had ? counters.packetsSent - previous.packetsSent : 0;
  const link: LinkSample = {
    at: now,
    availableOutgoingBitrate: num(pair?.availableOutgoingBitrate),
    sendLoss: share(had ? counters.remotePacketsLost - previous.remotePacketsLost : 0, sentDelta, had),
    rttMs: rtt === null ? null : Math.round(rtt * 1000),
    sendJitterMs: sendJitter === null ? null : Math.round(sendJitter),
    qualityLimitationReason: limitation,
    sentFramesPerSecond: sentFps,
    sentFrameHeight: sentHeight,
    audioConcealment: share(
      had ? counters.concealedSamples - previous.concealedSamples : 0,
      had ? counters.totalSamplesReceived - previous.totalSamplesReceived : 0,
      had,
    ),
    receiveLoss: packetLoss,
    receivedFramesPerSecond: receivedFps,
    bytesReceived: had ? Math.max(0, counters.bytesReceived - previous.bytesReceived) : null,
    cameraFrames:
      had && counters.cameraFrames !== null && previous.cameraFrames !== null ? Math.max(0, counters.cameraFrames - previous.cameraFrames) : null,
  };

  return {
    counters,
    audioLevel,
    link,
    stats: {
      rttMs: rtt === null ? null : Math.round(rtt * 1000),
      packetLoss,
      inboundBitrate: rate(counters.bytesReceived, previous?.bytesReceived),
      outboundBitrate: rate(counters.bytesSent, previous?.bytesSent),
      frameWidth,
      frameHeight,
      framesPerSecond,
      localCandidateType: candidateType(pair?.localCandidateId),
      remoteCandidateType: candidateType(pair?.remoteCandidateId),
      sampledAt: now,
    },
  };
}
