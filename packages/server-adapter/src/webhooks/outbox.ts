import type { MaybePromise } from '../store/room-store';

/** One event handed to the outbox for delivery. */
export interface OutboxAppend {
  meetingId: string;
  /** Stable id of the event: the same on every attempt. */
  eventId: string;
  /** The endpoints whose queues get the event (none: only the attendance is kept). */
  endpointIds: readonly string[];
  /** Epoch ms now: the event is due at once. */
  now: number;
  /**
   * The JSON body; for `meeting.ended`, the body before and after its attendance array, which the
   * outbox fills with the meeting's sessions (in join order) and then forgets them.
   */
  body: string | { before: string; after: string };
  /** A session record (JSON) to keep for the meeting's attendance: replaces the same participant's. */
  attendance?: { participantId: string; record: string };
}

/** The head event of one (endpoint, meeting) queue, leased to the deliverer that claimed it. */
export interface ClaimedDelivery {
  endpointId: string;
  meetingId: string;
  eventId: string;
  /** The exact JSON body to send (and sign). */
  body: string;
  /** Failed attempts of this event so far. */
  failedAttempts: number;
}

/** Options of {@link WebhookOutbox.claim}. */
export interface ClaimOptions {
  /** Epoch ms now: queues due at or before it may be claimed. */
  now: number;
  /** Epoch ms the lease ends: until then nobody else claims the queue; after it anyone may (its holder died). */
  leaseUntil: number;
  /** At most this many queues. */
  limit: number;
}

/**
 * Where webhook events wait for delivery: one FIFO queue per (endpoint, meeting), so a meeting's
 * events go out in order and a failing event holds back only its own meeting. A deliverer claims
 * due queues with a lease, sends their head event, then completes it (next one due at once) or
 * postpones it (due again at the retry time). In memory for one node; in Redis
 * (`RedisWebhookOutbox`) any node's deliverer takes over the queues of a node that died.
 * Every method is atomic; `complete` and `postpone` do nothing when the head is no longer `eventId`.
 */
export interface WebhookOutbox {
  /** Appends to each endpoint's queue of the meeting; returns how many queues took it (a full queue drops it). */
  append(entry: OutboxAppend): MaybePromise<number>;
  /** Leases up to `limit` due queues of one endpoint and returns their head events. */
  claim(endpointId: string, options: ClaimOptions): MaybePromise<ClaimedDelivery[]>;
  /** Removes the head event (delivered, or given up); the queue's next event is due at `now`. Returns whether it was the head. */
  complete(endpointId: string, meetingId: string, eventId: string, now: number): MaybePromise<boolean>;
  /** Counts a failed attempt of the head event and makes it due at `retryAt`; returns the failed attempts, `undefined` when it was not the head. */
  postpone(endpointId: string, meetingId: string, eventId: string, retryAt: number): MaybePromise<number | undefined>;
  /** Releases what the outbox holds (never a client it was given). Idempotent. */
  close(): MaybePromise<void>;
}

/** Limits every outbox applies. */
export interface OutboxLimits {
  /** Events waiting per (endpoint, meeting) queue; more are dropped (and logged). @default 1000 */
  maxQueuedPerMeeting?: number;
  /** Sessions kept for one meeting's attendance; later sessions are not listed. @default 500 */
  maxAttendance?: number;
}

/** Defaults of {@link OutboxLimits}. */
export const OUTBOX_DEFAULTS = { maxQueuedPerMeeting: 1000, maxAttendance: 500 } as const;

/** The body of `meeting.ended`: the attendance records (JSON objects) spliced in as an array. */
export const spliceAttendance = (body: { before: string; after: string }, records: readonly string[]): string =>
  `${body.before}[${records.join(',')}]${body.after}`;
