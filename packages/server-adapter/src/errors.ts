import { PROTOCOL_ERROR_CODES, type ProtocolError, type ProtocolErrorCode } from '@mentara/meetings-core/protocol';

const RECOVERABLE: ReadonlySet<ProtocolErrorCode> = new Set([
  'rate-limited',
  'meeting-full',
  'internal',
  'participant-not-found',
  'meeting-not-started',
  'server-busy',
]);

/** What a failure may add to its wire error. */
export interface FailureDetails {
  /** `meeting-not-started`: the scheduled start (epoch ms). */
  startsAt?: number;
  /** When trying again may succeed (ms). */
  retryAfterMs?: number;
  /** Overrides the code's default (e.g. `admission-denied` during a cool-down may succeed later). */
  recoverable?: boolean;
}

/** A failure that is answered to the client with a wire error code. */
export class ProtocolFailure extends Error {
  readonly code: ProtocolErrorCode;
  readonly details: FailureDetails;
  constructor(code: ProtocolErrorCode, details: FailureDetails = {}) {
    super(PROTOCOL_ERROR_CODES[code]);
    this.name = 'ProtocolFailure';
    this.code = code;
    this.details = details;
  }
}

/** Builds the wire shape of an error; the message is always the public one, never internals. */
export function protocolError(code: ProtocolErrorCode, event?: string, details: FailureDetails = {}): ProtocolError {
  return {
    code,
    message: PROTOCOL_ERROR_CODES[code],
    ...(event !== undefined ? { event } : {}),
    recoverable: details.recoverable ?? RECOVERABLE.has(code),
    ...(details.startsAt !== undefined ? { startsAt: details.startsAt } : {}),
    ...(details.retryAfterMs !== undefined ? { retryAfterMs: details.retryAfterMs } : {}),
  };
}
