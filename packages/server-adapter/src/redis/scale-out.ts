import { randomUUID } from 'node:crypto';
import type { MeetingsServer } from '../attach';
import { consoleLogger, type MeetingsLogger } from '../observability/logger';
import type { MetricsOptions } from '../observability/metrics';
import { NodeRegistry, type NodeRegistryStats } from './node-registry';
import { createMeetingsRedisAdapter, type MeetingsRedisAdapter, type MeetingsRedisAdapterOptions } from './redis-adapter';
import { RedisRoomStore } from './redis-store';
import { resyncLocalSockets, type ResyncOptions } from './resync';
import { registerScaleOutMetrics } from './scale-out-metrics';
import { StateConnection } from './state-connection';
import type { DuplicableRedisClient } from './stream-link';
import type { MeetingsRedisAdapterStats } from './stream-monitor';

/**
 * A Redis client the scale-out can use for everything: commands, and the dedicated connections
 * it duplicates for the store and heartbeat, the stream reader and the subscriber. A node-redis
 * v5 client fits as is.
 */
export type ScaleOutRedisClient = DuplicableRedisClient;

/** Options of {@link createRedisScaleOut}. */
export interface RedisScaleOutOptions {
  /** A connected node-redis v5 client (`createClient()` from `redis`). */
  client: ScaleOutRedisClient;
  /** This node's id; pass the same to `attachMeetings({ nodeId })`. @default a random UUID */
  nodeId?: string;
  /** Prefix of every key (store, registry). @default "mentara:meetings:" */
  keyPrefix?: string;
  /** Idle lifetime of a meeting in Redis. @default 86_400_000 */
  meetingTtlMs?: number;
  /** Stream settings of the cross-node adapter. */
  adapter?: MeetingsRedisAdapterOptions;
  /** Heartbeat and sweep timing; see {@link NodeRegistry}. */
  liveness?: { heartbeatIntervalMs?: number; heartbeatTtlMs?: number; sweepIntervalMs?: number };
  /** How resyncs spread their reconnects. */
  resync?: ResyncOptions;
  /** Prometheus metrics, into the same registry as the server's. */
  metrics?: MetricsOptions;
  /** Where the scale-out reports what it notices. @default consoleLogger */
  logger?: MeetingsLogger;
}

/** What a started scale-out needs from `attachMeetings`' result. */
export type ScaleOutTarget = Pick<MeetingsServer, 'namespace' | 'nodeId' | 'store' | 'evictNode'>;

/** Counters of the scale-out on this node. */
export interface RedisScaleOutStats {
  adapter: MeetingsRedisAdapterStats;
  liveness: NodeRegistryStats;
  /** Participants of dead nodes this node removed (through `evictNode`). */
  evictedParticipants: number;
  /** Client connections this node closed so the clients rejoin (after a gap or a lapse). */
  resyncedSockets: number;
  /** The connection of the store and the heartbeat (opened by `start`): whether it is in use, and its reconnections. */
  stateConnection: { dedicated: boolean; reconnects: number };
}

/** Redis-backed operation of several meeting nodes; see {@link createRedisScaleOut}. */
export interface RedisScaleOut {
  readonly nodeId: string;
  /** Pass to `attachMeetings({ store })`. */
  readonly store: RedisRoomStore;
  /** Pass to Socket.IO: `new Server(http, { adapter })`. */
  readonly adapter: MeetingsRedisAdapter['adapter'];
  /**
   * Opens the Redis connection of the store and the heartbeat (a duplicate of `client`), then
   * starts heartbeat, dead-node sweeping and resync-on-loss for an attached server.
   */
  start(meetings: ScaleOutTarget): Promise<void>;
  stats(): RedisScaleOutStats;
  /**
   * Stops what `start` started, removes its metrics, closes the store and the connection it shares
   * with the heartbeat; leaves the Redis client and Socket.IO to the caller. Idempotent.
   */
  close(): Promise<void>;
}

/**
 * Everything several meeting nodes need from Redis: the shared room store, the cross-node
 * Socket.IO adapter (Redis streams, loss detected), node heartbeats with a sweeper that removes a
 * dead node's participants from every roster, and resync of this node's clients when cross-node
 * messages were lost.
 *
 * @example
 * ```ts
 * const redis = createClient({ url: process.env.REDIS_URL });
 * await redis.connect();
 * const scaleOut = createRedisScaleOut({ client: redis });
 * const io = new Server(httpServer, { adapter: scaleOut.adapter, transports: ['websocket'] });
 * const meetings = attachMeetings(io, { store: scaleOut.store, nodeId: scaleOut.nodeId, auth: { secret } });
 * await scaleOut.start(meetings);
 * ```
 */
export function createRedisScaleOut(options: RedisScaleOutOptions): RedisScaleOut {
  const nodeId = options.nodeId ?? randomUUID();
  const logger = options.logger ?? consoleLogger;
  // The store and the heartbeat get their own connection at start, so neither a join's store
  // step nor the heartbeat queues behind the stream's appends (see state-connection.ts).
  const stateConnection = new StateConnection(options.client);
  const store = new RedisRoomStore({
    client: stateConnection,
    ...(options.keyPrefix !== undefined ? { keyPrefix: options.keyPrefix } : {}),
    ...(options.meetingTtlMs !== undefined ? { meetingTtlMs: options.meetingTtlMs } : {}),
  });
  const cluster = createMeetingsRedisAdapter(options.client, { logger, ...options.adapter });
  let evictedParticipants = 0;
  let resyncedSockets = 0;
  let target: ScaleOutTarget | undefined;
  let state: 'idle' | 'started' | 'closed' = 'idle';
  const cleanups: Array<() => unknown> = [];

  const resync = (why: string): void => {
    if (!target) return;
    const count = resyncLocalSockets(target.namespace as never, options.resync);
    resyncedSockets += count;
    if (count > 0) logger.warn({ nodeId, sockets: count, why }, 'Clients of this node will rejoin to resync');
  };

  /** Hands a dead node to the attached server, which removes its participants and tells their meetings. */
  const evictNode = async (deadNodeId: string): Promise<void> => {
    if (!target) throw new Error('RedisScaleOut is not started');
    evictedParticipants += await target.evictNode(deadNodeId);
  };

  const registry = new NodeRegistry({
    client: stateConnection,
    nodeId,
    ...(options.keyPrefix !== undefined ? { keyPrefix: options.keyPrefix } : {}),
    ...options.liveness,
    logger,
    onDeadNode: evictNode,
    onOwnHeartbeatLapsed: () => resync('heartbeat-lapsed'),
  });

  return {
    nodeId,
    store,
    adapter: cluster.adapter,
    async start(meetings) {
      if (state !== 'idle') throw new Error(`RedisScaleOut cannot start: it is ${state}`);
      if (meetings.nodeId !== nodeId) {
        throw new Error(`attachMeetings must use nodeId "${nodeId}" (got "${meetings.nodeId}"): pass { nodeId: scaleOut.nodeId }`);
      }
      if (meetings.store !== store) throw new Error('attachMeetings must use the scale-out store: pass { store: scaleOut.store }');
      state = 'started';
      target = meetings;
      cleanups.push(cluster.onGap(() => resync('stream-gap')));
      if (options.metrics) {
        const read = () => cluster.stats();
        cleanups.push(
          registerScaleOutMetrics(options.metrics, [
            { name: 'stream_gaps_total', help: 'Detected losses of cross-node messages', type: 'counter', read: () => read().gaps },
            { name: 'stream_missing_messages_total', help: 'Cross-node messages known lost', type: 'counter', read: () => read().missingMessages },
            { name: 'stream_messages_published_total', help: 'Cross-node messages this node broadcast through the stream', type: 'counter', read: () => read().published },
            { name: 'stream_entries_appended_total', help: 'Stream entries this node appended (a turn of the event loop shares one)', type: 'counter', read: () => read().entriesAppended },
            { name: 'stream_publish_failures_total', help: 'Failed appends to the Redis stream', type: 'counter', read: () => read().publishFailures },
            { name: 'stream_reader_reconnects_total', help: 'Reconnections of the Redis stream reader', type: 'counter', read: () => read().readerReconnects },
            { name: 'state_connection_reconnects_total', help: 'Reconnections of the Redis connection of the store and the heartbeat', type: 'counter', read: () => stateConnection.reconnects },
            { name: 'stream_lag_ms', help: 'Age of the last cross-node message read', type: 'gauge', read: () => read().lastLagMs },
            { name: 'dead_nodes_swept_total', help: 'Dead nodes cleaned up by this node', type: 'counter', read: () => registry.stats().sweptNodes },
            { name: 'evicted_participants_total', help: 'Participants of dead nodes removed by this node', type: 'counter', read: () => evictedParticipants },
            { name: 'resynced_sockets_total', help: 'Clients told to rejoin after lost messages', type: 'counter', read: () => resyncedSockets },
          ]),
        );
      }
      await stateConnection.open();
      await registry.start();
    },
    stats: () => ({
      adapter: cluster.stats(),
      liveness: registry.stats(),
      evictedParticipants,
      resyncedSockets,
      stateConnection: { dedicated: stateConnection.dedicated, reconnects: stateConnection.reconnects },
    }),
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      for (const cleanup of cleanups.splice(0)) cleanup();
      await registry.close();
      store.close();
      await stateConnection.close();
    },
  };
}
