import type { ServerOptions } from 'socket.io';
import type { MeetingsServer } from '../attach';
import type { MeetingsLogger } from '../observability/logger';
import type { MeetingsServerOptions } from '../options';

/** The Redis side of a standalone node: what `attachMeetings` needs, and what to start and stop. */
export interface RedisNode {
  /** Options for `attachMeetings`: the shared store, this node's id, the cross-node adapter. */
  meetingOptions: Partial<MeetingsServerOptions> & { socketServerOptions: Partial<ServerOptions> };
  /** The webhook outbox every node shares (so each event is delivered once). */
  webhookOutbox: NonNullable<MeetingsServerOptions['webhooks']>['outbox'];
  /** Starts heartbeats, the dead-node sweeper and resync for the attached server. */
  start(meetings: MeetingsServer): Promise<void>;
  /** Stops them and closes the Redis connection (after the meetings server closed). */
  close(): Promise<void>;
}

/**
 * Connects to Redis and prepares this process as one node of several: the Redis room store, the
 * streams adapter, node liveness and the Redis webhook outbox. `redis` is an optional peer
 * dependency, loaded only here, so a single node never needs it.
 */
export async function connectRedisNode(url: string, nodeId: string | undefined, logger: MeetingsLogger): Promise<RedisNode> {
  const [{ createClient }, { createRedisScaleOut, RedisWebhookOutbox }] = await Promise.all([
    import('redis').catch(() => {
      throw new Error('REDIS_URL needs the `redis` package: npm install redis');
    }),
    import('../redis/index'),
  ]);
  const client = createClient({ url });
  // node-redis reconnects by itself; failed commands surface where they are used.
  client.on('error', (error: unknown) => logger.warn({ err: error }, 'redis connection error'));
  await client.connect();
  const scaleOut = createRedisScaleOut({ client, ...(nodeId ? { nodeId } : {}), logger });
  return {
    meetingOptions: { store: scaleOut.store, nodeId: scaleOut.nodeId, socketServerOptions: { adapter: scaleOut.adapter } },
    webhookOutbox: new RedisWebhookOutbox({ client }),
    start: (meetings) => scaleOut.start(meetings),
    async close() {
      await scaleOut.close();
      await client.quit().catch(() => undefined);
    },
  };
}
