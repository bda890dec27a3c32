import type { SignalData } from '../protocol/types';
import type { PeerTransport } from './transport';

/** States of the peer link machine (see the diagram in `peer-link.machine.ts`). */
export type PeerLinkState =
  | 'idle'
  | 'awaiting-offer'
  | 'preparing'
  | 'negotiating'
  | 'connected'
  | 'interrupted'
  | 'held'
  | 'ice-restarting'
  | 'backoff'
  | 'awaiting-rebuild'
  | 'failed'
  | 'closed';

/**
 * Whether a connection whose ICE dropped is still alive, as the quality monitor judges it from
 * the bytes that keep arriving: `alive` (ICE connected), `congested` (ICE says disconnected but
 * bytes still arrive — a deep queue, not a dead link) or `silent` (nothing arrives).
 */
export type PeerLiveness = 'alive' | 'congested' | 'silent';

/** Events of the peer link machine. */
export type PeerLinkEvent =
  | { type: 'START' }
  /** An offer that starts a new attempt of the initiator (responder side). */
  | { type: 'OFFER'; connectionId: string; signal: SignalData }
  /** The responder asks for a new attempt; `connectionId` names the attempt it lost (or `none`). */
  | { type: 'REBUILD_REQUEST'; connectionId: string }
  /** The responder asks the initiator to restart ICE on the live attempt `connectionId`. */
  | { type: 'ICE_RESTART_REQUEST'; connectionId: string }
  /** A signal of the current attempt. */
  | { type: 'SIGNAL'; signal: SignalData }
  | { type: 'CONFIG_READY'; attempt: string; config: RTCConfiguration }
  | { type: 'CONNECTED'; transport: PeerTransport }
  /** The attempt is moving (ICE started checking): its connect timer starts over. */
  | { type: 'PROGRESS'; transport: PeerTransport }
  | { type: 'ICE_DISCONNECTED'; transport: PeerTransport }
  | { type: 'ICE_RECOVERED'; transport: PeerTransport }
  | { type: 'TRANSPORT_FAILED'; transport: PeerTransport }
  /** The quality monitor's judgement of the current connection after ICE dropped. */
  | { type: 'LIVENESS'; liveness: PeerLiveness }
  /** The current state's timer ran out (connect, grace, hold, ICE restart or rebuild wait). */
  | { type: 'TIMEOUT' }
  /** Backoff is over: start the next attempt. */
  | { type: 'RETRY' }
  /** Rebuild now (network back, the app asked): the current attempt counts as failed. */
  | { type: 'RESTART' }
  | { type: 'CLOSE' };

/** What the machine's guards read and its actions change; the effects live in `peer-link.ts`. */
export interface PeerLinkContext {
  readonly initiator: boolean;
  readonly maxAttempts: number;
  /** Try an ICE restart on the live connection before rebuilding it. */
  readonly iceRestart: boolean;
  /** Failed attempts in a row. */
  failures: number;
  /** The current attempt, `null` between attempts. */
  connectionId: string | null;
  /** The attempt that failed last: a rebuild request names it so the initiator can match it. */
  lastConnectionId: string;
  /** Attempts that may no longer deliver signals. */
  readonly retired: Set<string>;
  /** Signals of the current attempt that arrived before its transport exists. */
  pending: SignalData[];
  transport: PeerTransport | null;
  /** When ICE last dropped on the live connection (epoch ms): the congestion hold counts from it. */
  interruptedAt: number | null;
  /** Side effects the actions need (new ids, transport creation, feeding signals). */
  readonly fx: PeerLinkEffects;
}

/** The side effects the table's actions call. */
export interface PeerLinkEffects {
  newConnectionId(): string;
  /** Create and wire the transport of the current attempt. */
  createTransport(context: PeerLinkContext, config: RTCConfiguration): PeerTransport;
  /** Close the transport of the retired attempt and forget its remote streams. */
  destroyTransport(transport: PeerTransport): void;
  now(): number;
}
