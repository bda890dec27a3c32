import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { startRedisServer, type TestRedisServer } from '../../../../tests/multinode/support/redis-server';
import { runWebhookOutboxContract } from '../webhooks/outbox.contract';
import { RedisWebhookOutbox } from './redis-webhook-outbox';

let server: TestRedisServer;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  server = await startRedisServer();
  client = createClient({ url: server.url });
  await client.connect();
});

afterAll(async () => {
  await client?.quit();
  await server?.stop();
});

runWebhookOutboxContract('RedisWebhookOutbox', async (limits) => ({
  outbox: new RedisWebhookOutbox({ client, keyPrefix: `test:${process.pid}:`, ...limits }),
  dispose: async () => undefined,
}));

describe('RedisWebhookOutbox specifics', () => {
  it('keeps bodies byte for byte (names, quotes, newlines escaped in JSON) through the scripts', async () => {
    const outbox = new RedisWebhookOutbox({ client, keyPrefix: 'bytes:' });
    const body = JSON.stringify({ name: 'Zoë ✓ "quoted" \n line', emoji: '🙂' });
    await outbox.append({ meetingId: 'm', eventId: 'e1', endpointIds: ['ep'], now: 1, body });
    const [claimed] = await outbox.claim('ep', { now: 1, leaseUntil: 2, limit: 1 });
    expect(claimed?.body).toBe(body);
  });

  it('expires what no node delivers after ttlMs, and a claim then drops the empty schedule entry', async () => {
    const outbox = new RedisWebhookOutbox({ client, keyPrefix: 'ttl:', ttlMs: 100 });
    await outbox.append({ meetingId: 'm', eventId: 'e1', endpointIds: ['ep'], now: 1, body: '{}' });
    await new Promise((r) => setTimeout(r, 250));
    expect(await outbox.claim('ep', { now: 2, leaseUntil: 3, limit: 5 })).toEqual([]);
    expect(await client.zCard('ttl:{webhooks}:due:ep')).toBe(0);
  });
});
