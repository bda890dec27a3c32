import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import type { MeetingChat } from '../chat/chat-facade';
import type { MeetingError } from '../errors/meeting-error';
import type { MeetingHostControls } from '../membership/host-controls';
import type { MeetingDevices } from '../media/devices-facade';
import type { MeetingPlayback } from '../media/playback';
import type { CaptureToggle, MediaDevicesLike, MediaToggle } from '../media/types';
import type { PeerTransportFactory, WrtcImplementation } from '../peers/transport';
import type { MeetingEventHandler, MeetingEventName } from '../state/events';
import type { MeetingSnapshot } from '../state/types';
import type { BackoffOptions } from '../util/backoff';

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
   * this meeting — e.g. the name typed on a pre-join screen. Resolves once the server answered:
   * `snapshot.admission` is `admitted`, or `waiting` when the meeting has a waiting room (a host
   * lets you in later: `admission-changed`). Rejects with a `MeetingError` (`meeting-not-started`
   * carries `startsAt`; `removed-from-meeting`, `admission-denied`, `meeting-locked`…).
   */
  join(meetingId?: string, joinOptions?: JoinOptions): Promise<void>;
  /**
   * Get ready to join while a pre-join screen shows: open and authenticate the signalling
   * connection and fetch the ICE configuration, so `join()` only has to send the join request.
   * Optional and idempotent; rejects with a `MeetingError` when the server cannot be reached or
   * refuses the token (a pre-join screen can say so before the person presses Join). Without a
   * token at hand (`token` unset and `getToken()` answering none yet, e.g. one minted for the name
   * typed on the pre-join screen) a server that requires one is not an error here: it resolves,
   * and `join()` connects again with the token it then has. The ICE configuration is fetched
   * only after the server has accepted the connection.
   */
  prepare(): Promise<void>;
  /** Leave the meeting; peers close, local media stops. `join()` may be called again. */
  leave(): Promise<void>;
  /** Final and idempotent: stops every track, peer, timer and listener. Later calls throw `destroyed`. */
  destroy(): void;
  /** Camera on/off, and an optional processor (background blur/replacement) before sending. */
  readonly camera: CaptureToggle;
  /** Microphone on/off, and an optional processor (noise suppression) before sending. */
  readonly microphone: CaptureToggle;
  readonly screen: MediaToggle;
  readonly devices: MeetingDevices;
  readonly chat: MeetingChat;
  /** Host controls (waiting room, remove, ask to mute, lock, extend, end for all); hosts only. */
  readonly host: MeetingHostControls;
  readonly playback: MeetingPlayback;
  /**
   * Mark this participant ready (or not) — `participant-ready` on the wire. In the meeting it
   * resolves once the server has it; in the waiting room the choice is kept and published right
   * after a host lets them in (and again after a reconnection).
   * @throws MeetingError `invalid-state` before a join answer.
   */
  setReady(ready: boolean): Promise<void>;
  /**
   * Audio only: stop sending camera video to everyone (`true`) without turning the camera off —
   * the self view stays, `snapshot.media.camera` stays on, and the others are told (their
   * `snapshot.links[id].receiving` is `paused` with `audio-only`). `false` sends video again as
   * each link's quality policy decides. Works before joining too, and lasts until changed
   * (across `leave()` and `join()`). Resolves once every connection has it; the choice is in
   * `snapshot.localVideo.audioOnly`.
   *
   * @example
   * await client.setAudioOnly(!client.getSnapshot().localVideo.audioOnly); // a toggle button
   */
  setAudioOnly(on: boolean): Promise<void>;
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
    /**
     * Before rebuilding a live connection that lost its media path, try an ICE restart on it
     * (new ICE credentials and candidates by renegotiation; media and the data channel stay on
     * the same connection). `false` rebuilds at once, as before. @default true
     */
    iceRestart?: boolean;
    /**
     * While the signalling server is unreachable, a participant whose peer connection stays lost
     * this long is taken as gone and their tile removed (the server cannot say who left; once it
     * is back its roster decides). See the README's "Recovery". @default 20000
     */
    departedAfterMs?: number;
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
