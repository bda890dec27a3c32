import { createServer, type Server as HttpServer } from 'node:http';
import { Registry } from 'prom-client';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedisServer, type TestRedisServer } from '../../../../tests/multinode/support/redis-server';
import { attachMeetings, type MeetingsServer } from '../attach';
import { silentLogger } from '../observability/logger';
import { MemoryRoomStore } from '../store/memory-store';
import { createRedisScaleOut, type RedisScaleOut } from './scale-out';

let server: TestRedisServer;
let client: ReturnType<typeof createClient>;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

beforeAll(async () => {
  server = await startRedisServer();
  client = createClient({ url: server.url });
  await client.connect();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await client?.quit();
  await server?.stop();
});

/** A Socket.IO server with the scale-out adapter and `/meetings` attached (not listening). */
function attach(scaleOut: RedisScaleOut, overrides: { nodeId?: string; store?: MemoryRoomStore } = {}): MeetingsServer {
  const http: HttpServer = createServer();
  const io = new Server(http, { adapter: scaleOut.adapter });
  const meetings = attachMeetings(io, {
    store: overrides.store ?? scaleOut.store,
    nodeId: overrides.nodeId ?? scaleOut.nodeId,
    allowAnonymous: true,
  });
  cleanups.push(async () => {
    await meetings.close();
    io.close();
  });
  return meetings;
}

describe('createRedisScaleOut', () => {
  it('refuses a server attached with another node id or store', async () => {
    const scaleOut = createRedisScaleOut({ client, keyPrefix: 'so-refuse:', logger: silentLogger });
    cleanups.push(() => scaleOut.close());
    await expect(scaleOut.start(attach(scaleOut, { nodeId: 'someone-else' }))).rejects.toThrow(/nodeId/);
    const other = createRedisScaleOut({ client, keyPrefix: 'so-refuse-2:', logger: silentLogger });
    cleanups.push(() => other.close());
    await expect(other.start(attach(other, { store: new MemoryRoomStore() }))).rejects.toThrow(/store/);
  });

  it('registers its metrics in the host registry and removes exactly those on close', async () => {
    const registry = new Registry();
    const scaleOut = createRedisScaleOut({ client, keyPrefix: 'so-metrics:', logger: silentLogger, metrics: { registry } });
    const meetings = attach(scaleOut);
    await scaleOut.start(meetings);
    const text = await registry.metrics();
    for (const name of ['stream_gaps_total', 'stream_missing_messages_total', 'dead_nodes_swept_total', 'resynced_sockets_total']) {
      expect(text).toContain(`mentara_meetings_${name} 0`);
    }
    expect(await client.sendCommand(['EXISTS', `so-metrics:node:${scaleOut.nodeId}:alive`])).toBe(1);
    await scaleOut.close();
    await scaleOut.close();
    expect(await registry.metrics()).not.toContain('mentara_meetings_stream_');
    // Closing deletes the heartbeat so the other nodes sweep what is left at once.
    expect(await client.sendCommand(['EXISTS', `so-metrics:node:${scaleOut.nodeId}:alive`])).toBe(0);
    await expect(scaleOut.start(meetings)).rejects.toThrow(/closed/);
  });

  it("gives the store and the heartbeat their own connection at start: neither waits behind the shared connection's queue", async () => {
    const shared = createClient({ url: server.url });
    await shared.connect();
    const liveness = { heartbeatIntervalMs: 200, heartbeatTtlMs: 1000 };
    const scaleOut = createRedisScaleOut({ client: shared, keyPrefix: 'so-state-conn:', logger: silentLogger, liveness });
    cleanups.push(async () => {
      await scaleOut.close();
      await shared.quit();
    });
    // Before start the store uses the host's client, so it works from the first moment.
    expect(scaleOut.stats().stateConnection.dedicated).toBe(false);
    expect((await scaleOut.store.ensureMeeting({ meetingId: 'early', createdAt: 1 })).status).toBe('waiting');

    await scaleOut.start(attach(scaleOut));
    expect(scaleOut.stats().stateConnection).toEqual({ dedicated: true, reconnects: 0 });

    // Hold the shared connection with a blocking pop; everything sent on it after waits behind it.
    const order: string[] = [];
    const held = shared.sendCommand(['BLPOP', 'so-state-conn:gate', '10']).then(() => order.push('shared connection'));
    const queued = shared.sendCommand(['PING']).then(() => order.push('queued behind it'));
    const meeting = await scaleOut.store.ensureMeeting({ meetingId: 'during', createdAt: 2 });
    order.push('store step');
    expect(meeting.meetingId).toBe('during');
    const beats = scaleOut.stats().liveness.heartbeats;
    await vi.waitFor(() => expect(scaleOut.stats().liveness.heartbeats).toBeGreaterThan(beats), { timeout: 3000, interval: 20 });
    order.push('heartbeat');
    await client.sendCommand(['LPUSH', 'so-state-conn:gate', 'go']);
    await Promise.all([held, queued]);
    expect(order).toEqual(['store step', 'heartbeat', 'shared connection', 'queued behind it']);

    // Closing closes that connection (and the store with it).
    const connectedClients = async (): Promise<number> => Number(/connected_clients:(\d+)/.exec(String(await client.sendCommand(['INFO', 'clients'])))?.[1]);
    const before = await connectedClients();
    await scaleOut.close();
    expect(scaleOut.stats().stateConnection.dedicated).toBe(false);
    expect(await connectedClients()).toBeLessThan(before);
  });
});
