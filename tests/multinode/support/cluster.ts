import type { ParticipantRole } from '@mentara/meetings-core/protocol';
import { issueMeetingToken, type IssueMeetingTokenOptions } from '@mentara/meetings-server';
import { MeetingPeer, type MeetingPeerOptions } from './meeting-peer';
import { startNode, type NodeProcess } from './node-process';
import { startRedisServer, type TestRedisServer } from './redis-server';

export const CLUSTER_SECRET = 'multinode-test-secret-0123456789abcdef';

/** Claims a test token may carry besides the meeting and the role. */
type TokenClaims = Pick<IssueMeetingTokenOptions, 'waitingRoom' | 'endsAt' | 'startsAt'>;

/** How {@link TestCluster.join} joins: the token's role and claims, and what the peer itself is given. */
export interface ClusterJoinOptions {
  /** @default 'participant' */
  role?: ParticipantRole;
  claims?: TokenClaims;
  peer?: Pick<MeetingPeerOptions, 'media' | 'reconnect' | 'resume'>;
}

/** A redis-server plus several meeting nodes, all owned by one test file. */
export interface TestCluster {
  redis: TestRedisServer;
  nodes: NodeProcess[];
  token(userId: string, meetingId: string, role?: ParticipantRole, claims?: TokenClaims): Promise<string>;
  /** Joins `meetingId` on node `nodeIndex` as `userId` (also its display name), with a token of this cluster; `stop()` closes the peer. */
  join(nodeIndex: number, userId: string, meetingId: string, options?: ClusterJoinOptions): Promise<MeetingPeer>;
  /** Closes the peers `join` opened, then stops every node (SIGTERM) and the redis-server, by PID. */
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
  const peers: MeetingPeer[] = [];
  const token: TestCluster['token'] = (userId, meetingId, role = 'participant', claims = {}) =>
    issueMeetingToken({ secret: CLUSTER_SECRET, userId, displayName: userId, meetingId, role, ...claims });
  return {
    redis,
    nodes,
    token,
    async join(nodeIndex, userId, meetingId, { role, claims, peer: given } = {}) {
      const node = nodes[nodeIndex];
      if (!node) throw new Error(`no node ${nodeIndex}`);
      const peer = await MeetingPeer.join({ url: node.url, token: await token(userId, meetingId, role, claims), meetingId, displayName: userId, ...given });
      peers.push(peer);
      return peer;
    },
    async stop() {
      for (const peer of peers) peer.close();
      await Promise.all(nodes.map((node) => node.stop()));
      await redis.stop();
    },
  };
}
