import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './support/cluster';
import { waitFor } from './support/meeting-peer';
import { startRedisServer } from './support/redis-server';

let cluster: TestCluster;
let restartedStop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  cluster = await startCluster(2);
});

afterAll(async () => {
  await cluster?.stop();
  await restartedStop?.();
});

const joinOn = (nodeIndex: number, userId: string, meetingId: string) => cluster.join(nodeIndex, userId, meetingId);

describe('Redis restarting empty', () => {
  it('makes every node resync its clients, whose rejoins rebuild the meeting state', async () => {
    const meetingId = `m-${randomUUID()}`;
    const interpreter = await joinOn(0, 'interpreter', meetingId);
    const supervisor = await joinOn(1, 'supervisor', meetingId);
    await waitFor(() => interpreter.roster.has(supervisor.id), 5000, 'interpreter sees supervisor');

    // The same port, no persistence: every key, the stream and the node registry are gone.
    await cluster.redis.stop();
    const fresh = await startRedisServer([], cluster.redis.port);
    restartedStop = () => fresh.stop();

    await waitFor(() => interpreter.rejoins >= 1 && supervisor.rejoins >= 1, 15_000, 'both clients rejoined');
    await waitFor(() => interpreter.roster.has(supervisor.id) && supervisor.roster.has(interpreter.id), 5000, 'rosters rebuilt');
    const stats = await Promise.all(cluster.nodes.map((n) => n.stats()));
    expect(stats.every((s) => s.liveness.lapses >= 1)).toBe(true);

    const sent = await interpreter.sendChat('after the restart');
    await waitFor(() => supervisor.chat.some((m) => m.id === sent.id), 5000, 'chat flows again across nodes');
  });
});
