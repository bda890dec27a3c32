import {
  OUTBOX_DEFAULTS,
  spliceAttendance,
  type ClaimedDelivery,
  type ClaimOptions,
  type OutboxAppend,
  type OutboxLimits,
  type WebhookOutbox,
} from './outbox';

interface Queue {
  endpointId: string;
  meetingId: string;
  events: Array<{ eventId: string; body: string }>;
  dueAt: number;
  failedAttempts: number;
}

const queueKey = (endpointId: string, meetingId: string): string => `${endpointId}\n${meetingId}`;

/**
 * The reference {@link WebhookOutbox}, in this process's memory: for a single node. Events still
 * waiting when the process exits are lost; with several nodes use `RedisWebhookOutbox`.
 */
export class MemoryWebhookOutbox implements WebhookOutbox {
  readonly #queues = new Map<string, Queue>();
  /** Meeting id → participant id → session record, in join order (a Map keeps insertion order). */
  readonly #attendance = new Map<string, Map<string, string>>();
  readonly #maxQueued: number;
  readonly #maxAttendance: number;

  constructor(limits: OutboxLimits = {}) {
    this.#maxQueued = limits.maxQueuedPerMeeting ?? OUTBOX_DEFAULTS.maxQueuedPerMeeting;
    this.#maxAttendance = limits.maxAttendance ?? OUTBOX_DEFAULTS.maxAttendance;
  }

  append(entry: OutboxAppend): number {
    const { meetingId } = entry;
    if (entry.attendance) {
      const sessions = this.#attendance.get(meetingId) ?? new Map<string, string>();
      const { participantId, record } = entry.attendance;
      if (sessions.has(participantId) || sessions.size < this.#maxAttendance) sessions.set(participantId, record);
      this.#attendance.set(meetingId, sessions);
    }
    let body: string;
    if (typeof entry.body === 'string') body = entry.body;
    else {
      body = spliceAttendance(entry.body, [...(this.#attendance.get(meetingId)?.values() ?? [])]);
      this.#attendance.delete(meetingId);
    }
    let queued = 0;
    for (const endpointId of entry.endpointIds) {
      const key = queueKey(endpointId, meetingId);
      let queue = this.#queues.get(key);
      if (!queue) {
        queue = { endpointId, meetingId, events: [], dueAt: entry.now, failedAttempts: 0 };
        this.#queues.set(key, queue);
      }
      if (queue.events.length >= this.#maxQueued) continue;
      queue.events.push({ eventId: entry.eventId, body });
      queued += 1;
    }
    return queued;
  }

  claim(endpointId: string, { now, leaseUntil, limit }: ClaimOptions): ClaimedDelivery[] {
    const due = [...this.#queues.values()]
      .filter((q) => q.endpointId === endpointId && q.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt)
      .slice(0, Math.max(0, limit));
    return due.map((queue) => {
      queue.dueAt = leaseUntil;
      const head = queue.events[0]!;
      return { endpointId, meetingId: queue.meetingId, eventId: head.eventId, body: head.body, failedAttempts: queue.failedAttempts };
    });
  }

  /** The queue whose head is `eventId`. */
  #headed(endpointId: string, meetingId: string, eventId: string): Queue | undefined {
    const queue = this.#queues.get(queueKey(endpointId, meetingId));
    return queue?.events[0]?.eventId === eventId ? queue : undefined;
  }

  complete(endpointId: string, meetingId: string, eventId: string, now: number): boolean {
    const queue = this.#headed(endpointId, meetingId, eventId);
    if (!queue) return false;
    queue.events.shift();
    queue.failedAttempts = 0;
    queue.dueAt = now;
    if (queue.events.length === 0) this.#queues.delete(queueKey(endpointId, meetingId));
    return true;
  }

  postpone(endpointId: string, meetingId: string, eventId: string, retryAt: number): number | undefined {
    const queue = this.#headed(endpointId, meetingId, eventId);
    if (!queue) return undefined;
    queue.failedAttempts += 1;
    queue.dueAt = retryAt;
    return queue.failedAttempts;
  }

  close(): void {
    this.#queues.clear();
    this.#attendance.clear();
  }
}
