import {
  OUTBOX_DEFAULTS,
  type ClaimedDelivery,
  type ClaimOptions,
  type OutboxAppend,
  type OutboxLimits,
  type WebhookOutbox,
} from '../webhooks/outbox';
import type { RedisCommandClient } from './redis-client';
import { DEFAULT_KEY_PREFIX } from './redis-keys';
import { APPEND, CLAIM, COMPLETE, POSTPONE } from './redis-webhook-outbox.scripts';

/** Options of {@link RedisWebhookOutbox}. */
export interface RedisWebhookOutboxOptions extends OutboxLimits {
  /** A connected Redis client (node-redis v5 as is). */
  client: RedisCommandClient;
  /** Prefix of every key; the same on every node. @default "mentara:meetings:" */
  keyPrefix?: string;
  /**
   * How long an untouched queue or attendance stays in Redis (refreshed by each event), so
   * events for an endpoint no node delivers to any more do not stay for ever.
   * @default 604_800_000 (7 days)
   */
  ttlMs?: number;
}

/**
 * A {@link WebhookOutbox} in Redis, shared by every node: an event a node announced is delivered
 * by whichever node's deliverer claims its meeting's queue, so a node that dies between a failed
 * attempt and its retry leaves the retry to the others (after the lease). Keys share the hash tag
 * `{webhooks}`. `close()` leaves the client connected: the caller created it.
 *
 * @example
 * ```ts
 * attachMeetings(io, { store: scaleOut.store, nodeId: scaleOut.nodeId, auth,
 *   webhooks: { url, secret, outbox: new RedisWebhookOutbox({ client: redis }) } });
 * ```
 */
export class RedisWebhookOutbox implements WebhookOutbox {
  readonly #client: RedisCommandClient;
  readonly #base: string;
  readonly #ttl: string;
  readonly #maxQueued: string;
  readonly #maxAttendance: string;

  constructor(options: RedisWebhookOutboxOptions) {
    this.#client = options.client;
    this.#base = `${options.keyPrefix ?? DEFAULT_KEY_PREFIX}{webhooks}:`;
    this.#ttl = String(options.ttlMs ?? 7 * 86_400_000);
    this.#maxQueued = String(options.maxQueuedPerMeeting ?? OUTBOX_DEFAULTS.maxQueuedPerMeeting);
    this.#maxAttendance = String(options.maxAttendance ?? OUTBOX_DEFAULTS.maxAttendance);
  }

  #due = (endpointId: string): string => `${this.#base}due:${endpointId}`;
  #queuePrefix = (endpointId: string): string => `${this.#base}q:${endpointId}:`;
  #queue = (endpointId: string, meetingId: string): string => `${this.#queuePrefix(endpointId)}${meetingId}`;
  #failures = (endpointId: string): string => `${this.#base}failures:${endpointId}`;

  async append(entry: OutboxAppend): Promise<number> {
    const keys = [`${this.#base}attendance:${entry.meetingId}`, `${this.#base}attendance-order:${entry.meetingId}`];
    for (const endpointId of entry.endpointIds) keys.push(this.#due(endpointId), this.#queue(endpointId, entry.meetingId));
    const ended = typeof entry.body !== 'string';
    const reply = await APPEND.run(this.#client, keys, [
      entry.meetingId,
      String(entry.now),
      this.#ttl,
      entry.eventId,
      typeof entry.body === 'string' ? entry.body : entry.body.before,
      typeof entry.body === 'string' ? '' : entry.body.after,
      ended ? 'ended' : 'plain',
      entry.attendance?.participantId ?? '',
      entry.attendance?.record ?? '',
      this.#maxAttendance,
      this.#maxQueued,
    ]);
    return Number(reply);
  }

  async claim(endpointId: string, { now, leaseUntil, limit }: ClaimOptions): Promise<ClaimedDelivery[]> {
    const reply = (await CLAIM.run(
      this.#client,
      [this.#due(endpointId), this.#failures(endpointId)],
      [String(now), String(leaseUntil), String(Math.max(0, limit)), this.#queuePrefix(endpointId)],
    )) as string[];
    const claimed: ClaimedDelivery[] = [];
    for (let i = 0; i + 2 < reply.length; i += 3) {
      const head = reply[i + 1]!;
      const split = head.indexOf('\n');
      claimed.push({
        endpointId,
        meetingId: reply[i]!,
        eventId: head.slice(0, split),
        body: head.slice(split + 1),
        failedAttempts: Number(reply[i + 2]),
      });
    }
    return claimed;
  }

  async complete(endpointId: string, meetingId: string, eventId: string, now: number): Promise<boolean> {
    const keys = [this.#due(endpointId), this.#queue(endpointId, meetingId), this.#failures(endpointId)];
    return Number(await COMPLETE.run(this.#client, keys, [meetingId, eventId, String(now)])) === 1;
  }

  async postpone(endpointId: string, meetingId: string, eventId: string, retryAt: number): Promise<number | undefined> {
    const keys = [this.#due(endpointId), this.#queue(endpointId, meetingId), this.#failures(endpointId)];
    const failures = Number(await POSTPONE.run(this.#client, keys, [meetingId, eventId, String(retryAt)]));
    return failures < 0 ? undefined : failures;
  }

  close(): void {
    // The client belongs to the caller.
  }
}
