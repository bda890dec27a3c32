import type { ProtocolErrorCode } from '@mentara/meetings-core/protocol';

/**
 * Error codes of the REST API: the wire protocol's where one fits, and the few an HTTP API adds.
 * One line per code: its HTTP status and message.
 */
export const API_ERROR_CODES = {
  'invalid-payload': { status: 400, message: 'The request is not valid; see details.' },
  unauthenticated: { status: 401, message: 'An API key or a server token is required (Authorization: Bearer …).' },
  'not-found': { status: 404, message: 'There is no such endpoint.' },
  'meeting-not-found': { status: 404, message: 'There is no such meeting (or it ended more than a day ago).' },
  'participant-not-found': { status: 404, message: 'That participant is not in the meeting.' },
  'method-not-allowed': { status: 405, message: 'This endpoint does not take that method; see the Allow header.' },
  'meeting-ended': { status: 409, message: 'The meeting has ended.' },
  'payload-too-large': { status: 413, message: 'The request body is too large.' },
  'unsupported-media-type': { status: 415, message: 'Send the body as JSON (Content-Type: application/json).' },
  internal: { status: 500, message: 'Something went wrong on the server.' },
  'not-configured': { status: 501, message: 'The server cannot do this with its configuration (tokens need the HMAC JWT secret).' },
} as const satisfies Record<string, { status: number; message: string }>;

/** Closed union of the REST API's error codes. */
export type ApiErrorCode = keyof typeof API_ERROR_CODES;

// The codes shared with the wire protocol must be protocol codes.
type Shared = Exclude<ApiErrorCode, 'not-found' | 'method-not-allowed' | 'unsupported-media-type' | 'not-configured'>;
const sharedAreProtocolCodes: Shared extends ProtocolErrorCode ? true : false = true;
void sharedAreProtocolCodes;

/** One field that failed validation. */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** A failure answered with its code's status and the typed error body. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly details: ApiErrorDetail[] | undefined;
  readonly headers: Record<string, string>;
  constructor(code: ApiErrorCode, options: { details?: ApiErrorDetail[]; headers?: Record<string, string> } = {}) {
    super(API_ERROR_CODES[code].message);
    this.name = 'ApiFailure';
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return API_ERROR_CODES[this.code].status;
  }

  /** The response body: `{ error: { code, message, details? } }`. */
  toBody(): { error: { code: ApiErrorCode; message: string; details?: ApiErrorDetail[] } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}
