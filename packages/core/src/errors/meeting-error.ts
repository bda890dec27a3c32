import { PROTOCOL_ERROR_CODES, type ProtocolErrorCode } from '../protocol/errors';

/**
 * Client-side error codes, one documented line each. Together with the wire codes in
 * `PROTOCOL_ERROR_CODES` they form the closed `MeetingErrorCode` union.
 */
export const CLIENT_ERROR_CODES = {
  /** The user (or a policy) refused camera/microphone/screen access. */
  'permission-denied': 'Allow camera and microphone access in your browser settings, then try again.',
  /** Another application holds the device (common on Windows). */
  'device-in-use': 'Your camera or microphone is being used by another app. Close it and try again.',
  /** No device of the requested kind is present. */
  'device-not-found': 'No camera or microphone was found. Connect one and try again.',
  /** The requested resolution/device id cannot be satisfied. */
  'constraints-not-satisfiable': 'Your device does not support the requested settings. Try another device.',
  /** getUserMedia needs HTTPS (or localhost). */
  'insecure-context': 'Video calls need a secure (https://) page. Open the meeting over https.',
  /**
   * The camera is on but has given the call no picture for a few seconds (frozen or unplugged, or
   * a kind the browser cannot send, such as a depth camera): the others see no video. Cleared
   * when frames flow again.
   */
  'camera-stalled': 'Your camera has stopped giving a picture, so others cannot see you. Choose another camera, or turn it off and on again.',
  /** Media capture failed for another reason. */
  'media-failed': 'Your camera or microphone could not be started. Try again or pick another device.',
  /** The signalling server cannot be reached. */
  'signalling-unreachable': 'Cannot reach the meeting server. Check your connection; we will keep trying.',
  /** Joining took longer than `joinTimeoutMs`. */
  'join-timeout': 'Joining took too long. Check your connection and try again.',
  /** `GET /api/meetings/webrtc-config` failed and no fallback ICE servers were given. */
  'ice-config-unavailable': 'Connection settings could not be loaded. Check your connection and try again.',
  /** A peer connection could not be (re)established after every retry. */
  'peer-connection-failed': 'The connection to a participant failed. They may be on a restricted network.',
  /** The browser blocked audio playback until the user interacts with the page. */
  'autoplay-blocked': 'Click anywhere to turn on sound.',
  /** The browser lacks WebRTC support. */
  'unsupported-browser': 'This browser does not support video calls. Use a current Chrome, Edge, Firefox or Safari.',
  /** A method was called on a destroyed client. */
  destroyed: 'This meeting client has been destroyed; create a new one.',
  /** The call is not valid in the current state (e.g. chat before joining). */
  'invalid-state': 'That action is not available right now.',
} as const;

/** Every error code the SDK can report: wire codes plus client codes. */
export type MeetingErrorCode = ProtocolErrorCode | keyof typeof CLIENT_ERROR_CODES;

const HINTS: Record<MeetingErrorCode, string> = { ...PROTOCOL_ERROR_CODES, ...CLIENT_ERROR_CODES };

/** Codes for which retrying later may succeed (network, devices busy, rate limit…). */
const RECOVERABLE = new Set<MeetingErrorCode>([
  'rate-limited',
  'internal',
  'device-in-use',
  'camera-stalled',
  'media-failed',
  'signalling-unreachable',
  'join-timeout',
  'ice-config-unavailable',
  'peer-connection-failed',
  'autoplay-blocked',
  'meeting-full',
  'meeting-not-started',
  'server-busy',
  'token-expired',
]);

/** Options of the `MeetingError` constructor. */
export interface MeetingErrorOptions {
  cause?: unknown;
  /** Overrides the default for the code. */
  recoverable?: boolean;
  /** Participant the error concerns, for per-peer errors. */
  participantId?: string;
  /** `meeting-not-started`: the scheduled start (epoch ms, server clock). */
  startsAt?: number;
  /** `rate-limited`, `server-busy`, `meeting-not-started`: when trying again may succeed. */
  retryAfterMs?: number;
}

/**
 * The one error class of the SDK. `code` is a closed union; `hint` is a plain-language
 * recovery hint suitable for showing to the user; `recoverable` tells whether retrying may help.
 *
 * @example
 * client.join().catch((e) => { if (e instanceof MeetingError && e.code === 'permission-denied') showHelp(e.hint) })
 */
export class MeetingError extends Error {
  override readonly name = 'MeetingError';
  readonly code: MeetingErrorCode;
  readonly recoverable: boolean;
  readonly hint: string;
  readonly participantId: string | undefined;
  /** `meeting-not-started`: the scheduled start (epoch ms, server clock). */
  readonly startsAt: number | undefined;
  /** When trying again may succeed, in ms from when the error arrived. */
  readonly retryAfterMs: number | undefined;

  constructor(code: MeetingErrorCode, message?: string, options: MeetingErrorOptions = {}) {
    super(message ?? HINTS[code], options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = HINTS[code];
    this.recoverable = options.recoverable ?? RECOVERABLE.has(code);
    this.participantId = options.participantId;
    this.startsAt = options.startsAt;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The plain-language hint for a code (English); UIs may replace it through their messages. */
export function errorHint(code: MeetingErrorCode): string {
  return HINTS[code];
}

/** Type guard for `MeetingError`. */
export function isMeetingError(value: unknown): value is MeetingError {
  return value instanceof MeetingError;
}
