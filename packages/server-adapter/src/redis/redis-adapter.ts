import type { Namespace } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import { consoleLogger, type MeetingsLogger } from '../observability/logger';
import { MeetingsStreamAdapter } from './stream-adapter';
import { StreamLink, type DuplicableRedisClient } from './stream-link';
import { StreamMonitor, type MeetingsRedisAdapterStats, type StreamGap } from './stream-monitor';

/** Options of {@link createMeetingsRedisAdapter}. */
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
   * How long one XREAD blocks when the stream is idle.
   * @default 1_000
   */
  blockTimeInMs?: number;
  /**
   * Prefix of the pub/sub channels used for request/response traffic (`fetchSockets`, `serverSideEmit`).
   * @default "mentara:meetings:sio"
   */
  channelPrefix?: string;
  /**
   * A read lag above this is logged (at most every 10 s): the node is not keeping up with the stream.
   * @default 2_000
   */
  lagWarningMs?: number;
  /** Where warnings go. @default consoleLogger */
  logger?: MeetingsLogger;
}

/** The cross-node adapter of a meeting server, with loss detection. */
export interface MeetingsRedisAdapter {
  /** Pass to Socket.IO: `new Server(http, { adapter: a.adapter })` or `io.adapter(a.adapter)`. */
  readonly adapter: (nsp: Namespace) => Adapter;
  /** Calls `listener` on every detected loss; returns the unsubscribe function. */
  onGap(listener: (gap: StreamGap) => void): () => void;
  /** A copy of the counters. */
  stats(): MeetingsRedisAdapterStats;
}

/**
 * Creates the Socket.IO adapter for several meeting nodes: Socket.IO's cluster adapter over a
 * Redis stream (a reader that reconnects resumes where it stopped), plus per-node sequence
 * numbers that turn any loss — a reader that lagged past `maxLen`, an append that failed — into
 * a {@link StreamGap} instead of silence. The connections it needs are duplicated from `client`
 * when the first namespace starts and closed when Socket.IO closes the last one.
 *
 * @param client a connected node-redis v5 client (`createClient()` from `redis`).
 * @example
 * ```ts
 * const cluster = createMeetingsRedisAdapter(redis);
 * const io = new Server(httpServer, { adapter: cluster.adapter, transports: ['websocket'] });
 * cluster.onGap(() => resyncLocalSockets(io.of('/meetings')));
 * ```
 */
export function createMeetingsRedisAdapter(
  client: DuplicableRedisClient,
  options: MeetingsRedisAdapterOptions = {},
): MeetingsRedisAdapter {
  const logger = options.logger ?? consoleLogger;
  const monitor = new StreamMonitor(logger, options.lagWarningMs ?? 2_000);
  const link = new StreamLink(
    client,
    {
      streamName: options.streamName ?? 'mentara:meetings:stream',
      maxLen: options.maxLen ?? 100_000,
      readCount: options.readCount ?? 1_000,
      blockTimeInMs: options.blockTimeInMs ?? 1_000,
    },
    logger,
    () => monitor.readerReconnecting(),
  );
  const shared = { link, monitor, channelPrefix: options.channelPrefix ?? 'mentara:meetings:sio' };
  return {
    // A `function`, not an arrow: Socket.IO calls the adapter factory with `new`.
    adapter: function (nsp: Namespace) {
      return new MeetingsStreamAdapter(nsp, shared);
    },
    onGap: (listener) => monitor.onGap(listener),
    stats: () => monitor.stats(),
  };
}
