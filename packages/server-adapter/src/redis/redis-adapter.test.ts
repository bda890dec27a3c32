import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { io as ioClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type TestRedisServer } from '../../../../tests/multinode/support/redis-server';
import { silentLogger } from '../observability/logger';
import { createMeetingsRedisAdapter, type MeetingsRedisAdapter } from './redis-adapter';

let server: TestRedisServer;
let admin: ReturnType<typeof createClient>;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

beforeAll(async () => {
  server = await startRedisServer();
  admin = createClient({ url: server.url });
  await admin.connect();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await admin?.quit();
  await server?.stop();
});

/** Connections Redis currently serves, with the command each last ran. */
const connections = async (): Promise<Array<{ id: string; cmd: string }>> =>
  String(await admin.sendCommand(['CLIENT', 'LIST']))
    .trim()
    .split('\n')
    .map((line) => Object.fromEntries(line.split(' ').map((pair) => pair.split('=') as [string, string])))
    .map((fields) => ({ id: fields.id ?? '', cmd: fields.cmd ?? '' }));

const until = async (check: () => Promise<boolean> | boolean, what: string): Promise<void> => {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** One Socket.IO node on its own Redis client and adapter, listening on a loopback port. */
async function startNode(streamName: string): Promise<{ io: Server; url: string; cluster: MeetingsRedisAdapter }> {
  const client = createClient({ url: server.url });
  await client.connect();
  const cluster = createMeetingsRedisAdapter(client, { streamName, channelPrefix: `${streamName}:sio`, logger: silentLogger });
  const http = createServer();
  const io = new Server(http, { adapter: cluster.adapter, transports: ['websocket'] });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await io.close();
    await client.quit();
  });
  return { io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, cluster };
}

async function connect(url: string): Promise<ClientSocket> {
  const socket = ioClient(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  cleanups.push(() => socket.close());
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

const next = (socket: ClientSocket, event: string): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), 5000);
    socket.once(event, (payload: unknown) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

describe('createMeetingsRedisAdapter', () => {
  it('delivers room broadcasts and room changes across nodes, and answers fetchSockets over pub/sub', async () => {
    const streamName = `adapter-${randomUUID()}`;
    const a = await startNode(streamName);
    const b = await startNode(streamName);
    b.io.on('connection', (socket) => socket.join('room-1'));
    const onB = await connect(b.url);
    await until(async () => (await b.io.in('room-1').fetchSockets()).length === 1, 'the join');

    const received = next(onB, 'hello');
    a.io.to('room-1').emit('hello', { from: 'a' });
    expect(await received).toEqual({ from: 'a' });

    const remote = await a.io.in('room-1').fetchSockets();
    expect(remote.map((s) => s.id)).toEqual([onB.id]);

    // A room change made on one node reaches the socket on the other.
    a.io.in('room-1').socketsJoin('room-2');
    await until(async () => (await b.io.in('room-2').fetchSockets()).length === 1, 'socketsJoin');
    expect(a.cluster.stats()).toMatchObject({ gaps: 0, publishFailures: 0 });
    expect(b.cluster.stats()).toMatchObject({ received: expect.any(Number), gaps: 0, duplicates: 0 });
  });

  it("counts its reader's reconnects, loses nothing across one, and closes the connections it opened", async () => {
    const before = (await connections()).length;
    const streamName = `adapter-${randomUUID()}`;
    const a = await startNode(streamName);
    const b = await startNode(streamName);
    b.io.on('connection', (socket) => socket.join('room-1'));
    const onB = await connect(b.url);
    // Each node: its own client, a reader and a subscriber.
    await until(async () => (await connections()).filter((c) => c.cmd === 'xread').length === 2, 'both readers');

    for (const reader of (await connections()).filter((c) => c.cmd === 'xread')) {
      await admin.sendCommand(['CLIENT', 'KILL', 'ID', reader.id]);
    }
    // Sent while the readers reconnect: the stream keeps it for them.
    const received = next(onB, 'after-reconnect');
    a.io.to('room-1').emit('after-reconnect', 1);
    expect(await received).toBe(1);
    await until(() => b.cluster.stats().readerReconnects >= 1, 'the reconnect count');
    expect(b.cluster.stats()).toMatchObject({ gaps: 0 });

    await a.io.close();
    await b.io.close();
    // Client connections are the test's own; the readers and subscribers are gone.
    await until(async () => (await connections()).length <= before + 2, 'the adapter connections to close');
  });
});
