// Turns what the bench pages recorded into the figures `bench:link` prints.
import type { PcCounters } from './instrument';

/** Everything read from one page at one instant. */
export interface PageReading {
  at: number;
  counters: PcCounters[];
  setParameters: number;
  connections: number;
  qualityChanges: number;
  frameTimes: number[];
}

/** Figures of one page over a window (between two readings). */
export interface WindowFigures {
  /** Received audio concealed (lost or late, not silence), % of received samples. */
  concealedPct: number | null;
  /** Received video freezes and their total length, s. */
  freezes: number;
  freezeSeconds: number;
  framesDecoded: number;
  /** This page's own `setParameters` calls and encoder resolution changes. */
  setParameters: number;
  resolutionChanges: number;
  /** Changes of the quality buckets this page showed (ours only). */
  qualityChanges: number;
  /** Peer connections created in the window (> 0: a connection was torn down and rebuilt). */
  newConnections: number;
  /** The shadow link policy on the same samples: level and quality changes, share of time video paused. */
  policyLevelChanges: number;
  policyQualityChanges: number;
  policyPausedPct: number | null;
  /** Times the shadow liveness entered `congested` (keep the connection) / `silent` (rebuild). */
  policyCongested: number;
  policySilent: number;
}

/** Sum of counter deltas over every connection (one created inside the window starts at zero). */
function delta(a: PcCounters[], b: PcCounters[], key: keyof PcCounters): number {
  let sum = 0;
  b.forEach((counters, i) => (sum += Math.max(0, counters[key] - (a[i]?.[key] ?? 0))));
  return sum;
}

function pausedPct(a: PageReading, b: PageReading): number | null {
  const samples = delta(a.counters, b.counters, 'policySamples');
  return samples > 0 ? (100 * delta(a.counters, b.counters, 'policyPausedSamples')) / samples : null;
}

/** Figures between readings `a` and `b` of the same page. */
export function windowFigures(a: PageReading, b: PageReading): WindowFigures {
  const samples = delta(a.counters, b.counters, 'samplesReceived');
  return {
    concealedPct: samples > 0 ? (100 * delta(a.counters, b.counters, 'concealed')) / samples : null,
    freezes: delta(a.counters, b.counters, 'freezeCount'),
    freezeSeconds: delta(a.counters, b.counters, 'freezesSeconds'),
    framesDecoded: delta(a.counters, b.counters, 'framesDecoded'),
    setParameters: b.setParameters - a.setParameters,
    resolutionChanges: delta(a.counters, b.counters, 'resolutionChanges'),
    qualityChanges: b.qualityChanges - a.qualityChanges,
    newConnections: b.connections - a.connections,
    policyLevelChanges: delta(a.counters, b.counters, 'policyLevelChanges'),
    policyQualityChanges: delta(a.counters, b.counters, 'policyQualityChanges'),
    policyPausedPct: pausedPct(a, b),
    policyCongested: delta(a.counters, b.counters, 'policyCongested'),
    policySilent: delta(a.counters, b.counters, 'policySilent'),
  };
}

/**
 * Longest stretch without a decoded remote frame between `from` and `to` (epoch ms), counting
 * the edges: a page that never saw a frame again has a gap up to `to`.
 */
export function longestGap(frameTimes: readonly number[], from: number, to: number): number {
  let previous = from;
  let longest = 0;
  for (const t of frameTimes) {
    if (t <= from) continue;
    if (t > to) break;
    longest = Math.max(longest, t - previous);
    previous = t;
  }
  return Math.max(longest, to - previous);
}

/** What our client applied to its own camera video over a window (from `AppliedPolicy.sending`). */
export interface AppliedFigures {
  /** Changes of the sent level (high / medium / low / paused). */
  levelChanges: number;
  /** Times video was paused for the network, and resumed after such a pause. */
  pauses: number;
  resumes: number;
  /** Share of the window with video paused, %. */
  pausedPct: number;
}

/** Reads `<epoch ms> <level> <reason>` lines over [from, to]. */
export function appliedFigures(lines: string[], from: number, to: number): AppliedFigures {
  const entries = lines.map((line) => {
    const [at, level] = line.split(' ');
    return { at: Number(at), level: level ?? 'high' };
  });
  let level = entries.filter((e) => e.at <= from).at(-1)?.level ?? 'high';
  let since = from;
  const figures = { levelChanges: 0, pauses: 0, resumes: 0, pausedPct: 0 };
  let pausedMs = 0;
  for (const e of entries.filter((x) => x.at > from && x.at <= to)) {
    if (e.level === level) continue;
    if (level === 'paused') pausedMs += e.at - since;
    figures.levelChanges += 1;
    if (e.level === 'paused') figures.pauses += 1;
    if (level === 'paused') figures.resumes += 1;
    level = e.level;
    since = e.at;
  }
  if (level === 'paused') pausedMs += to - since;
  figures.pausedPct = to > from ? (100 * pausedMs) / (to - from) : 0;
  return figures;
}
