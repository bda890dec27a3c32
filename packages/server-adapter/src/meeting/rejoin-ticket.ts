import { timingSafeEqual } from 'node:crypto';
import { hmacSha256 } from '../auth/hmac';
import type { MeetingRecord, RoomStore } from '../store/room-store';

/** How long a rejoin ticket is valid after it was issued (the lifetime of a meeting room token). */
export const REJOIN_TICKET_TTL_MS = 24 * 3600_000;

/** What a valid ticket proves: this user was let into this meeting with this participant id at `admittedAt`. */
export interface RejoinTicketClaims {
  participantId: string;
  /** Epoch ms the user was first let in. */
  admittedAt: number;
}

const mac = (key: Uint8Array, meetingId: string, userId: string, participantId: string, admittedAt: string, expiresAt: string): string =>
  hmacSha256(key, `1|${meetingId}|${userId}|${participantId}|${admittedAt}|${expiresAt}`);

/**
 * Signs a rejoin ticket: `1.<participantId>.<admittedAt>.<expiresAt>.<mac>` (times in base 36).
 * The meeting and the user are inside the MAC but not in the ticket, so it names nobody and only
 * works for the same user in the same meeting.
 */
export function issueRejoinTicket(key: Uint8Array, meetingId: string, userId: string, claims: RejoinTicketClaims, now: number): string {
  const admittedAt = claims.admittedAt.toString(36);
  const expiresAt = (now + REJOIN_TICKET_TTL_MS).toString(36);
  return `1.${claims.participantId}.${admittedAt}.${expiresAt}.${mac(key, meetingId, userId, claims.participantId, admittedAt, expiresAt)}`;
}

/** Reads a ticket for this meeting and user; `null` when it is malformed, forged, for someone else or expired. */
export function readRejoinTicket(key: Uint8Array, ticket: string, meetingId: string, userId: string, now: number): RejoinTicketClaims | null {
  const parts = ticket.split('.');
  if (parts.length !== 5 || parts[0] !== '1') return null;
  const [, participantId = '', admittedAt = '', expiresAt = '', given = ''] = parts;
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(participantId) || !/^[0-9a-z]{1,12}$/.test(admittedAt) || !/^[0-9a-z]{1,12}$/.test(expiresAt)) return null;
  const expected = Buffer.from(mac(key, meetingId, userId, participantId, admittedAt, expiresAt));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  if (parseInt(expiresAt, 36) <= now) return null;
  return { participantId, admittedAt: parseInt(admittedAt, 36) };
}

/** What deciding on a rejoin ticket works with. */
export interface RejoinTicketContext {
  store: Pick<RoomStore, 'getParticipant'>;
  options: { rejoinKey: Uint8Array; admittedGraceMs: number };
}

/**
 * Whether a join may take back the participant id of its ticket, as if the user had never left:
 * only when the store has lost the meeting the ticket was issued in — the meeting record is newer
 * than the admission (a restart of an in-memory server, a lost Redis) and was re-created within
 * the grace period — and nobody holds that id. Otherwise the store is the truth (waiting room,
 * removals, one seat per user) and the ticket is ignored.
 */
export async function acceptRejoinTicket(
  ctx: RejoinTicketContext,
  ticket: string | undefined,
  meeting: MeetingRecord,
  userId: string,
  now: number,
): Promise<RejoinTicketClaims | undefined> {
  if (ticket === undefined) return undefined;
  const claims = readRejoinTicket(ctx.options.rejoinKey, ticket, meeting.meetingId, userId, now);
  if (!claims) return undefined;
  const lostByStore = meeting.createdAt > claims.admittedAt && now - meeting.createdAt <= ctx.options.admittedGraceMs;
  if (!lostByStore) return undefined;
  if (await ctx.store.getParticipant(meeting.meetingId, claims.participantId)) return undefined;
  return claims;
}
