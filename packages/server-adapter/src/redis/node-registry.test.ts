import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { startRedisServer, type TestRedisServer } from '../../../../tests/multinode/support/redis-server';
import { silentLogger } from '../observability/logger';
import { NodeRegistry } from './node-registry';

let server: TestRedisServer;
let client: ReturnType<typeof createClient>;
const fast = { heartbeatIntervalMs: 50, heartbeatTtlMs: 150, sweepIntervalMs: 50 };

beforeAll(async () => {
  server = await startRedisServer();
  client = createClient({ url: server.url });
  await client.connect();
});

afterAll(async () => {
  await client?.quit();
  await server?.stop();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('NodeRegistry', () => {
  it('hands a dead node to exactly one surviving node', async () => {
    const keyPrefix = `reg-${Date.now()}:`;
    // A node that registered and whose heartbeat key expired: what a crash leaves behind.
    await client.sendCommand(['SADD', `${keyPrefix}nodes`, 'dead']);
    const cleaned: string[] = [];
    const survivors = ['a', 'b', 'c'].map(
      (nodeId) =>
        new NodeRegistry({ client, nodeId, keyPrefix, ...fast, logger: silentLogger, onDeadNode: (id) => void cleaned.push(`${nodeId}:${id}`) }),
    );
    await Promise.all(survivors.map((r) => r.start()));
    await wait(400);
    expect(cleaned).toHaveLength(1);
    expect(cleaned[0]).toMatch(/^[abc]:dead$/);
    expect(await client.sendCommand(['SMEMBERS', `${keyPrefix}nodes`])).toEqual(expect.arrayContaining(['a', 'b', 'c']));
    expect(await client.sendCommand(['SISMEMBER', `${keyPrefix}nodes`, 'dead'])).toBe(0);
    await Promise.all(survivors.map((r) => r.close()));
  });

  it('retries a cleanup that failed', async () => {
    const keyPrefix = `reg-retry-${Date.now()}:`;
    await client.sendCommand(['SADD', `${keyPrefix}nodes`, 'ghost']);
    let calls = 0;
    const registry = new NodeRegistry({
      client,
      nodeId: 'alive',
      keyPrefix,
      ...fast,
      logger: silentLogger,
      onDeadNode: () => {
        calls += 1;
        if (calls === 1) throw new Error('store unavailable');
      },
    });
    await registry.start();
    await wait(400);
    expect(calls).toBe(2);
    expect(registry.stats()).toMatchObject({ sweptNodes: 1, sweepFailures: 1 });
    await registry.close();
  });

  it('notices when its own heartbeat had expired', async () => {
    const keyPrefix = `reg-lapse-${Date.now()}:`;
    let lapses = 0;
    const registry = new NodeRegistry({
      client,
      nodeId: 'sleepy',
      keyPrefix,
      ...fast,
      logger: silentLogger,
      onDeadNode: () => undefined,
      onOwnHeartbeatLapsed: () => {
        lapses += 1;
      },
    });
    await registry.start();
    await client.sendCommand(['DEL', `${keyPrefix}node:sleepy:alive`]);
    await wait(200);
    expect(lapses).toBe(1);
    expect(await client.sendCommand(['SISMEMBER', `${keyPrefix}nodes`, 'sleepy'])).toBe(1);
    await registry.close();
    expect(await client.sendCommand(['EXISTS', `${keyPrefix}node:sleepy:alive`])).toBe(0);
  });

  it('rejects settings that would declare live nodes dead', () => {
    expect(
      () => new NodeRegistry({ client, nodeId: 'x', heartbeatIntervalMs: 1000, heartbeatTtlMs: 500, onDeadNode: () => undefined }),
    ).toThrow(RangeError);
    expect(() => new NodeRegistry({ client, nodeId: 'bad id!', onDeadNode: () => undefined })).toThrow(RangeError);
  });
});
