import type { TrackKind } from '../protocol/media-sources';
import type { SignalData } from '../protocol/types';

/** WebRTC implementation for Node (e.g. `require('@roamhq/wrtc')`); browsers use their own. */
export interface WrtcImplementation {
  RTCPeerConnection: unknown;
  RTCSessionDescription: unknown;
  RTCIceCandidate: unknown;
  MediaStream?: unknown;
}

/** Events of a `PeerTransport`. */
export interface PeerTransportEvents {
  /** A signal to relay to the remote side. */
  signal: (data: SignalData) => void;
  connect: () => void;
  /** A remote stream (camera or screen) appeared, or gained a track. */
  stream: (stream: MediaStream) => void;
  /** A text message arrived on the data channel. */
  data: (text: string) => void;
  /** The ICE connection state changed (`disconnected` may recover; `failed` will not). */
  ice: (state: RTCIceConnectionState) => void;
  close: () => void;
  error: (error: Error) => void;
}

/** Options for creating one transport (one connection attempt). */
export interface PeerTransportOptions {
  initiator: boolean;
  config: RTCConfiguration;
  /** Streams to send from the start (camera stream, screen stream). */
  streams: MediaStream[];
  wrtc?: WrtcImplementation;
}

/**
 * One WebRTC connection to one remote participant. The mesh only talks to this interface;
 * `simple-peer` sits behind it (see `simple-peer-transport.ts`), so tests and future
 * implementations can replace it.
 */
export interface PeerTransport {
  /** Feed a signal received from the remote side. */
  signal(data: SignalData): void;
  /**
   * Put `track` in the `kind` sender of `stream`. First time: adds the track (renegotiates);
   * afterwards: `RTCRtpSender.replaceTrack` (no renegotiation). `null` sends nothing.
   */
  setTrack(kind: TrackKind, track: MediaStreamTrack | null, stream: MediaStream): Promise<void>;
  /** Send a whole stream (screen share); renegotiates. */
  addStream(stream: MediaStream): void;
  /** Stop sending a stream added with `addStream`; renegotiates. */
  removeStream(stream: MediaStream): void;
  /** Send a text message on the data channel; dropped until connected. */
  send(text: string): void;
  /**
   * Start an ICE restart on this connection: fresh ICE credentials and candidates, offered to
   * the other side by renegotiation, while media and the data channel stay on the same
   * connection. Only the initiator can start one. Returns `false` when it cannot (not the
   * initiator, destroyed, not supported); the link then rebuilds the connection instead.
   * Optional: a transport without it is always rebuilt.
   */
  restartIce?(): boolean;
  on<E extends keyof PeerTransportEvents>(event: E, handler: PeerTransportEvents[E]): () => void;
  /** The underlying connection, for `getStats`, senders and receivers; `null` once destroyed. */
  readonly connection: RTCPeerConnection | null;
  readonly destroyed: boolean;
  /** Close the connection and remove every listener. Idempotent. */
  destroy(): void;
}

/** Creates a transport; injected so tests or other WebRTC libraries can stand in for simple-peer. */
export type PeerTransportFactory = (options: PeerTransportOptions) => PeerTransport;
