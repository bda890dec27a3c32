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
import type { NodeRoutingAdapter } from '../socket/node-routes';
import { MAX_ENTRY_BYTES } from './stream-adapter';
import { encodeEntry } from './stream-codec';
import { ownStreamName, StreamLink } from './stream-link';

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

  it('sends a broadcast to one routed room to that node alone, once the node says it reads its own stream', async () => {
    const streamName = `adapter-${randomUUID()}`;
    const nodes = { a: await startNode(streamName), b: await startNode(streamName), c: await startNode(streamName) };
    // What a meeting server would tell each adapter: room `p:b` lives on node b.
    for (const [nodeId, node] of Object.entries(nodes)) {
      const stop = (node.io.of('/').adapter as unknown as NodeRoutingAdapter).routeByNode({ nodeId, nodeOf: (room) => (room === 'p:b' ? 'b' : undefined) });
      cleanups.push(stop);
    }
    nodes.b.io.on('connection', (socket) => socket.join(['p:b', 'everyone']));
    nodes.c.io.on('connection', (socket) => socket.join('everyone'));
    const onB = await connect(nodes.b.url);
    const onC = await connect(nodes.c.url);
    await until(async () => (await nodes.a.io.in('everyone').fetchSockets()).length === 2, 'the joins');

    // Before node b has said anything on the shared stream, a knows nothing of its own stream: every node reads the message.
    const first = next(onB, 'to-b');
    const cBefore = nodes.c.cluster.stats().received;
    nodes.a.io.to('p:b').emit('to-b', -1);
    expect(await first).toBe(-1);
    await until(() => nodes.c.cluster.stats().received > cBefore, 'node c to read the unrouted message');
    expect(nodes.a.cluster.stats().routed).toBe(0);

    // Node b broadcasts once (its entry names it), then a routes what goes to `p:b` to b's stream.
    const hello = next(onC, 'hello');
    const aBefore = nodes.a.cluster.stats().received;
    nodes.b.io.to('everyone').emit('hello', 'from b');
    expect(await hello).toBe('from b');
    await until(() => nodes.a.cluster.stats().received > aBefore, 'node a to read node b');

    const got: number[] = [];
    onB.on('to-b', (n: number) => got.push(n));
    const before = { a: nodes.a.cluster.stats(), b: nodes.b.cluster.stats(), c: nodes.c.cluster.stats() };
    for (let n = 0; n < 150; n += 1) {
      nodes.a.io.to('p:b').emit('to-b', n);
      if (n % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => got.length === 150, 'the routed messages');
    expect(got).toEqual(Array.from({ length: 150 }, (_, n) => n));
    const after = { a: nodes.a.cluster.stats(), b: nodes.b.cluster.stats(), c: nodes.c.cluster.stats() };
    expect(after.a.routed - before.a.routed).toBe(150);
    expect(after.b.receivedDirect - before.b.receivedDirect).toBe(150);
    expect(after.b.received - before.b.received).toBe(150);
    // Neither the third node nor the origin read any of it back.
    expect(after.c.received).toBe(before.c.received);
    expect(Number(await admin.sendCommand(['XLEN', ownStreamName(streamName, 'c')]))).toBe(0);
    for (const stats of Object.values(after)) expect(stats).toMatchObject({ gaps: 0, duplicates: 0, publishFailures: 0 });

    // A broadcast with a room excepted, or to several rooms, still goes to every node.
    const all = next(onC, 'all');
    nodes.a.io.to(['p:b', 'everyone']).emit('all', 1);
    expect(await all).toBe(1);
    expect(nodes.a.cluster.stats().routed - after.a.routed).toBe(0);

    // A node's own stream holds what it has not read: what it read is trimmed (at most once a
    // second), and it has a lifetime while it is read. It is gone when the node closes.
    const own = ownStreamName(streamName, 'b');
    expect(Number(await admin.sendCommand(['PTTL', own]))).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const last = next(onB, 'to-b');
    nodes.a.io.to('p:b').emit('to-b', 150);
    expect(await last).toBe(150);
    await until(async () => Number(await admin.sendCommand(['XLEN', own])) <= 1, "node b's stream to be trimmed to what it has not read");
    await nodes.b.io.close();
    await until(async () => Number(await admin.sendCommand(['EXISTS', own])) === 0, "node b's stream to be deleted");
  });

  it("delivers what the shared stream held before an entry of this node's own stream first, even when a read is cut at COUNT", async () => {
    const streamName = `adapter-${randomUUID()}`;
    const client = createClient({ url: server.url });
    await client.connect();
    const link = new StreamLink(client, { streamName, maxLen: 1000, readCount: 5, blockTimeInMs: 100 }, silentLogger, () => undefined);
    const got: string[] = [];
    const stop = link.receive('/', (entry, _offset, direct) => got.push(`${direct ? 'direct' : 'shared'}:${(entry.messages[0] as unknown as { data: { n: number } }).data.n}`));
    cleanups.push(async () => {
      stop();
      await client.quit();
    });
    await link.readOwnStream('node-x');
    // The reader's next XREAD names both streams (it blocks for at most 100 ms at a time).
    await until(async () => (await connections()).some((c) => c.cmd === 'xread'), 'the reader');
    await new Promise((resolve) => setTimeout(resolve, 250));

    // Twenty broadcasts, then one message routed to this node, appended in one step: the reader's
    // next XREAD sees all of them but gets five shared entries per read.
    const entry = (n: number, seq: number): string[] => encodeEntry({ uid: 'origin', nsp: '/', type: 3, data: { n } } as never, [1, seq]);
    const multi = admin.multi();
    for (let n = 0; n < 20; n += 1) multi.addCommand(['XADD', streamName, '*', ...entry(n, n + 1)]);
    multi.addCommand(['XADD', ownStreamName(streamName, 'node-x'), '*', ...entry(100, 1)]);
    await multi.exec();
    await until(() => got.length === 21, 'every entry');
    expect(got).toEqual([...Array.from({ length: 20 }, (_, n) => `shared:${n}`), 'direct:100']);
  });

  it("checks each origin's sequence on a node's own stream apart from the shared one, and reports a loss on it", async () => {
    const streamName = `adapter-${randomUUID()}`;
    const b = await startNode(streamName);
    cleanups.push((b.io.of('/').adapter as unknown as NodeRoutingAdapter).routeByNode({ nodeId: 'b', nodeOf: () => undefined }));
    const gaps: unknown[] = [];
    cleanups.push(b.cluster.onGap((gap) => gaps.push(gap)));
    b.io.on('connection', (socket) => socket.join('p:b'));
    const onB = await connect(b.url);
    await until(async () => (await b.io.in('p:b').fetchSockets()).length === 1, 'the join');
    const got: number[] = [];
    onB.on('n', (n: number) => got.push(n));
    // What another node's adapter appends: a broadcast to room `p:b`, stamped [bootedAt, seq].
    const entry = (n: number, seq: number): string[] =>
      encodeEntry({ uid: 'origin-x', nsp: '/', type: 3, data: { packet: { type: 2, data: ['n', n], nsp: '/' }, opts: { rooms: ['p:b'], except: [], flags: {} } } } as never, [1, seq]);
    const own = ownStreamName(streamName, 'b');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the reader's next XREAD names its own stream

    // The origin's shared sequence is at 40; its sequence on b's stream starts at 1: no gap.
    await admin.sendCommand(['XADD', streamName, '*', ...entry(0, 40)]);
    await admin.sendCommand(['XADD', own, '*', ...entry(1, 1)]);
    await admin.sendCommand(['XADD', own, '*', ...entry(2, 2)]);
    await until(() => got.length === 3, 'three messages');
    expect(b.cluster.stats()).toMatchObject({ gaps: 0, receivedDirect: 2, received: 3 });

    // Seq 3 on b's stream never arrives: the next one shows the loss.
    await admin.sendCommand(['XADD', own, '*', ...entry(4, 4)]);
    await until(() => got.length === 4, 'the message after the loss');
    expect(b.cluster.stats()).toMatchObject({ gaps: 1, missingMessages: 1 });
    expect(gaps).toEqual([expect.objectContaining({ origin: 'origin-x', missing: 1 })]);
  });
});
