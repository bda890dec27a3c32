import type { IncomingSignal } from '../peers/mesh';
import type { ClientToServerEvents } from '../protocol/events';
import type {
  IceCandidate,
  SignalData,
  WebrtcIceCandidateEvent,
  WebrtcOfferEvent,
  WebrtcSignalEvent,
} from '../protocol/types';

/** A signal ready to emit: the wire event and its payload. */
export type OutgoingSignal =
  | { event: 'webrtc-offer'; payload: Parameters<ClientToServerEvents['webrtc-offer']>[0] }
  | { event: 'webrtc-answer'; payload: Parameters<ClientToServerEvents['webrtc-answer']>[0] }
  | { event: 'webrtc-ice-candidate'; payload: Parameters<ClientToServerEvents['webrtc-ice-candidate']>[0] }
  | { event: 'webrtc-signal'; payload: Parameters<ClientToServerEvents['webrtc-signal']>[0] };

export type { IncomingSignal };

/**
 * Map a simple-peer signal onto the deployment guide's events: descriptions travel as
 * `webrtc-offer` / `webrtc-answer`, candidates as `webrtc-ice-candidate`, everything else
 * (renegotiate, transceiverRequest, our rebuild requests) as `webrtc-signal`.
 */
export function encodeSignal(to: string, connectionId: string, signal: SignalData): OutgoingSignal {
  const type = signal.type;
  if ((type === 'offer' || type === 'answer') && typeof signal.sdp === 'string') {
    const sdpType: 'offer' | 'answer' = type;
    const payload = { to, connectionId, sdp: { type: sdpType, sdp: signal.sdp } };
    return type === 'offer' ? { event: 'webrtc-offer', payload } : { event: 'webrtc-answer', payload };
  }
  if (signal.type === 'candidate' && signal.candidate && typeof signal.candidate === 'object') {
    const c = signal.candidate as IceCandidate;
    const candidate: IceCandidate = { candidate: c.candidate, sdpMid: c.sdpMid ?? null, sdpMLineIndex: c.sdpMLineIndex ?? null };
    return { event: 'webrtc-ice-candidate', payload: { to, connectionId, candidate } };
  }
  return { event: 'webrtc-signal', payload: { to, connectionId, signal } };
}

/** Decode `webrtc-offer` / `webrtc-answer`. */
export function decodeDescription(e: WebrtcOfferEvent): IncomingSignal {
  return { from: e.from, connectionId: e.connectionId, signal: { type: e.sdp.type, sdp: e.sdp.sdp } };
}

/** Decode `webrtc-ice-candidate`. */
export function decodeCandidate(e: WebrtcIceCandidateEvent): IncomingSignal {
  return { from: e.from, connectionId: e.connectionId, signal: { type: 'candidate', candidate: e.candidate } };
}

/** Decode `webrtc-signal`. */
export function decodeSignal(e: WebrtcSignalEvent): IncomingSignal {
  return { from: e.from, connectionId: e.connectionId, signal: e.signal };
}

/** Anything that can emit a client event (the signalling channel). */
export interface SignalEmitter {
  send<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): void;
}

/** Encode an outgoing simple-peer signal and emit it (the mesh's sink during a membership). */
export function emitSignal(channel: SignalEmitter, to: string, connectionId: string, signal: SignalData): void {
  const out = encodeSignal(to, connectionId, signal);
  channel.send(out.event, out.payload as never);
}
