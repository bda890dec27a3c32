import type { ParticipantRole } from '@mentara/meetings-core/protocol';
import { issueMeetingToken, type IssueMeetingTokenOptions } from '@mentara/meetings-server';
import { startNode, type NodeProcess } from './node-process';
import { startRedisServer, type TestRedisServer } from './redis-server';

export const CLUSTER_SECRET = 'multinode-test-secret-0123456789abcdef';

/** A redis-server plus several meeting nodes, all owned by one test file. */
export interface TestCluster {
  redis: TestRedisServer;
  nodes: NodeProcess[];
  token(userId: string, meetingId: string, role?: ParticipantRole, claims?: Pick<IssueMeetingTokenOptions, 'waitingRoom' | 'endsAt' | 'startsAt'>): Promise<string>;
  /** Stops every node (SIGTERM) and the redis-server, by PID. */
  stop(): Promise<void>;
}

/** Starts redis-server and `count` nodes (in parallel) with the given extra env. */
export async function startCluster(
  count: number,
  options: { env?: Record<string, string>; redisArgs?: string[] } = {},
): Promise<TestCluster> {
  const redis = await startRedisServer(options.redisArgs);
  const nodes: NodeProcess[] = [];
  try {
    const started = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        startNode({ REDIS_URL: redis.url, NODE_ID: `node-${i + 1}`, JWT_SECRET: CLUSTER_SECRET, ...options.env }),
      ),
    );
    nodes.push(...started);
  } catch (error) {
    await redis.stop();
    throw error;
  }
  return {
    redis,
    nodes,
    token: (userId, meetingId, role = 'participant', claims = {}) =>
      issueMeetingToken({ secret: CLUSTER_SECRET, userId, displayName: userId, meetingId, role, ...claims }),
    async stop() {
      await Promise.all(nodes.map((node) => node.stop()));
      await redis.stop();
    },
  };
}
