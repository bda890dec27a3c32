import type { LinkSample } from './link-sample';
import { SEND_POLICY_DEFAULTS, type SendPolicyConfig } from './send-policy.config';
import { pickTarget, type TransitionTable } from './transition-table';
import {
  AUDIO_RESERVE_BPS, CAP_STEPS_BPS, VIDEO_LEVEL_SPECS, atLeast, encodingFor, snapCap, type VideoEncoding, type VideoLevel,
} from './video-levels';

/** Inputs of the send policy. */
export type SendEvent =
  /** One `getStats` window of this connection. */
  | { type: 'SAMPLE'; sample: LinkSample }
  /** The remote receiver asks for at most `maxLevel` (`'high'` lifts its limit). */
  | { type: 'PEER_REQUEST'; at: number; maxLevel: VideoLevel };

/** Why the level is what it is: shown to people as a short message, never as figures. */
export type SendReason = 'starting' | 'clear' | 'bandwidth' | 'loss' | 'delay' | 'peer-request';

/** What the policy remembers between events. */
export interface SendContext {
  /** When the current level was entered (`null` before the first event). */
  enteredAt: number | null;
  /** Start of the current run of good samples. */
  goodSince: number | null;
  /** Consecutive critical samples. */
  criticalStreak: number;
  /** Smoothed send loss (0–1) and round trip (ms); the browser's latest send estimate (bit/s). */
  loss: number | null;
  rttMs: number | null;
  availableBps: number | null;
  cpuLimited: boolean;
  /** Camera bitrate cap, bit/s (kept within the level's floor and ceiling when applied). */
  capBps: number;
  capChangedAt: number;
  /** Most video the remote receiver accepts. */
  peerCap: VideoLevel;
  resumeHoldMs: number;
  resumedAt: number | null;
  reason: SendReason;
}

/** The policy's state: the video level and its context. */
export interface SendPolicyState {
  level: VideoLevel;
  context: SendContext;
}

type Guard =
  | 'critical' | 'criticalConfirmed' | 'cannotKeepHigh' | 'cannotKeepMedium' | 'congested'
  | 'readyForHigh' | 'readyForMedium' | 'readyToResume'
  | 'peerAsksMedium' | 'peerAsksLow' | 'peerAsksPaused';

/**
 * The send policy, one table: fast down (a window), slow up (good for `upHoldMs` after at least
 * `minDwellMs` at the level), resolution and frame rate drop (`low`) before video pauses, and
 * video resumes only after `resumeHoldMs` of good samples.
 */
export const SEND_TRANSITIONS: TransitionTable<VideoLevel, SendEvent['type'], Guard> = {
  high: {
    SAMPLE: [
      { guard: 'critical', target: 'low' },
      { guard: 'cannotKeepMedium', target: 'low' },
      { guard: 'cannotKeepHigh', target: 'medium' },
      { guard: 'congested', target: 'medium' },
    ],
    PEER_REQUEST: [
      { guard: 'peerAsksPaused', target: 'paused' },
      { guard: 'peerAsksLow', target: 'low' },
      { guard: 'peerAsksMedium', target: 'medium' },
    ],
  },
  medium: {
    SAMPLE: [
      { guard: 'critical', target: 'low' },
      { guard: 'cannotKeepMedium', target: 'low' },
      { guard: 'congested', target: 'low' },
      { guard: 'readyForHigh', target: 'high' },
    ],
    PEER_REQUEST: [
      { guard: 'peerAsksPaused', target: 'paused' },
      { guard: 'peerAsksLow', target: 'low' },
    ],
  },
  low: {
    SAMPLE: [
      { guard: 'criticalConfirmed', target: 'paused' },
      { guard: 'readyForMedium', target: 'medium' },
    ],
    PEER_REQUEST: [{ guard: 'peerAsksPaused', target: 'paused' }],
  },
  paused: {
    SAMPLE: [{ guard: 'readyToResume', target: 'low' }],
  },
};

/** The state a connection starts in: `medium` until the first samples show what the link carries. */
export function initialSendState(level: VideoLevel = 'medium', config: SendPolicyConfig = SEND_POLICY_DEFAULTS): SendPolicyState {
  const spec = VIDEO_LEVEL_SPECS[level === 'paused' ? 'low' : level];
  return {
    level,
    context: {
      enteredAt: null, goodSince: null, criticalStreak: 0, loss: null, rttMs: null, availableBps: null, cpuLimited: false,
      capBps: spec.ceilingBps, capChangedAt: 0, peerCap: 'high', resumeHoldMs: config.resumeHoldMs, resumedAt: null,
      reason: 'starting',
    },
  };
}

const smooth = (previous: number | null, next: number | null) => (next === null ? previous : previous === null ? next : (previous + next) / 2);
const below = (available: number | null, bps: number) => available !== null && available < bps;

/** Fold a sample into the context: smoothing, streaks and the run of good samples. */
function observe(level: VideoLevel, c: SendContext, s: LinkSample, cfg: SendPolicyConfig): SendContext {
  const loss = smooth(c.loss, s.sendLoss);
  const rttMs = smooth(c.rttMs, s.rttMs);
  const availableBps = s.availableOutgoingBitrate ?? c.availableBps;
  const cpuLimited = s.qualityLimitationReason === 'cpu';
  // While video is paused the estimate is app-limited: Chromium holds it near 1.5 × what is sent
  // (audio only: ≈ 85 kbit/s), so it says nothing about the link, nor for a while after video
  // resumes (it ramps up from there); then loss and round trip decide alone.
  const trusted = level !== 'paused' && (c.resumedAt === null || s.at - c.resumedAt >= cfg.resumeGraceMs);
  const estimate = trusted ? availableBps : null;
  // A starved estimate alone never pauses video: on a busy or CPU-limited sender Chromium's
  // estimate sits near its floor on a clean link (app-limited). It takes loss or delay beside it.
  const corroborated = (loss ?? 0) >= cfg.congestedLoss || (rttMs ?? 0) >= cfg.congestedRttMs;
  const critical =
    (loss ?? 0) >= cfg.criticalLoss || (rttMs ?? 0) >= cfg.criticalRttMs || (corroborated && below(estimate, VIDEO_LEVEL_SPECS.low.keepBps));
  const keep = level === 'paused' ? 0 : VIDEO_LEVEL_SPECS[level].keepBps;
  const good = (loss ?? 0) < cfg.goodLoss && (rttMs ?? 0) < cfg.goodRttMs && !below(estimate, keep) && !cpuLimited;
  return {
    ...c,
    enteredAt: c.enteredAt ?? s.at,
    loss, rttMs, availableBps, cpuLimited,
    criticalStreak: critical ? c.criticalStreak + 1 : 0,
    goodSince: good ? (c.goodSince ?? s.at) : null,
  };
}

/** What made the link bad, for the message people see. */
function cause(c: SendContext, cfg: SendPolicyConfig): SendReason {
  if ((c.loss ?? 0) >= cfg.congestedLoss) return 'loss';
  if ((c.rttMs ?? 0) >= cfg.congestedRttMs) return 'delay';
  return 'bandwidth';
}

function guards(level: VideoLevel, c: SendContext, event: SendEvent, cfg: SendPolicyConfig): (g: Guard) => boolean {
  const at = event.type === 'SAMPLE' ? event.sample.at : event.at;
  const inLevel = at - (c.enteredAt ?? at);
  const mayDrop = inLevel >= cfg.downDwellMs;
  const goodFor = c.goodSince === null ? -1 : at - c.goodSince;
  const capBound = (next: 'high' | 'medium') =>
    // The estimate sits at our own cap: the cap, not the link, limits it.
    c.availableBps !== null && c.availableBps >= VIDEO_LEVEL_SPECS[next].keepBps * 1.1 && c.availableBps >= 0.9 * (c.capBps + AUDIO_RESERVE_BPS);
  const readyFor = (next: 'high' | 'medium') =>
    goodFor >= cfg.upHoldMs && inLevel >= cfg.minDwellMs && atLeast(c.peerCap, next) &&
    // Without an estimate (Firefox has no `availableOutgoingBitrate`) loss and round trip decide alone.
    (c.availableBps === null || capBound(next) || !below(c.availableBps, VIDEO_LEVEL_SPECS[next].enterBps));
  const asks = (level: VideoLevel) => event.type === 'PEER_REQUEST' && event.maxLevel === level;
  const table: Record<Guard, () => boolean> = {
    critical: () => mayDrop && c.criticalStreak > 0,
    criticalConfirmed: () => mayDrop && c.criticalStreak >= 2,
    cannotKeepHigh: () => mayDrop && (below(c.availableBps, VIDEO_LEVEL_SPECS.high.keepBps) || c.cpuLimited),
    cannotKeepMedium: () => mayDrop && below(c.availableBps, VIDEO_LEVEL_SPECS.medium.keepBps),
    congested: () => mayDrop && ((c.loss ?? 0) >= cfg.congestedLoss || (c.rttMs ?? 0) >= cfg.congestedRttMs),
    readyForHigh: () => readyFor('high'),
    readyForMedium: () => readyFor('medium'),
    readyToResume: () => goodFor >= c.resumeHoldMs && inLevel >= cfg.minDwellMs && c.peerCap !== 'paused',
    peerAsksMedium: () => asks('medium'),
    peerAsksLow: () => asks('low'),
    peerAsksPaused: () => asks('paused'),
  };
  void level;
  return (g) => table[g]();
}

/** Move the cap: at once when the estimate fell well under it, one step at a time when it rose. */
function adjustCap(c: SendContext, at: number, cfg: SendPolicyConfig): SendContext {
  if (c.availableBps === null) return c;
  const target = snapCap((c.availableBps - AUDIO_RESERVE_BPS) * 0.9);
  if (target < c.capBps * 0.8 && at - c.capChangedAt >= cfg.downDwellMs) return { ...c, capBps: target, capChangedAt: at };
  const goodFor = c.goodSince === null ? -1 : at - c.goodSince;
  if (target > c.capBps && goodFor >= cfg.capUpHoldMs && at - c.capChangedAt >= cfg.capUpHoldMs) {
    const next = CAP_STEPS_BPS.find((step) => step > c.capBps) ?? c.capBps;
    return { ...c, capBps: Math.min(next, target), capChangedAt: at };
  }
  return c;
}

/** Enter `target` from `level` at `at`. */
function enter(level: VideoLevel, target: VideoLevel, c: SendContext, event: SendEvent, at: number, cfg: SendPolicyConfig): SendContext {
  const down = atLeast(level, target);
  const next: SendContext = { ...c, enteredAt: at, criticalStreak: 0 };
  if (down) {
    next.goodSince = null;
    next.reason = event.type === 'PEER_REQUEST' ? 'peer-request' : cause(c, cfg);
    // The new level starts no higher than what the link carries now.
    if (c.availableBps !== null) next.capBps = Math.min(c.capBps, snapCap((c.availableBps - AUDIO_RESERVE_BPS) * 0.9));
    next.capChangedAt = at;
  } else if (target === 'high') {
    next.reason = 'clear';
  }
  if (target === 'paused') {
    const relapse = c.resumedAt !== null && at - c.resumedAt < cfg.relapseWindowMs;
    next.resumeHoldMs = relapse ? Math.min(cfg.maxResumeHoldMs, c.resumeHoldMs * 2) : cfg.resumeHoldMs;
  }
  if (level === 'paused') next.resumedAt = at;
  return next;
}

/** The pure transition function: the next state after `event`. */
export function sendPolicyTransition(state: SendPolicyState, event: SendEvent, config: SendPolicyConfig = SEND_POLICY_DEFAULTS): SendPolicyState {
  const at = event.type === 'SAMPLE' ? event.sample.at : event.at;
  let context =
    event.type === 'SAMPLE'
      ? observe(state.level, state.context, event.sample, config)
      : { ...state.context, enteredAt: state.context.enteredAt ?? at, peerCap: event.maxLevel };
  const target = pickTarget(SEND_TRANSITIONS, state.level, event.type, guards(state.level, context, event, config));
  if (target !== null && target !== state.level) {
    return { level: target, context: enter(state.level, target, context, event, at, config) };
  }
  if (event.type === 'SAMPLE') context = adjustCap(context, at, config);
  return { level: state.level, context };
}

/** What the peer link applies to the camera sender of this connection. */
export interface SendDecision {
  level: VideoLevel;
  encoding: VideoEncoding;
  reason: SendReason;
}

/** The decision of a state (the encoding for a mesh of `remotePeers`). */
export function sendDecision(state: SendPolicyState, remotePeers = 1): SendDecision {
  return { level: state.level, encoding: encodingFor(state.level, state.context.capBps, remotePeers), reason: state.context.reason };
}
