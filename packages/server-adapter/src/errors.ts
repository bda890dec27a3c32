import { PROTOCOL_ERROR_CODES, type ProtocolError, type ProtocolErrorCode } from '@mentara/meetings-core/protocol';

const RECOVERABLE: ReadonlySet<ProtocolErrorCode> = new Set(['rate-limited', 'meeting-full', 'internal', 'participant-not-found']);

/** A failure that is answered to the client with a wire error code. */
export class ProtocolFailure extends Error {
  readonly code: ProtocolErrorCode;
  constructor(code: ProtocolErrorCode, detail?: string) {
    super(detail ?? PROTOCOL_ERROR_CODES[code]);
    this.name = 'ProtocolFailure';
    this.code = code;
  }
}

/** Builds the wire shape of an error; the message is always the public one, never internals. */
export function protocolError(code: ProtocolErrorCode, event?: string): ProtocolError {
  return {
    code,
    message: PROTOCOL_ERROR_CODES[code],
    ...(event !== undefined ? { event } : {}),
    recoverable: RECOVERABLE.has(code),
  };
}
