/**
 * Error codes carried on the wire (`webrtc-error` events and failed acknowledgements).
 *
 * One line per code; the client maps each to a `MeetingError` with the same code.
 */
export const PROTOCOL_ERROR_CODES = {
  /** The payload failed schema validation; it was not forwarded. */
  'invalid-payload': 'The message was malformed and was not delivered.',
  /** The payload was larger than the server's `maxPayloadBytes`. */
  'payload-too-large': 'The message was too large and was not delivered.',
  /** The socket sent more events per second than the server allows. */
  'rate-limited': 'Too many messages in a short time; slow down and try again.',
  /** No valid credentials on the handshake or HTTP request. */
  unauthenticated: 'Sign-in is required or the session has expired.',
  /** Unknown meeting or not allowed to join it (deliberately indistinguishable). */
  'meeting-not-found': 'This meeting does not exist or you are not allowed to join it.',
  /** The meeting already holds `maxParticipants` people (mesh cap). */
  'meeting-full': 'This meeting is full.',
  /** The meeting has ended; it cannot be joined again. */
  'meeting-ended': 'This meeting has ended.',
  /** The meeting is locked by its host: nobody new may join or knock. */
  'meeting-locked': 'This meeting is locked by the host.',
  /** More than the allowed margin before the scheduled start (`startsAt` says when). */
  'meeting-not-started': 'This meeting has not started yet. You can join a few minutes before it begins.',
  /** A host refused this person from the waiting room. */
  'admission-denied': 'The host did not let you into this meeting.',
  /** A host removed this person; they cannot rejoin until the meeting ends. */
  'removed-from-meeting': 'You were removed from this meeting by the host.',
  /** The event needs the host to have let this person in first (they are in the waiting room). */
  'not-admitted': 'Please wait for the host to let you in.',
  /**
   * The token expires: with `retryAfterMs`, in that many ms — send `refresh-token` with a new one
   * before then; without, it has expired and the server closes the connection (the client
   * reconnects with a new token and rejoins).
   */
  'token-expired': 'Your session expired. Reconnecting…',
  /** The server is overloaded and refused a new join for now; `retryAfterMs` says when to try again. */
  'server-busy': 'The meeting server is busy. Trying again shortly…',
  /** The event needs the socket to have joined a meeting first. */
  'not-in-meeting': 'Join the meeting first.',
  /** The target participant of a signal is not in the sender's meeting. */
  'participant-not-found': 'That participant is no longer in the meeting.',
  /** The action needs a role the sender does not have (e.g. only a host may end a meeting). */
  forbidden: 'You are not allowed to do that.',
  /** An unexpected server failure; the socket stays connected. */
  internal: 'Something went wrong on the server.',
} as const;

/** Closed union of every error code that can travel on the wire. */
export type ProtocolErrorCode = keyof typeof PROTOCOL_ERROR_CODES;

/** Every protocol error code, in declaration order. */
export const protocolErrorCodes = Object.keys(PROTOCOL_ERROR_CODES) as ProtocolErrorCode[];

/** Wire shape of an error (`webrtc-error` payload and failed acknowledgement). */
export interface ProtocolError {
  code: ProtocolErrorCode;
  message: string;
  /** The client event that caused it, when there is one. */
  event?: string;
  /** Whether retrying the same action later may succeed. */
  recoverable?: boolean;
  /** `meeting-not-started`: the scheduled start (epoch ms). */
  startsAt?: number;
  /** `rate-limited`, `server-busy`: when trying again may succeed; `token-expired`: ms until the token expires. */
  retryAfterMs?: number;
}
