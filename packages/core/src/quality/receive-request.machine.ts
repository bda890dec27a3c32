import type { LinkSample } from './link-sample';
import { pickTarget, type TransitionTable } from './transition-table';
import type { VideoLevel } from './video-levels';

/**
 * What this side asks the remote sender for: everything, reduced video (`low`) or audio only.
 * A receiver on a poor link hears the damage first (concealed audio), so it asks for less.
 */
export type ReceiveRequestState = 'full' | 'reduced' | 'audio-only';

/** Thresholds and timings of the receive side. Shares are 0–1, times ms. */
export interface ReceiveRequestConfig {
  /** Concealed audio share at or above which video is asked to be reduced / stopped. */
  reduceConcealment: number;
  audioOnlyConcealment: number;
  /** Inbound loss at or above which video is asked to be reduced. */
  reduceLoss: number;
  /** Consecutive bad samples before asking for less (one bad window is not a trend). @default 2 */
  badSamples: number;
  /** Concealment and loss under which a sample is good. */
  goodConcealment: number;
  goodLoss: number;
  /** How long samples must be good before the request is relaxed one step. @default 15000 */
  relaxHoldMs: number;
}

/** Defaults of {@link ReceiveRequestConfig}. */
export const RECEIVE_REQUEST_DEFAULTS: ReceiveRequestConfig = {
  reduceConcealment: 0.03,
  audioOnlyConcealment: 0.08,
  reduceLoss: 0.06,
  badSamples: 2,
  goodConcealment: 0.01,
  goodLoss: 0.02,
  relaxHoldMs: 15_000,
};

/** Inputs of the receive side. */
export type ReceiveEvent = { type: 'SAMPLE'; sample: LinkSample };

/** What the receive side remembers. */
export interface ReceiveContext {
  reduceStreak: number;
  audioOnlyStreak: number;
  goodSince: number | null;
  enteredAt: number | null;
}

/** State plus context of the receive side. */
export interface ReceiveRequestMachineState {
  state: ReceiveRequestState;
  context: ReceiveContext;
}

type Guard = 'mustReduce' | 'mustStopVideo' | 'canRelax';

/** The receive side, one table: ask for less after two bad windows, relax one step after a good while. */
export const RECEIVE_TRANSITIONS: TransitionTable<ReceiveRequestState, ReceiveEvent['type'], Guard> = {
  full: {
    SAMPLE: [
      { guard: 'mustStopVideo', target: 'audio-only' },
      { guard: 'mustReduce', target: 'reduced' },
    ],
  },
  reduced: {
    SAMPLE: [
      { guard: 'mustStopVideo', target: 'audio-only' },
      { guard: 'canRelax', target: 'full' },
    ],
  },
  'audio-only': {
    SAMPLE: [{ guard: 'canRelax', target: 'reduced' }],
  },
};

/** The receive side before any sample: asks for everything. */
export const initialReceiveState = (): ReceiveRequestMachineState => ({
  state: 'full',
  context: { reduceStreak: 0, audioOnlyStreak: 0, goodSince: null, enteredAt: null },
});

/** The pure transition function of the receive side. */
export function receiveRequestTransition(
  current: ReceiveRequestMachineState,
  event: ReceiveEvent,
  cfg: ReceiveRequestConfig = RECEIVE_REQUEST_DEFAULTS,
): ReceiveRequestMachineState {
  const s = event.sample;
  const concealment = s.audioConcealment ?? 0;
  const loss = s.receiveLoss ?? 0;
  const reduce = concealment >= cfg.reduceConcealment || loss >= cfg.reduceLoss;
  const good = concealment < cfg.goodConcealment && loss < cfg.goodLoss;
  const c = current.context;
  const context: ReceiveContext = {
    reduceStreak: reduce ? c.reduceStreak + 1 : 0,
    audioOnlyStreak: concealment >= cfg.audioOnlyConcealment ? c.audioOnlyStreak + 1 : 0,
    goodSince: good ? (c.goodSince ?? s.at) : null,
    enteredAt: c.enteredAt ?? s.at,
  };
  const holds: Record<Guard, boolean> = {
    mustReduce: context.reduceStreak >= cfg.badSamples,
    mustStopVideo: context.audioOnlyStreak >= cfg.badSamples,
    canRelax: context.goodSince !== null && s.at - context.goodSince >= cfg.relaxHoldMs && s.at - (context.enteredAt ?? s.at) >= cfg.relaxHoldMs,
  };
  const target = pickTarget(RECEIVE_TRANSITIONS, current.state, 'SAMPLE', (g) => holds[g]);
  if (target === null || target === current.state) return { state: current.state, context };
  // A new request starts a fresh wait: relaxing again needs another good while.
  return { state: target, context: { ...context, enteredAt: s.at, goodSince: null, reduceStreak: 0, audioOnlyStreak: 0 } };
}

/** The most video this side accepts from the peer in `state` (what is sent over the data channel). */
export function requestedLevel(state: ReceiveRequestState): VideoLevel {
  return state === 'full' ? 'high' : state === 'reduced' ? 'low' : 'paused';
}
