import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import type {
  ChatMessage,
  MediaState,
  MeetingEndReason,
  ParticipantLeftReason,
} from '../protocol/types';
import type { MeetingError } from '../errors/meeting-error';
import type { ConnectionState, MeetingSnapshot, Participant, PeerState } from '../state/types';
import type { PeerTransportFactory } from '../peers/transport';

/** Which local media a toggle controls. */
export type MediaToggleSource = 'camera' | 'microphone' | 'screen';

/** Kind of device a user can pick. */
export type DeviceKind = 'camera' | 'microphone' | 'speaker';

/**
 * One local media toggle (camera, microphone or screen share). Its state is in
 * `snapshot.media[source]` (`enabled`, `pending`, `error`). Failures reject with a
 * `MeetingError` (`permission-denied`, `device-in-use`, …) and are also stored in state.
 */
export interface MediaToggle {
  /** Start capturing and publish to every peer. Resolves when the track is live. */
  enable(): Promise<void>;
  /** Stop capturing (the device light goes off) and tell everyone. */
  disable(): Promise<void>;
  /** `enable()` when disabled, `disable()` when enabled. */
  toggle(): Promise<void>;
}

/** Device listing and selection; the list lives in `snapshot.devices`. */
export interface MeetingDevices {
  /** Re-read `enumerateDevices()` (also done automatically on `devicechange`). */
  refresh(): Promise<void>;
  /**
   * Pick a device. Camera/microphone switch mid-call with `replaceTrack` (no renegotiation);
   * speaker uses `setSinkId` where the browser supports it (`devices.canSelectSpeaker`).
   */
  select(kind: DeviceKind, deviceId: string): Promise<void>;
}

/** Meeting chat; messages live in `snapshot.chat`. */
export interface MeetingChat {
  /** Send a message; resolves with the message as stored by the server. */
  send(text: string): Promise<ChatMessage>;
}

/**
 * Audio/video elements that play remote media. The client starts playback, routes audio to the
 * selected speaker (`setSinkId`) and detects blocked autoplay (`snapshot.audioPlaybackBlocked`).
 */
export interface MeetingPlayback {
  /**
   * Register an element that plays a participant's stream (set `srcObject` first). Returns the
   * disposer; call it when the element unmounts.
   */
  attach(element: HTMLMediaElement): () => void;
}

/** Where a remote stream comes from: the camera/microphone stream or a screen share. */
export type StreamSource = 'camera' | 'screen';

/**
 * Events a `MeetingClient` emits, by name → payload. Everything here is also reflected in the
 * snapshot; events are for side effects (sounds, toasts, analytics).
 */
export interface MeetingEvents {
  'connection-changed': { state: ConnectionState; previous: ConnectionState };
  /** This client joined (or rejoined after a drop). */
  joined: { meetingId: string; participantId: string; rejoined: boolean };
  'participant-joined': { participant: Participant };
  'participant-left': { participantId: string; reason: ParticipantLeftReason };
  'participant-media-changed': { participantId: string; media: MediaState };
  'participant-ready': { participantId: string; ready: boolean };
  'peer-state-changed': { participantId: string; state: PeerState; previous: PeerState };
  /** A remote camera or screen stream arrived (or changed). */
  'remote-stream': { participantId: string; source: StreamSource; stream: MediaStream };
  'chat-message': { message: ChatMessage };
  'meeting-started': { meetingId: string; startedAt: number };
  'meeting-ended': { meetingId: string; reason: MeetingEndReason; endedAt: number };
  'active-speaker-changed': { participantId: string | null };
  'audio-playback-blocked': { blocked: boolean };
  error: { error: MeetingError };
}

/** Name of a `MeetingEvents` event. */
export type MeetingEventName = keyof MeetingEvents;

/** Handler for one `MeetingEvents` event. */
export type MeetingEventHandler<E extends MeetingEventName> = (payload: MeetingEvents[E]) => void;

/**
 * The framework-agnostic meeting client. State is one immutable snapshot read with
 * `getSnapshot()` and observed with `subscribe()` (shaped for `useSyncExternalStore`).
 *
 * @example
 * const client = createMeetingClient({ serverUrl: 'https://api.example.com', meetingId, getToken })
 * client.subscribe((s) => render(s))
 * await client.join()
 */
export interface MeetingClient {
  /** The current snapshot; the same object until something changes. */
  getSnapshot(): MeetingSnapshot;
  /** Observe snapshot changes; returns the unsubscribe function. */
  subscribe(listener: (snapshot: MeetingSnapshot, previous: MeetingSnapshot) => void): () => void;
  /**
   * Join `meetingId` (or `options.meetingId`). `displayName` overrides `options.displayName` for
   * this meeting — e.g. the name typed on a pre-join screen. Rejects with a `MeetingError`.
   */
  join(meetingId?: string, joinOptions?: JoinOptions): Promise<void>;
  /** Leave the meeting; peers close, local media stops. `join()` may be called again. */
  leave(): Promise<void>;
  /** Final and idempotent: stops every track, peer, timer and listener. Later calls throw `destroyed`. */
  destroy(): void;
  readonly camera: MediaToggle;
  readonly microphone: MediaToggle;
  readonly screen: MediaToggle;
  readonly devices: MeetingDevices;
  readonly chat: MeetingChat;
  readonly playback: MeetingPlayback;
  /** Mark this participant ready (or not) — `participant-ready` on the wire. */
  setReady(ready: boolean): Promise<void>;
  /**
   * Resume playback of every attached element after the browser blocked autoplay
   * (call it from a click handler).
   */
  startAudio(): Promise<void>;
  /** Listen to one event; returns the unsubscribe function. */
  on<E extends MeetingEventName>(event: E, handler: MeetingEventHandler<E>): () => void;
}

/** Per-join options of `MeetingClient.join`. */
export interface JoinOptions {
  /** Name shown to others in this meeting; wins over `MeetingClientOptions.displayName`. */
  displayName?: string;
}

/** Backoff policy for retries (socket rejoin, peer rebuild). */
export interface BackoffOptions {
  /** Attempts before giving up. @default 5 */
  maxAttempts?: number;
  /** First delay. @default 500 */
  initialDelayMs?: number;
  /** Delay cap. @default 8000 */
  maxDelayMs?: number;
  /** Multiplier per attempt. @default 2 */
  factor?: number;
}

/** WebRTC implementation for Node (e.g. `require('@roamhq/wrtc')`); browsers use their own. */
export interface WrtcImplementation {
  RTCPeerConnection: unknown;
  RTCSessionDescription: unknown;
  RTCIceCandidate: unknown;
  MediaStream?: unknown;
}

/**
 * The subset of `navigator.mediaDevices` the client uses. Browsers get the real one; tests in
 * Node pass `createFakeMediaDevices()` from `@mentara/meetings-core/testing`.
 */
export interface MediaDevicesLike {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia?(options?: DisplayMediaStreamOptions): Promise<MediaStream>;
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
  addEventListener?(type: 'devicechange', listener: () => void): void;
  removeEventListener?(type: 'devicechange', listener: () => void): void;
}

/** Options of `createMeetingClient`. Only `serverUrl` is required. */
export interface MeetingClientOptions {
  /** Origin of the server hosting the `/meetings` namespace, e.g. `https://api.example.com`. */
  serverUrl: string;
  /** Meeting to join when `join()` is called without an id. */
  meetingId?: string;
  /** JWT sent on the socket handshake (`auth.token`) and as `Authorization: Bearer` for ICE config. */
  token?: string;
  /** Called before every (re)connect and ICE-config fetch; wins over `token`. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Name shown to others (the server may take it from the token instead). */
  displayName?: string;
  /** Media to start when joining. @default { camera: true, microphone: true } */
  media?: { camera?: boolean; microphone?: boolean };
  /**
   * Fallback ICE servers used when `GET /api/meetings/webrtc-config` is unreachable — e.g. built
   * from `NEXT_PUBLIC_TURN_SERVER_URL` / `_USERNAME` / `_PASSWORD`. @default []
   */
  iceServers?: RTCIceServer[];
  /**
   * API base URL as in `NEXT_PUBLIC_API_URL` (e.g. `https://api.example.com/api`); the ICE config is
   * read from `${apiUrl}/meetings/webrtc-config`. @default `${serverUrl}/api`
   */
  apiUrl?: string;
  /** Full URL of the ICE config endpoint (wins over `apiUrl`); `false` skips the fetch. */
  webrtcConfigUrl?: string | false;
  /** Privacy: relay all media through TURN (`iceTransportPolicy: 'relay'`), hiding IP addresses. @default false */
  relayOnly?: boolean;
  /** Called with every error also stored in `snapshot.error`. */
  onError?: (error: MeetingError) => void;
  /** How long `join()` may take before failing with `join-timeout`. @default 15000 */
  joinTimeoutMs?: number;
  /** Automatic rejoin after a socket drop. @default { maxAttempts: 10, initialDelayMs: 500, maxDelayMs: 10000 } */
  reconnection?: BackoffOptions;
  /** Peer rebuild after a failed/stuck connection. @default { maxAttempts: 4, initialDelayMs: 1000, maxDelayMs: 8000 } */
  peerReconnection?: BackoffOptions & {
    /**
     * A connection not `connected` within this time counts as stuck. (One whose ICE agent gathers
     * no local candidate within 5 s of its offer/answer counts as failed at once.) @default 15000
     */
    connectTimeoutMs?: number;
  };
  /** WebRTC implementation for Node (`@roamhq/wrtc`). */
  wrtc?: WrtcImplementation;
  /** Media devices to use instead of `navigator.mediaDevices` (tests, Node). */
  mediaDevices?: MediaDevicesLike;
  /** `fetch` to use for the ICE config. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Extra Socket.IO client options (transports, path, …). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  /** Stats sampling period for quality, adaptive bitrate and active speaker; `0` disables. @default 2000 */
  statsIntervalMs?: number;
  /** Listen to `online`/`offline` window events as reconnect hints. @default true */
  networkHints?: boolean;
  /** Advanced: replace the simple-peer transport (custom WebRTC stack, instrumentation in tests). */
  peerTransport?: PeerTransportFactory;
}
