import type { MeetingEvents } from '../meeting/events';
import type { MeetingsLogger } from '../observability/logger';
import type { MetricsOptions } from '../observability/metrics';
import { registerScaleOutMetrics } from '../redis/scale-out-metrics';
import { WebhookDeliverer, type DeliveryOutcome } from './deliverer';
import { MemoryWebhookOutbox } from './memory-outbox';
import type { OutboxAppend } from './outbox';
import { resolveWebhookOptions, type WebhookOptions } from './options';
import { meetingEnded, meetingStarted, participantJoined, participantLeft, type PreparedWebhook } from './payloads';

/** Counters of the webhooks on this node. */
export interface WebhookStats {
  /** Events this node announced and put in the outbox (once per endpoint). */
  queued: number;
  /** Events a full queue (or a failing outbox) turned away. */
  dropped: number;
  /** Deliveries a receiver acknowledged with 2xx (by this node's deliverer). */
  delivered: number;
  /** Attempts that failed and were scheduled again. */
  failedAttempts: number;
  /** Events given up: refused (4xx other than 408/429) or out of attempts. */
  gaveUp: number;
}

/** Running webhooks: their counters, and the way to stop them. */
export interface RunningWebhooks {
  stats(): WebhookStats;
  /** Unsubscribes, stops the deliverer, closes an outbox it created. Idempotent. */
  close(): Promise<void>;
}

/** What the webhooks need from the server. */
export interface WebhookDeps {
  events: Pick<MeetingEvents, 'on'>;
  logger: MeetingsLogger;
  clock: () => number;
  metrics?: MetricsOptions;
  /** Whether the room store is shared by several nodes (a memory outbox is then a mistake worth a warning). */
  sharedStore: boolean;
}

/**
 * Subscribes to the meeting events (each announced once, by one node) and turns the four a
 * backend cares about into signed webhook deliveries through the outbox. Appends from this node
 * go out one after another, so the queue order is the order this node announced them in.
 */
export function startWebhooks(options: WebhookOptions, deps: WebhookDeps): RunningWebhooks {
  const resolved = resolveWebhookOptions(options);
  const { logger, clock } = deps;
  const ownsOutbox = options.outbox === undefined;
  const outbox = options.outbox ?? new MemoryWebhookOutbox();
  if (ownsOutbox && deps.sharedStore) {
    logger.warn({}, 'webhooks keep their outbox in memory while the room store is shared: events waiting on a node die with it. Pass webhooks.outbox: new RedisWebhookOutbox({ client })');
  }
  const stats: WebhookStats = { queued: 0, dropped: 0, delivered: 0, failedAttempts: 0, gaveUp: 0 };
  const count: Record<DeliveryOutcome, keyof WebhookStats> = { delivered: 'delivered', retrying: 'failedAttempts', 'gave-up': 'gaveUp' };
  const deliverer = new WebhookDeliverer({ outbox, options: resolved, logger, onOutcome: (outcome) => void (stats[count[outcome]] += 1) });
  const allEndpoints = resolved.endpoints.map((e) => e.id);
  // meeting.ended lists the attendance: keep it only when someone receives meeting.ended.
  const keepsAttendance = resolved.events.has('meeting.ended');

  let chain: Promise<void> = Promise.resolve();
  const enqueue = (prepared: PreparedWebhook): void => {
    const endpointIds = resolved.events.has(prepared.type) ? allEndpoints : [];
    const attendance = keepsAttendance ? prepared.attendance : undefined;
    if (endpointIds.length === 0 && !attendance) return;
    const { type, meetingId, eventId, body } = prepared;
    const append: OutboxAppend = { meetingId, eventId, body, endpointIds, now: Date.now(), ...(attendance ? { attendance } : {}) };
    chain = chain.then(async () => {
      try {
        const queued = await outbox.append(append);
        stats.queued += queued;
        if (queued < endpointIds.length) {
          stats.dropped += endpointIds.length - queued;
          logger.error({ eventId: eventId, type, meetingId }, 'webhook queue of this meeting is full: event dropped');
        }
        if (queued > 0) deliverer.wake();
      } catch (error) {
        stats.dropped += endpointIds.length;
        logger.error({ err: error, eventId: eventId, type, meetingId }, 'webhook outbox append failed: event dropped');
      }
    });
  };

  const unsubscribe = [
    deps.events.on('meeting-started', (event) => enqueue(meetingStarted(event, clock()))),
    deps.events.on('participant-joined', (event) => enqueue(participantJoined(event, clock()))),
    deps.events.on('participant-left', (event) => enqueue(participantLeft(event, clock()))),
    deps.events.on('meeting-ended', (event) => enqueue(meetingEnded(event, clock()))),
  ];
  const removeMetrics = deps.metrics
    ? registerScaleOutMetrics(deps.metrics, [
        { name: 'webhook_events_queued_total', help: 'Webhook events this node put in the outbox (per endpoint)', type: 'counter', read: () => stats.queued },
        { name: 'webhook_events_dropped_total', help: 'Webhook events turned away (full queue or outbox failure)', type: 'counter', read: () => stats.dropped },
        { name: 'webhook_deliveries_total', help: 'Webhook deliveries acknowledged with 2xx by this node', type: 'counter', read: () => stats.delivered },
        { name: 'webhook_failed_attempts_total', help: 'Webhook attempts that failed and were scheduled again', type: 'counter', read: () => stats.failedAttempts },
        { name: 'webhook_gave_up_total', help: 'Webhook events given up (refused, or out of attempts)', type: 'counter', read: () => stats.gaveUp },
      ])
    : undefined;
  deliverer.start();

  let closing: Promise<void> | undefined;
  return {
    stats: () => ({ ...stats }),
    close: () =>
      (closing ??= (async () => {
        for (const off of unsubscribe) off();
        removeMetrics?.();
        await chain;
        await deliverer.close();
        if (ownsOutbox) await outbox.close();
      })()),
  };
}
