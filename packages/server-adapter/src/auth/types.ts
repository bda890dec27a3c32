import type { IncomingHttpHeaders } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { ChatHistoryPolicy, ParticipantRole } from '@mentara/meetings-core/protocol';

/** Who is on the other end of a socket or HTTP request, once authenticated. */
export interface AuthenticatedUser {
  /** Stable id of the person (JWT `sub`). */
  userId: string;
  displayName?: string;
  /** Role in the meetings this identity may join. @default 'participant' */
  role?: ParticipantRole;
  /**
   * Meetings this identity may join: a list of ids, or `'*'` for any (anonymous dev mode).
   * `undefined` means "none unless an `authorize` hook says otherwise".
   */
  meetings?: readonly string[] | '*';
  /** Epoch ms of the scheduled start of the meeting(s) this identity joins, when known. */
  startsAt?: number;
  /** Epoch ms of the scheduled end of the meeting(s) this identity joins, when known. */
  endsAt?: number;
  /** `false`: this person skips the waiting room (e.g. a co-therapist). */
  waitingRoom?: boolean;
  /** What people joining later read of the chat, for a meeting this identity's join creates. */
  chatHistory?: ChatHistoryPolicy;
  /**
   * Epoch ms when this identity's credentials expire (the JWT `exp`). The server asks the client
   * for a new token shortly before (`refresh-token`) and closes the connection at that time.
   */
  expiresAt?: number;
}

/** What an authenticator sees: the Socket.IO handshake, or the equivalent of an HTTP request. */
export interface AuthContext {
  headers: IncomingHttpHeaders;
  /** Socket.IO `handshake.auth` (empty for HTTP requests). */
  auth: Record<string, unknown>;
  query: Record<string, unknown>;
  address?: string;
}

/** JWT verification settings (verified with `jose`; `exp` is always required). */
export interface JwtAuthOptions {
  /** Shared secret for HMAC algorithms. */
  secret?: string | Uint8Array;
  /** PEM-encoded SPKI public key (or a Node `KeyObject`) for RSA / EC / EdDSA tokens. */
  publicKey?: string | KeyObject;
  /** URL of a JSON Web Key Set. */
  jwksUrl?: string;
  /**
   * Accepted algorithms, pinned. @default ['HS256'] with `secret`, ['RS256', 'ES256'] otherwise
   */
  algorithms?: string[];
  issuer?: string | string[];
  audience?: string | string[];
  /** Allowed clock skew in seconds. @default 5 */
  clockToleranceSeconds?: number;
  /**
   * The longest lifetime a token may have (`exp` − `iat`, or `exp` − now without `iat`); longer
   * ones are refused, as are tokens issued in the future. @default 86400 (24 h)
   */
  maxLifetimeSeconds?: number;
}

/** Custom authentication: return the user, or `null` to refuse. */
export type AuthenticateHook = (context: AuthContext) => AuthenticatedUser | null | Promise<AuthenticatedUser | null>;

/**
 * Custom per-meeting access control: `true` (or an object with the role to use) to allow,
 * `false` to refuse. Refusals look exactly like an unknown meeting to the client.
 */
export type AuthorizeHook = (
  user: AuthenticatedUser,
  meetingId: string,
) => boolean | AuthorizeResult | Promise<boolean | AuthorizeResult>;

/**
 * A detailed `authorize` answer. Each field given wins over the same claim of the token.
 *
 * @example
 * ```ts
 * authorize: async (user, meetingId) => {
 *   const appointment = await appointments.find(meetingId);
 *   if (!appointment?.attendees.includes(user.userId)) return false;
 *   return {
 *     allowed: true,
 *     role: appointment.therapistId === user.userId ? 'host' : 'participant',
 *     startsAt: appointment.start.getTime(),
 *     endsAt: appointment.end.getTime(),
 *   };
 * }
 * ```
 */
export interface AuthorizeResult {
  allowed: boolean;
  /** `host` admits from the waiting room, removes, asks to mute, locks, extends and ends. */
  role?: ParticipantRole;
  /** Epoch ms of the scheduled start: participants may join `earlyJoinMarginMs` before it. */
  startsAt?: number;
  /** Epoch ms of the scheduled end: the server ends the meeting then. */
  endsAt?: number;
  /** `false`: this person skips the waiting room (e.g. a co-therapist). */
  waitingRoom?: boolean;
  /** What people joining later read of the chat, when this join creates the meeting. */
  chatHistory?: ChatHistoryPolicy;
}

/** Authentication options shared by the socket server and the HTTP endpoint. */
export interface AuthSettings {
  /** Verify a JWT from `handshake.auth.token` or `Authorization: Bearer`. */
  auth?: JwtAuthOptions;
  /** Custom authentication; wins over `auth` when both are set. */
  authenticate?: AuthenticateHook;
  /**
   * DEV ONLY — UNSAFE IN PRODUCTION: accept anyone, taking the name from
   * `handshake.auth.displayName`, and let them join any meeting.
   * @default false
   */
  allowAnonymous?: boolean;
}
