import type { MeetingsLogger } from '../observability/logger';

/** Counters of one node's cross-node traffic (cumulative since start). */
export interface MeetingsRedisAdapterStats {
  /** Messages this node appended to the stream. */
  published: number;
  /**
   * Stream entries this node appended: the messages broadcast within one turn of the event loop
   * share one entry, so under load this grows more slowly than `published`.
   */
  entriesAppended: number;
  /** Appends that failed (Redis unreachable): the other nodes see a gap and resync. */
  publishFailures: number;
  /**
   * Messages of those published that went to one other node's own stream (a signal to a
   * participant there) instead of the shared stream every node reads.
   */
  routed: number;
  /** Messages from other nodes read from the streams (the shared one and this node's own). */
  received: number;
  /** Of those received, the messages other nodes routed to this node's own stream. */
  receivedDirect: number;
  /** Detected gaps (lost messages) in other nodes' sequences. */
  gaps: number;
  /** Messages known lost across all gaps. */
  missingMessages: number;
  /** Messages read twice (dropped, not delivered again). */
  duplicates: number;
  /** Reconnections of this node's stream reader or subscriber connection. */
  readerReconnects: number;
  /** Age of the last message read, in ms. */
  lastLagMs: number;
  /** Largest read lag seen, in ms. */
  maxLagMs: number;
}

/** A detected loss of cross-node messages. */
export interface StreamGap {
  /** Socket.IO namespace whose messages were lost (`/meetings`). */
  namespace: string;
  /** Adapter id of the node whose messages went missing. */
  origin: string;
  /** How many of its messages went missing. */
  missing: number;
  /** Epoch ms of the detection. */
  detectedAt: number;
}

/** One warning per this many ms at most: during an outage or an overload every message would warn. */
const WARNING_INTERVAL_MS = 10_000;

/**
 * What one node notices about its cross-node traffic, shared by every namespace's adapter:
 * counters, throttled warnings, and the listeners told about each detected loss.
 */
export class StreamMonitor {
  readonly #logger: MeetingsLogger;
  readonly #lagWarningMs: number;
  readonly #listeners = new Set<(gap: StreamGap) => void>();
  readonly #stats: MeetingsRedisAdapterStats = {
    published: 0,
    entriesAppended: 0,
    routed: 0,
    publishFailures: 0,
    received: 0,
    receivedDirect: 0,
    gaps: 0,
    missingMessages: 0,
    duplicates: 0,
    readerReconnects: 0,
    lastLagMs: 0,
    maxLagMs: 0,
  };
  #lastLagWarning = 0;
  #lastPublishWarning = 0;

  constructor(logger: MeetingsLogger, lagWarningMs: number) {
    this.#logger = logger;
    this.#lagWarningMs = lagWarningMs;
  }

  published(): void {
    this.#stats.published += 1;
  }

  /** A message that goes to one other node's own stream. */
  routed(): void {
    this.#stats.routed += 1;
  }

  /** A stream entry this node appended, carrying one or more messages. */
  appended(): void {
    this.#stats.entriesAppended += 1;
  }

  publishFailed(error: unknown): void {
    this.#stats.publishFailures += 1;
    if (Date.now() - this.#lastPublishWarning <= WARNING_INTERVAL_MS) return;
    this.#lastPublishWarning = Date.now();
    this.#logger.warn(
      { error: String(error), publishFailures: this.#stats.publishFailures },
      'Appending to the Redis stream failed; other nodes will resync',
    );
  }

  /** `count` messages of another node read at stream offset `offset` (its id starts with the append time); `direct` from this node's own stream. */
  received(offset: string, count = 1, direct = false): void {
    this.#stats.received += count;
    if (direct) this.#stats.receivedDirect += count;
    const lag = Date.now() - Number(offset.split('-')[0]);
    this.#stats.lastLagMs = lag;
    if (lag > this.#stats.maxLagMs) this.#stats.maxLagMs = lag;
    if (lag > this.#lagWarningMs && Date.now() - this.#lastLagWarning > WARNING_INTERVAL_MS) {
      this.#lastLagWarning = Date.now();
      this.#logger.warn({ lagMs: lag }, 'This node reads the Redis stream late; it is overloaded');
    }
  }

  duplicate(): void {
    this.#stats.duplicates += 1;
  }

  readerReconnecting(): void {
    this.#stats.readerReconnects += 1;
    this.#logger.warn(
      { readerReconnects: this.#stats.readerReconnects },
      'Redis stream reader reconnecting; it resumes from its last offset',
    );
  }

  gap(gap: StreamGap): void {
    this.#stats.gaps += 1;
    this.#stats.missingMessages += gap.missing;
    this.#logger.warn({ ...gap }, 'Cross-node messages were lost; resyncing affected clients');
    for (const listener of [...this.#listeners]) {
      try {
        listener(gap);
      } catch (error) {
        this.#logger.warn({ error: String(error) }, 'A stream gap listener threw');
      }
    }
  }

  /** Calls `listener` on every detected loss; returns the unsubscribe function. */
  onGap(listener: (gap: StreamGap) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** A copy of the counters. */
  stats(): MeetingsRedisAdapterStats {
    return { ...this.#stats };
  }
}
