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
import { MAX_ENTRY_BYTES } from './stream-adapter';
import { StreamLink } from './stream-link';

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

  it('sends what one turn of the event loop broadcasts as one stream entry, delivered in order', async () => {
    const streamName = `adapter-${randomUUID()}`;
    const a = await startNode(streamName);
    const b = await startNode(streamName);
    b.io.on('connection', (socket) => socket.join('room-1'));
    const onB = await connect(b.url);
    await until(async () => (await b.io.in('room-1').fetchSockets()).length === 1, 'the join');

    const got: number[] = [];
    onB.on('burst', (n: number) => got.push(n));
    const before = { ...a.cluster.stats() };
    const entriesBefore = Number(await admin.sendCommand(['XLEN', streamName]));
    for (let n = 0; n < 250; n += 1) a.io.to('room-1').emit('burst', n);
    await until(() => got.length === 250, 'the burst');
    expect(got).toEqual(Array.from({ length: 250 }, (_, n) => n));

    // 250 messages in one turn: three entries (at most 100 messages each), not 250.
    expect(a.cluster.stats().published - before.published).toBe(250);
    expect(a.cluster.stats().entriesAppended - before.entriesAppended).toBe(3);
    expect(Number(await admin.sendCommand(['XLEN', streamName])) - entriesBefore).toBe(3);
    expect(b.cluster.stats()).toMatchObject({ gaps: 0, duplicates: 0 });

    // A message on its own, a turn later, still goes out as an entry of one.
    const single = next(onB, 'single');
    a.io.to('room-1').emit('single', 'x');
    expect(await single).toBe('x');
    expect(a.cluster.stats().entriesAppended - before.entriesAppended).toBe(4);
    expect(b.cluster.stats()).toMatchObject({ gaps: 0, duplicates: 0 });
  });

  it('keeps an entry within its byte cap, and trims the stream by messages, not entries', async () => {
    const streamName = `adapter-${randomUUID()}`;
    const a = await startNode(streamName);
    const b = await startNode(streamName);
    b.io.on('connection', (socket) => socket.join('room-1'));
    const onB = await connect(b.url);
    await until(async () => (await b.io.in('room-1').fetchSockets()).length === 1, 'the join');
    const got: number[] = [];
    onB.on('big', (n: number) => got.push(n));
    const before = a.cluster.stats().entriesAppended;
    // Five messages of ~30 KB in one turn: two fit under the cap per entry, so three entries.
    const filler = 'x'.repeat(30 * 1024);
    for (let n = 0; n < 5; n += 1) a.io.to('room-1').emit('big', n, filler);
    await until(() => got.length === 5, 'the big messages');
    expect(got).toEqual([0, 1, 2, 3, 4]);
    expect(a.cluster.stats().entriesAppended - before).toBe(3);
    expect(2 * 30 * 1024).toBeLessThan(MAX_ENTRY_BYTES);

    // Entries of ten messages each, a stream capped at 1,000 messages: about 100 entries stay
    // (Redis trims whole nodes of 100 entries), where entries of one message would keep 1,000.
    const client = createClient({ url: server.url });
    await client.connect();
    cleanups.push(() => client.quit());
    const trimmed = `${streamName}-trim`;
    const link = new StreamLink(client, { streamName: trimmed, maxLen: 1000, readCount: 100, blockTimeInMs: 100 }, silentLogger, () => undefined);
    for (let i = 0; i < 1500; i += 1) await link.append(['uid', 'x', 'nsp', '/', 'type', '3', 'data', '{}'], 10);
    expect(Number(await admin.sendCommand(['XLEN', trimmed]))).toBeLessThanOrEqual(300);
    const singles = `${streamName}-singles`;
    const single = new StreamLink(client, { streamName: singles, maxLen: 1000, readCount: 100, blockTimeInMs: 100 }, silentLogger, () => undefined);
    for (let i = 0; i < 1500; i += 1) await single.append(['uid', 'x', 'nsp', '/', 'type', '3', 'data', '{}']);
    expect(Number(await admin.sendCommand(['XLEN', singles]))).toBeGreaterThanOrEqual(1000);
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
