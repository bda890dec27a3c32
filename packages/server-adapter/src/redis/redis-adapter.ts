import { createAdapter } from '@socket.io/redis-streams-adapter';
import { consoleLogger, type MeetingsLogger } from '../observability/logger';
import { StreamSequenceTracker, StreamSequencer, type SequenceStamp } from './stream-sequence';

/** Options of {@link createMeetingsRedisAdapter}; each maps to `@socket.io/redis-streams-adapter`. */
export interface MeetingsRedisAdapterOptions {
  /**
   * Name of the Redis stream carrying cross-node events.
   * @default "mentara:meetings:stream"
   */
  streamName?: string;
  /**
   * Entries kept in the stream (approximate trimming). A node that falls further behind than this
   * loses entries; that is detected (see `onGap`) and its clients resync. About 1 KB per entry on
   * average for meeting traffic, so the default holds ~100 MB at most.
   * @default 100_000
   */
  maxLen?: number;
  /**
   * Entries fetched per XREAD. Large batches let a lagging node catch up quickly.
   * @default 1_000
   */
  readCount?: number;
  /**
   * How long one XREAD blocks when the stream is idle (also bounds shutdown time).
   * @default 1_000
   */
  blockTimeInMs?: number;
  /**
   * Prefix of the pub/sub channels used for request/response traffic (`fetchSockets`, `serverSideEmit`).
   * @default "mentara:meetings:sio"
   */
  channelPrefix?: string;
  /**
   * Prefix of the session keys used by Socket.IO's connection-state recovery, when enabled.
   * @default "mentara:meetings:sio-session:"
   */
  sessionKeyPrefix?: string;
  /**
   * A read lag above this is logged (at most every 10 s): the node is not keeping up with the stream.
   * @default 2_000
   */
  lagWarningMs?: number;
  /** Where warnings go. @default consoleLogger */
  logger?: MeetingsLogger;
}

/** Counters of one node's cross-node traffic (cumulative since start). */
export interface MeetingsRedisAdapterStats {
  /** Messages this node appended to the stream. */
  published: number;
  /** Appends that failed (Redis unreachable): the other nodes see a gap and resync. */
  publishFailures: number;
  /** Messages from other nodes read from the stream. */
  received: number;
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

/** The cross-node adapter of a meeting server, with loss detection. */
export interface MeetingsRedisAdapter {
  /** Pass to Socket.IO: `new Server(http, { adapter: a.adapter })` or `io.adapter(a.adapter)`. */
  readonly adapter: ReturnType<typeof createAdapter>;
  /** Calls `listener` on every detected loss; returns the unsubscribe function. */
  onGap(listener: (gap: StreamGap) => void): () => void;
  /** A copy of the counters. */
  stats(): MeetingsRedisAdapterStats;
}

/** Socket.IO cluster message types (socket.io-adapter `MessageType`) that travel over pub/sub, not the stream. */
const SERVER_SIDE_EMIT = 9;
const FETCH_SOCKETS = 7;
const BROADCAST = 3;
/** Field added to the data of every stream message: `[bootedAt, seq]` of the sending node. */
const STAMP_FIELD = 'mtSeq';

interface ClusterMessageLike {
  uid?: string;
  nsp?: string;
  type: number;
  data?: Record<string, unknown>;
}

interface InstrumentableAdapter {
  uid: string;
  nsp: { name: string };
  doPublish(message: ClusterMessageLike): Promise<unknown>;
  onMessage(message: ClusterMessageLike, offset?: string): unknown;
}

interface DuplicateLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  [method: string]: unknown;
}

/**
 * The streams adapter subscribes without awaiting; when it disconnects that client on close,
 * node-redis rejects the still-registered subscription, which would surface as an unhandled
 * rejection (a crash on Node 20). The rejection is expected there, so it is absorbed.
 */
function absorbSubscribeRejections(copy: DuplicateLike): void {
  for (const method of ['subscribe', 'sSubscribe', 'SUBSCRIBE', 'SSUBSCRIBE']) {
    const original = copy[method];
    if (typeof original !== 'function') continue;
    copy[method] = (...args: unknown[]) => {
      const result: unknown = (original as (...a: unknown[]) => unknown).apply(copy, args);
      if (result instanceof Promise) result.catch(() => undefined);
      return result;
    };
  }
}

const goesThroughStream = (message: ClusterMessageLike): boolean =>
  !(message.type === SERVER_SIDE_EMIT || message.type === FETCH_SOCKETS) &&
  !(message.type === BROADCAST && message.data?.requestId !== undefined);

/**
 * Watches the connections the streams adapter duplicates from `client`, so reconnections of the
 * stream reader are counted and logged. Every other property is the client's own.
 */
function watchDuplicates<T extends object>(client: T, onReconnect: () => void): T {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'duplicate' && typeof value === 'function') {
        return (...args: unknown[]) => {
          const copy = (value as (...a: unknown[]) => DuplicateLike).apply(target, args);
          copy.on('reconnecting', onReconnect);
          absorbSubscribeRejections(copy);
          return copy;
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Creates the Socket.IO adapter for several meeting nodes: `@socket.io/redis-streams-adapter`
 * (events go through a Redis stream, so a reader that reconnects resumes where it stopped),
 * plus per-node sequence numbers that turn any loss — a reader that lagged past `maxLen`, an
 * append that failed — into a {@link StreamGap} instead of silence.
 *
 * @param client a connected node-redis v5 client (the tested one; the streams adapter also takes
 *   ioredis). It is duplicated for the stream reader and the subscriber.
 * @example
 * ```ts
 * const cluster = createMeetingsRedisAdapter(redis);
 * const io = new Server(httpServer, { adapter: cluster.adapter, transports: ['websocket'] });
 * cluster.onGap(() => resyncLocalSockets(io.of('/meetings')));
 * ```
 */
export function createMeetingsRedisAdapter(
  client: object,
  options: MeetingsRedisAdapterOptions = {},
): MeetingsRedisAdapter {
  const logger = options.logger ?? consoleLogger;
  const lagWarningMs = options.lagWarningMs ?? 2_000;
  const listeners = new Set<(gap: StreamGap) => void>();
  const stats: MeetingsRedisAdapterStats = {
    published: 0,
    publishFailures: 0,
    received: 0,
    gaps: 0,
    missingMessages: 0,
    duplicates: 0,
    readerReconnects: 0,
    lastLagMs: 0,
    maxLagMs: 0,
  };
  let lastLagWarning = 0;
  let lastPublishWarning = 0;

  const watched = watchDuplicates(client, () => {
    stats.readerReconnects += 1;
    logger.warn({ readerReconnects: stats.readerReconnects }, 'Redis stream reader reconnecting; it resumes from its last offset');
  });
  const base = createAdapter(watched, {
    streamName: options.streamName ?? 'mentara:meetings:stream',
    maxLen: options.maxLen ?? 100_000,
    readCount: options.readCount ?? 1_000,
    blockTimeInMs: options.blockTimeInMs ?? 1_000,
    channelPrefix: options.channelPrefix ?? 'mentara:meetings:sio',
    sessionKeyPrefix: options.sessionKeyPrefix ?? 'mentara:meetings:sio-session:',
    // Meeting payloads are JSON (SDP, candidates, chat): skip the binary scan on every message.
    onlyPlaintext: true,
  });

  const reportGap = (gap: StreamGap): void => {
    stats.gaps += 1;
    stats.missingMessages += gap.missing;
    logger.warn({ ...gap }, 'Cross-node messages were lost; resyncing affected clients');
    for (const listener of listeners) {
      try {
        listener(gap);
      } catch (error) {
        logger.warn({ error: String(error) }, 'A stream gap listener threw');
      }
    }
  };

  const instrument = (adapter: InstrumentableAdapter): void => {
    const sequencer = new StreamSequencer();
    const tracker = new StreamSequenceTracker({ startedAt: sequencer.bootedAt });
    const doPublish = adapter.doPublish.bind(adapter);
    const onMessage = adapter.onMessage.bind(adapter);

    adapter.doPublish = (message) => {
      if (!goesThroughStream(message) || !message.data || typeof message.data !== 'object') return doPublish(message);
      message.data[STAMP_FIELD] = sequencer.next();
      stats.published += 1;
      return doPublish(message).catch((error: unknown) => {
        stats.publishFailures += 1;
        // One line per 10 s at most: during an outage every relay fails.
        if (Date.now() - lastPublishWarning > 10_000) {
          lastPublishWarning = Date.now();
          logger.warn(
            { error: String(error), publishFailures: stats.publishFailures },
            'Appending to the Redis stream failed; other nodes will resync',
          );
        }
        throw error;
      });
    };

    adapter.onMessage = (message, offset) => {
      const stamp = message.data?.[STAMP_FIELD] as SequenceStamp | undefined;
      if (offset !== undefined && message.uid && message.uid !== adapter.uid && Array.isArray(stamp)) {
        stats.received += 1;
        const lag = Date.now() - Number(offset.split('-')[0]);
        stats.lastLagMs = lag;
        if (lag > stats.maxLagMs) stats.maxLagMs = lag;
        if (lag > lagWarningMs && Date.now() - lastLagWarning > 10_000) {
          lastLagWarning = Date.now();
          logger.warn({ lagMs: lag }, 'This node reads the Redis stream late; it is overloaded');
        }
        const verdict = tracker.observe(message.uid, stamp);
        if (verdict.kind === 'duplicate') {
          stats.duplicates += 1;
          return undefined;
        }
        if (verdict.kind === 'gap') {
          reportGap({ namespace: adapter.nsp.name, origin: message.uid, missing: verdict.missing, detectedAt: Date.now() });
        }
      }
      return onMessage(message, offset);
    };
  };

  // A `function`, not an arrow: Socket.IO calls the adapter factory with `new`.
  const adapter = function (nsp: unknown) {
    const created = base(nsp);
    instrument(created as unknown as InstrumentableAdapter);
    return created;
  } as ReturnType<typeof createAdapter>;

  return {
    adapter,
    onGap(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats: () => ({ ...stats }),
  };
}
