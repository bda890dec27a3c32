import type { PeerStats } from '../state/types';

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
}

/** One parsed sample of a peer connection. */
export interface StatsSample {
  stats: PeerStats;
  counters: StatsCounters;
  /** Level of the remote audio (0–1): the window's average when energy totals exist, else the last packet's. */
  audioLevel: number | null;
}

type Entry = Record<string, unknown> & { type: string; id: string };
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

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
 * the `previous` counters.
 */
export function parseStats(report: RTCStatsReport, previous: StatsCounters | null, now: number): StatsSample {
  const all = entries(report);
  const byId = new Map(all.map((e) => [e.id, e]));
  const pair = selectedPair(all);
  const counters: StatsCounters = { at: now, bytesReceived: 0, bytesSent: 0, packetsLost: 0, packetsReceived: 0, audioEnergy: 0, audioDuration: 0 };
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
      }
      if (kind === 'audio') {
        if (num(e.audioLevel) !== null) audioLevel = num(e.audioLevel);
        counters.audioEnergy += num(e.totalAudioEnergy) ?? 0;
        counters.audioDuration += num(e.totalSamplesDuration) ?? 0;
      }
    } else if (e.type === 'outbound-rtp') {
      counters.bytesSent += num(e.bytesSent) ?? 0;
    } else if (e.type === 'remote-inbound-rtp') {
      remoteRtt = num(e.roundTripTime) ?? remoteRtt;
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

  return {
    counters,
    audioLevel,
    stats: {
      rttMs: rtt === null ? null : Math.round(rtt * 1000),
      packetLoss: previous && lost + received > 0 ? Math.max(0, lost) / (lost + received) : previous ? 0 : null,
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
