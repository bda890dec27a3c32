/**
 * `@mentara/meetings-server/redis` — run several meeting nodes on one Redis: a shared room store,
 * a cross-node Socket.IO adapter that never loses signalling silently, node heartbeats that
 * clear a dead node's participants, and resync of clients after a loss.
 *
 * Needs the optional peer dependency `redis` (node-redis v5).
 *
 * @packageDocumentation
 */
export {
  createRedisScaleOut,
  type RedisScaleOut,
  type RedisScaleOutOptions,
  type RedisScaleOutStats,
  type ScaleOutTarget,
  type ScaleOutRedisClient,
} from './scale-out';
export { RedisRoomStore, type RedisRoomStoreOptions } from './redis-store';
export type { RedisCommandClient } from './redis-client';
export { createMeetingsRedisAdapter, type MeetingsRedisAdapter, type MeetingsRedisAdapterOptions } from './redis-adapter';
export type { MeetingsRedisAdapterStats, StreamGap } from './stream-monitor';
export { NodeRegistry, type NodeRegistryOptions, type NodeRegistryStats } from './node-registry';
export { resyncLocalSockets, type ResyncOptions } from './resync';
export { RedisWebhookOutbox, type RedisWebhookOutboxOptions } from './redis-webhook-outbox';
export { DEFAULT_KEY_PREFIX } from './redis-keys';
