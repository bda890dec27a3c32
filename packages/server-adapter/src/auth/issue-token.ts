import { SignJWT } from 'jose';
import type { ChatHistoryPolicy, ParticipantRole } from '@mentara/meetings-core/protocol';

/** Options of {@link issueMeetingToken}. */
export interface IssueMeetingTokenOptions {
  /** HMAC secret shared with the meetings server (`JWT_SECRET`). */
  secret: string | Uint8Array;
  userId: string;
  displayName?: string;
  /** The meeting this token admits to. */
  meetingId?: string;
  /** Several meetings this token admits to. */
  meetings?: string[];
  /** `host` (the therapist) admits from the waiting room, removes, asks to mute, locks, extends, ends. @default 'participant' */
  role?: ParticipantRole;
  /** Lifetime: seconds, or a `jose` time span such as `'2h'`. @default '24h' (deployment guide) */
  expiresIn?: number | string;
  /** Epoch ms of the scheduled start; participants may join `earlyJoinMarginMs` before it (claim in seconds). */
  startsAt?: number;
  /** Epoch ms of the scheduled end of the meeting; the server ends it then (claim in seconds). */
  endsAt?: number;
  /** `false`: this person skips the waiting room (e.g. a co-therapist). */
  waitingRoom?: boolean;
  /** What people joining later read of the chat, when this token's join creates the meeting. */
  chatHistory?: ChatHistoryPolicy;
  issuer?: string;
  audience?: string | string[];
  /** @default 'HS256' */
  algorithm?: 'HS256' | 'HS384' | 'HS512';
}

/**
 * Signs a meeting room token (HMAC). Meeting room tokens expire after 24 hours by default.
 *
 * @example
 * ```ts
 * const token = await issueMeetingToken({ secret, userId: 'u1', displayName: 'Interpreter', meetingId, role: 'host' });
 * ```
 */
export async function issueMeetingToken(options: IssueMeetingTokenOptions): Promise<string> {
  const secret = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
  if (secret.length === 0) throw new Error('issueMeetingToken: secret must not be empty');
  const claims: Record<string, unknown> = { role: options.role ?? 'participant' };
  if (options.displayName !== undefined) claims.name = options.displayName;
  if (options.meetingId !== undefined) claims.meetingId = options.meetingId;
  if (options.meetings !== undefined) claims.meetings = options.meetings;
  if (options.startsAt !== undefined) claims.startsAt = Math.floor(options.startsAt / 1000);
  if (options.endsAt !== undefined) claims.endsAt = Math.floor(options.endsAt / 1000);
  if (options.waitingRoom !== undefined) claims.waitingRoom = options.waitingRoom;
  if (options.chatHistory !== undefined) claims.chatHistory = options.chatHistory;
  const expiresIn = options.expiresIn ?? '24h';
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.algorithm ?? 'HS256' })
    .setSubject(options.userId)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn);
  if (options.issuer !== undefined) jwt = jwt.setIssuer(options.issuer);
  if (options.audience !== undefined) jwt = jwt.setAudience(options.audience);
  return jwt.sign(secret);
}
