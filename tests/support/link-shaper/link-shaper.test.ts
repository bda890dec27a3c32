import { createSocket, type Socket } from 'node:dgram';
import { createServer, connect, type Server } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinkShaper, type LinkShaper, type ShaperEndpoint } from './link-shaper';
import { seededRandom } from './seeded-random';

// Real UDP on loopback: a sink stands in for the TURN server, a client socket for the browser.
// Every run is bounded by its packet count; waits are bounded in time.

interface Arrival {
  seq: number;
  oneWayMs: number;
  at: number;
  bytes: number;
}

const opened: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

async function udpSocket(): Promise<Socket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  opened.push({ close: () => new Promise<void>((r) => socket.close(() => r())) });
  return socket;
}

/** A sink that records every datagram's sequence number and one-way time (sender's clock = ours). */
async function sink(): Promise<{ port: number; arrivals: Arrival[]; socket: Socket }> {
  const socket = await udpSocket();
  const arrivals: Arrival[] = [];
  socket.on('message', (msg) => {
    const at = performance.now();
    arrivals.push({ seq: msg.readUInt32BE(0), oneWayMs: at - msg.readDoubleBE(4), at, bytes: msg.length });
  });
  return { port: socket.address().port, arrivals, socket };
}

async function shaperTo(port: number, options: { tcpTarget?: number } = {}): Promise<LinkShaper> {
  const shaper = createLinkShaper({ udpTarget: port, random: seededRandom(7), ...options });
  opened.push(shaper);
  return shaper;
}

/** Send `count` datagrams of `bytes` to the endpoint, `perTick` at a time every `everyMs`. */
async function send(client: Socket, endpoint: ShaperEndpoint, count: number, bytes: number, perTick: number, everyMs: number) {
  for (let seq = 0; seq < count; seq += 1) {
    const msg = Buffer.alloc(bytes);
    msg.writeUInt32BE(seq, 0);
    msg.writeDoubleBE(performance.now(), 4);
    client.send(msg, endpoint.udpPort, '127.0.0.1');
    if ((seq + 1) % perTick === 0) await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Wait until `done()` or `timeoutMs` passed. */
async function until(done: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

describe('link shaper (UDP relay on loopback)', () => {
  it('relays both ways through one upstream socket per client', async () => {
    const server = await sink();
    const shaper = await shaperTo(server.port);
    const endpoint = await shaper.addEndpoint('client');
    const client = await udpSocket();
    const replies: string[] = [];
    client.on('message', (msg) => replies.push(msg.toString()));
    server.socket.on('message', (_msg, from) => server.socket.send('pong', from.port, from.address));
    await send(client, endpoint, 3, 64, 3, 0);
    await until(() => replies.length === 3, 2_000);
    expect(replies).toEqual(['pong', 'pong', 'pong']);
    expect(endpoint.stats().up.delivered).toBe(3);
    expect(endpoint.stats().down.delivered).toBe(3);
  });

  it('drops the configured share of datagrams', async () => {
    const server = await sink();
    const endpoint = await (await shaperTo(server.port)).addEndpoint('client', { loss: 0.1 });
    const client = await udpSocket();
    await send(client, endpoint, 2_000, 200, 20, 2);
    await new Promise((r) => setTimeout(r, 200));
    await until(() => endpoint.stats().up.delivered + endpoint.stats().up.lost === endpoint.stats().up.offered && server.arrivals.length >= endpoint.stats().up.delivered, 5_000);
    const { up } = endpoint.stats();
    // The kernel may drop a few datagrams before the relay reads them on a busy machine: the
    // shaper's own loss is measured against what reached it.
    expect(up.offered).toBeGreaterThan(1_800);
    // 10 % ± 4 σ of a binomial draw over 2 000 packets.
    expect(up.lost / up.offered).toBeGreaterThan(0.073);
    expect(up.lost / up.offered).toBeLessThan(0.127);
    expect(server.arrivals.length).toBe(up.delivered);
  });

  it('delays every datagram by the configured delay ± jitter and keeps their order', async () => {
    const server = await sink();
    const endpoint = await (await shaperTo(server.port)).addEndpoint('client', { delayMs: 60, jitterMs: 10 });
    const client = await udpSocket();
    await send(client, endpoint, 100, 100, 1, 5);
    await until(() => server.arrivals.length === 100, 5_000);
    expect(server.arrivals).toHaveLength(100);
    // Never early: the shaper holds each packet at least delay − jitter.
    expect(Math.min(...server.arrivals.map((a) => a.oneWayMs))).toBeGreaterThanOrEqual(49);
    // Timers only fire late; the median stays near the configured delay on a loaded machine too.
    expect(median(server.arrivals.map((a) => a.oneWayMs))).toBeLessThan(60 + 80);
    expect(server.arrivals.map((a) => a.seq)).toEqual([...Array(100).keys()]);
  });

  it('limits the rate to the configured bit rate', async () => {
    const server = await sink();
    const endpoint = await (await shaperTo(server.port)).addEndpoint('client', { rateBps: 1_000_000, queueMs: 5_000 });
    const client = await udpSocket();
    // 250 × 1 000 B = 2 Mbit offered in ~0.1 s: the bottleneck spreads it over ~2 s.
    const started = performance.now();
    await send(client, endpoint, 250, 1_000, 25, 10);
    await until(() => server.arrivals.length === 250, 8_000);
    expect(server.arrivals).toHaveLength(250);
    // From the first send to the last arrival: the last datagram cannot leave before all 2 Mbit
    // went through the bottleneck, so this is never faster than the rate; a loaded event loop
    // (late timers) can only make it slower.
    const rate = (250 * 1_000 * 8) / ((server.arrivals.at(-1)!.at - started) / 1000);
    expect(rate).toBeLessThanOrEqual(1_000_000);
    expect(rate).toBeGreaterThan(1_000_000 * 0.6);
  });

  it('bounds the queue: a burst beyond queueMs is tail-dropped', async () => {
    const server = await sink();
    // 200 kbit/s with a 200 ms queue holds 5 000 B: five of the fifty 1 000 B datagrams.
    const endpoint = await (await shaperTo(server.port)).addEndpoint('client', { rateBps: 200_000, queueMs: 200 });
    const client = await udpSocket();
    await send(client, endpoint, 50, 1_000, 50, 0);
    await until(() => endpoint.stats().up.offered === 50 && server.arrivals.length === endpoint.stats().up.delivered, 3_000);
    await until(() => endpoint.stats().up.delivered + endpoint.stats().up.overflowed === 50, 3_000);
    const { up } = endpoint.stats();
    expect(up.overflowed).toBeGreaterThanOrEqual(40);
    expect(up.delivered).toBe(50 - up.overflowed);
    expect(up.maxQueueMs).toBeLessThanOrEqual(200);
  });

  it('changes the shape at run time (good → blackhole → good)', async () => {
    const server = await sink();
    const endpoint = await (await shaperTo(server.port)).addEndpoint('client');
    const client = await udpSocket();
    await send(client, endpoint, 20, 100, 20, 0);
    await until(() => server.arrivals.length === 20, 2_000);
    endpoint.set({ loss: 1 });
    await send(client, endpoint, 20, 100, 20, 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(server.arrivals).toHaveLength(20);
    endpoint.set({});
    await send(client, endpoint, 20, 100, 20, 0);
    await until(() => server.arrivals.length === 40, 2_000);
    expect(server.arrivals).toHaveLength(40);
    expect(endpoint.profile().up.loss).toBe(0);
  });

  it('cross traffic fills the queue to its bound, so real packets wait that long (a deep queue)', async () => {
    const server = await sink();
    const endpoint = await (await shaperTo(server.port)).addEndpoint('client', { rateBps: 400_000, queueMs: 1_000 });
    const client = await udpSocket();
    const stop = endpoint.flood({ bps: 1_200_000, direction: 'up', maxMs: 3_000 });
    // Filling 1 s of queue at 800 kbit/s of excess takes 0.5 s.
    await new Promise((r) => setTimeout(r, 800));
    await send(client, endpoint, 5, 100, 1, 20);
    stop();
    await until(() => server.arrivals.length === 5, 3_000);
    // The flood overflowed the queue (it sat at its bound); what got in waited behind it.
    expect(endpoint.stats().up.overflowed).toBeGreaterThan(0);
    expect(server.arrivals.length).toBeGreaterThan(0);
    for (const { oneWayMs } of server.arrivals) expect(oneWayMs).toBeGreaterThan(800);
  });
});

describe('link shaper (TCP relay)', () => {
  it('carries a byte stream intact behind the same bottleneck', async () => {
    const received: Buffer[] = [];
    const server: Server = createServer((socket) => socket.on('data', (d) => received.push(d)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    opened.push({ close: () => new Promise<void>((r) => server.close(() => r())) });
    const port = (server.address() as { port: number }).port;
    const endpoint = await (await shaperTo(port, { tcpTarget: port })).addEndpoint('client', { rateBps: 400_000, delayMs: 20, loss: 0.05 });
    const payload = Buffer.from(Array.from({ length: 40_000 }, (_, i) => i % 251));
    const started = performance.now();
    const socket = connect({ host: '127.0.0.1', port: endpoint.tcpPort! });
    opened.push({ close: () => socket.destroy() });
    socket.write(payload);
    await until(() => Buffer.concat(received).length === payload.length, 8_000);
    // 320 kbit at 400 kbit/s takes at least 0.8 s; losses delay segments but never drop them.
    expect(performance.now() - started).toBeGreaterThan(780);
    expect(Buffer.concat(received).equals(payload)).toBe(true);
    expect(endpoint.stats().up.retransmitted).toBeGreaterThan(0);
  });
});
