import type { MeetingsLogger } from '../observability/logger';
import type { ResolvedWebhookOptions, WebhookEndpoint } from './options';
import type { ClaimedDelivery, WebhookOutbox } from './outbox';
import { classifyStatus, retryDelay, type AttemptResult } from './retry';
import { signWebhookPayload, WEBHOOK_ATTEMPT_HEADER, WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from './signature';

/** What became of one attempt, for counters and logs. */
export type DeliveryOutcome = 'delivered' | 'retrying' | 'gave-up';

/** What the deliverer works with. */
export interface DelivererDeps {
  outbox: WebhookOutbox;
  options: ResolvedWebhookOptions;
  logger: MeetingsLogger;
  onOutcome(outcome: DeliveryOutcome): void;
}

/** POSTs one event, signed for this attempt, and sorts the answer. Never throws. */
async function attempt(endpoint: WebhookEndpoint, delivery: ClaimedDelivery, number: number, deps: DelivererDeps, closing: AbortSignal): Promise<AttemptResult> {
  const { secrets, timeoutMs } = deps.options;
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'mentara-meetings-webhooks/1',
        [WEBHOOK_EVENT_ID_HEADER]: delivery.eventId,
        [WEBHOOK_ATTEMPT_HEADER]: String(number),
        // Signed per attempt: a retry an hour later still passes the receiver's time tolerance.
        [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(delivery.body, secrets, Math.floor(Date.now() / 1000)),
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.any([closing, AbortSignal.timeout(timeoutMs)]),
    });
    // The answer's body is of no use: release the connection without reading it.
    await response.body?.cancel().catch(() => undefined);
    return classifyStatus(response.status, response.headers.get('retry-after'), Date.now());
  } catch (error) {
    const name = error instanceof Error ? (error.name === 'TimeoutError' ? 'timeout' : error.name) : 'error';
    return { outcome: 'retryable', error: name };
  }
}

/**
 * Sends what the outbox holds: claims due (endpoint, meeting) queues with a lease, POSTs each
 * head event, then completes it (the meeting's next event is due at once) or postpones it with
 * backoff. Polls every `pollIntervalMs` (events of other nodes, retries) and wakes at once when
 * this node appends. At most `concurrency` deliveries at a time, one per meeting queue.
 */
export class WebhookDeliverer {
  readonly #deps: DelivererDeps;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #retryTimers = new Set<ReturnType<typeof setTimeout>>();
  readonly #closing = new AbortController();
  #poll: ReturnType<typeof setInterval> | undefined;
  #state: 'idle' | 'running' | 'closed' = 'idle';
  #ticking = false;
  #again = false;

  constructor(deps: DelivererDeps) {
    this.#deps = deps;
  }

  /** Starts polling. */
  start(): void {
    if (this.#state !== 'idle') return;
    this.#state = 'running';
    this.#poll = setInterval(() => this.wake(), this.#deps.options.pollIntervalMs);
    this.#poll.unref?.();
    this.wake();
  }

  /** Looks for due events now (after this node appended one, or a delivery finished). */
  wake(): void {
    if (this.#state !== 'running') return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    void this.#tick();
  }

  async #tick(): Promise<void> {
    const { outbox, options, logger } = this.#deps;
    this.#ticking = true;
    try {
      do {
        this.#again = false;
        for (const endpoint of options.endpoints) {
          const free = options.concurrency - this.#inFlight.size;
          if (free <= 0 || this.#state !== 'running') break;
          const now = Date.now();
          let claimed: ClaimedDelivery[];
          try {
            claimed = await outbox.claim(endpoint.id, { now, leaseUntil: now + options.leaseMs, limit: free });
          } catch (error) {
            logger.warn({ err: error, endpoint: endpoint.id }, 'webhook outbox claim failed; trying again at the next poll');
            continue;
          }
          for (const delivery of claimed) this.#track(this.#deliver(endpoint, delivery));
        }
      } while (this.#again && this.#state === 'running');
    } finally {
      this.#ticking = false;
    }
  }

  #track(delivery: Promise<void>): void {
    const tracked = delivery
      .catch((error: unknown) => this.#deps.logger.error({ err: error }, 'webhook delivery bookkeeping failed; the event is retried after its lease'))
      .finally(() => {
        this.#inFlight.delete(tracked);
        this.wake();
      });
    this.#inFlight.add(tracked);
  }

  async #deliver(endpoint: WebhookEndpoint, delivery: ClaimedDelivery): Promise<void> {
    const { outbox, options, logger, onOutcome } = this.#deps;
    const number = delivery.failedAttempts + 1;
    const result = await attempt(endpoint, delivery, number, this.#deps, this.#closing.signal);
    // Closing cut the attempt short: say nothing, the lease runs out and another node (or the next start) sends it.
    if (this.#closing.signal.aborted && result.outcome !== 'delivered') return;
    const now = Date.now();
    const about = { eventId: delivery.eventId, meetingId: delivery.meetingId, endpoint: endpoint.id, attempt: number };
    if (result.outcome === 'delivered') {
      await outbox.complete(endpoint.id, delivery.meetingId, delivery.eventId, now);
      onOutcome('delivered');
      logger.debug({ ...about, status: result.status }, 'webhook delivered');
      return;
    }
    if (result.outcome === 'retryable' && number < options.retry.maxAttempts) {
      const delay = retryDelay(number, options.retry, result.retryAfterMs);
      await outbox.postpone(endpoint.id, delivery.meetingId, delivery.eventId, now + delay);
      onOutcome('retrying');
      logger.warn({ ...about, status: result.status, error: result.error, retryInMs: delay }, 'webhook delivery failed; retrying');
      this.#wakeIn(delay);
      return;
    }
    await outbox.complete(endpoint.id, delivery.meetingId, delivery.eventId, now);
    onOutcome('gave-up');
    logger.error(
      { ...about, status: result.status, error: 'error' in result ? result.error : undefined, refused: result.outcome === 'refused' },
      'webhook delivery gave up',
    );
  }

  /** Retries on time even between polls (a single node's memory outbox has nobody else polling). */
  #wakeIn(delayMs: number): void {
    const timer = setTimeout(() => {
      this.#retryTimers.delete(timer);
      this.wake();
    }, delayMs);
    timer.unref?.();
    this.#retryTimers.add(timer);
  }

  /** Stops polling, cuts attempts in flight short and waits for them. Idempotent. */
  async close(): Promise<void> {
    this.#state = 'closed';
    if (this.#poll) clearInterval(this.#poll);
    for (const timer of this.#retryTimers) clearTimeout(timer);
    this.#retryTimers.clear();
    this.#closing.abort();
    await Promise.allSettled([...this.#inFlight]);
  }
}
