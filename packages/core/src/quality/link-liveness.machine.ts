import type { PeerLiveness } from '../peers/peer-link.types';
import { pickTarget, type TransitionTable } from './transition-table';

/**
 * Whether a connection is alive: `alive` (ICE connected), `congested` (ICE says disconnected
 * but bytes still arrive — a deep queue, not a dead link: do not tear it down) or `silent`
 * (nothing arrives: the peer link may recover it). The peer link reads the same words.
 */
export type LivenessState = PeerLiveness;

/** ICE connection states the peer link reports. */
export type IceState = 'new' | 'checking' | 'connected' | 'completed' | 'disconnected' | 'failed' | 'closed';

/** Inputs of the liveness machine. */
export type LivenessEvent =
  | { type: 'SAMPLE'; at: number; bytesReceived: number | null }
  | { type: 'ICE'; at: number; state: IceState };

/** Timings of the liveness machine, ms. */
export interface LivenessConfig {
  /** Bytes within this long before ICE dropped count as "still arriving". @default 4000 */
  recentBytesMs: number;
  /** With nothing arriving this long, a congested link counts as silent. @default 10000 */
  silentAfterMs: number;
}

/** Defaults of {@link LivenessConfig}. */
export const LIVENESS_DEFAULTS: LivenessConfig = { recentBytesMs: 4_000, silentAfterMs: 10_000 };

/** What the liveness machine remembers. */
export interface LivenessContext {
  ice: IceState;
  /** Last time bytes were seen arriving. */
  lastBytesAt: number | null;
}

/** State plus context of the liveness machine. */
export interface LivenessMachineState {
  state: LivenessState;
  context: LivenessContext;
}

type Guard = 'iceUp' | 'iceGone' | 'iceDownBytesRecent' | 'iceDownNoBytes' | 'bytesStopped';

/** Liveness in one table. */
export const LIVENESS_TRANSITIONS: TransitionTable<LivenessState, LivenessEvent['type'], Guard> = {
  alive: {
    ICE: [
      { guard: 'iceGone', target: 'silent' },
      { guard: 'iceDownBytesRecent', target: 'congested' },
      { guard: 'iceDownNoBytes', target: 'silent' },
    ],
  },
  congested: {
    ICE: [
      { guard: 'iceUp', target: 'alive' },
      { guard: 'iceGone', target: 'silent' },
    ],
    SAMPLE: [{ guard: 'bytesStopped', target: 'silent' }],
  },
  silent: {
    ICE: [{ guard: 'iceUp', target: 'alive' }],
    SAMPLE: [{ guard: 'iceDownBytesRecent', target: 'congested' }],
  },
};

/** A new connection counts as alive; its first ICE event settles it. */
export const initialLivenessState = (): LivenessMachineState => ({ state: 'alive', context: { ice: 'new', lastBytesAt: null } });

/** The pure transition function of the liveness machine. */
export function livenessTransition(
  current: LivenessMachineState,
  event: LivenessEvent,
  cfg: LivenessConfig = LIVENESS_DEFAULTS,
): LivenessMachineState {
  const c = current.context;
  const context: LivenessContext =
    event.type === 'ICE'
      ? { ...c, ice: event.state }
      : { ...c, lastBytesAt: (event.bytesReceived ?? 0) > 0 ? event.at : c.lastBytesAt };
  const sinceBytes = context.lastBytesAt === null ? Infinity : event.at - context.lastBytesAt;
  const down = context.ice === 'disconnected';
  const holds: Record<Guard, boolean> = {
    iceUp: context.ice === 'connected' || context.ice === 'completed',
    iceGone: context.ice === 'failed' || context.ice === 'closed',
    iceDownBytesRecent: down && sinceBytes <= cfg.recentBytesMs,
    iceDownNoBytes: down && sinceBytes > cfg.recentBytesMs,
    bytesStopped: sinceBytes >= cfg.silentAfterMs,
  };
  const target = pickTarget(LIVENESS_TRANSITIONS, current.state, event.type, (g) => holds[g]);
  return { state: target ?? current.state, context };
}
