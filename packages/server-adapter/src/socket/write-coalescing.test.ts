import { randomUUID } from 'node:crypto';
import type { Socket as TcpSocket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { protocolError } from '../errors';
import { collect, nextEvent, settle, startHarness, type Harness } from '../test-utils/harness';
import type { MeetingsSocket } from './types';
import { coalesceWrites } from './write-coalescing';

/** The server's socket of a participant, and a count of the system writes on its TCP connection. */
function serverSide(h: Harness, participantId: string): { socket: MeetingsSocket; writes: () => number } {
  const socket = [...h.meetings.namespace.sockets.values()].find((s) => s.data.session?.participantId === participantId);
  if (!socket) throw new Error('no server socket for the participant');
  const tcp = (socket.conn as unknown as { transport: { socket: { _socket: TcpSocket } } }).transport.socket._socket;
  let writes = 0;
  // Every write reaches the kernel through one of these two: one chunk, or the corked chunks at once.
  const raw = tcp as unknown as { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
  const single = raw._write.bind(tcp);
  const vector = raw._writev.bind(tcp);
  raw._write = (...args) => ((writes += 1), single(...args));
  raw._writev = (...args) => ((writes += 1), vector(...args));
  return { socket, writes: () => writes };
}

const notice = (n: number) => protocolError('rate-limited', 'chat-message', { retryAfterMs: n });

describe('write coalescing', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('sends what a connection is sent within one tick in one system write, in order', async () => {
    const { client, socket, writes } = await joinWatched();
    const received = collect(client, 'webrtc-error');
    for (let i = 0; i < 5; i += 1) socket.emit('webrtc-error', notice(i));
    await settle(100);
    expect(received.map((e) => e.retryAfterMs)).toEqual([0, 1, 2, 3, 4]);
    // Without coalescing: five frames, five writes.
    expect(writes()).toBe(1);
  });

  it('includes what is sent after awaits that resolve in the same tick (an answer built through a few promises)', async () => {
    const { client, socket, writes } = await joinWatched();
    const received = collect(client, 'webrtc-error');
    socket.emit('webrtc-error', notice(0));
    await Promise.resolve();
    socket.emit('webrtc-error', notice(1));
    await Promise.all([Promise.resolve(), Promise.resolve()]);
    socket.emit('webrtc-error', notice(2));
    await settle(100);
    expect(received.map((e) => e.retryAfterMs)).toEqual([0, 1, 2]);
    expect(writes()).toBe(1);
  });

  it('writes separately what is sent in separate ticks (nothing waits for a timer)', async () => {
    const { client, socket, writes } = await joinWatched();
    const first = nextEvent(client, 'webrtc-error');
    socket.emit('webrtc-error', notice(0));
    expect((await first).retryAfterMs).toBe(0);
    const second = nextEvent(client, 'webrtc-error');
    socket.emit('webrtc-error', notice(1));
    expect((await second).retryAfterMs).toBe(1);
    expect(writes()).toBe(2);
  });

  it('still delivers what was sent right before the server disconnects the socket', async () => {
    const { client, socket } = await joinWatched();
    const last = nextEvent(client, 'webrtc-error');
    const gone = new Promise<string>((resolve) => client.once('disconnect', resolve));
    socket.emit('webrtc-error', notice(7));
    socket.disconnect(true);
    expect((await last).retryAfterMs).toBe(7);
    expect(await gone).toBe('io server disconnect');
  });

  it('leaves a value without an Engine.IO connection shape alone, and installs once', () => {
    expect(() => coalesceWrites(undefined)).not.toThrow();
    expect(() => coalesceWrites({})).not.toThrow();
    let flushes = 0;
    const conn = { flush: () => void (flushes += 1) };
    coalesceWrites(conn);
    const wrapped = conn.flush;
    coalesceWrites(conn);
    expect(conn.flush).toBe(wrapped);
    conn.flush();
    conn.flush();
    return new Promise<void>((resolve) =>
      process.nextTick(() => {
        expect(flushes).toBe(1);
        resolve();
      }),
    );
  });

  it('flushes every connection sent something in a tick once, in the order they were first sent to', async () => {
    const order: string[] = [];
    const a = { flush: () => void order.push('a') };
    const b = { flush: () => void order.push('b') };
    coalesceWrites(a);
    coalesceWrites(b);
    b.flush();
    a.flush();
    b.flush();
    await new Promise((resolve) => process.nextTick(resolve));
    expect(order).toEqual(['b', 'a']);
  });

  it('keeps that order round after round; a flush that sends more queues it for the next round, and a failing one holds no other back', async () => {
    const tick = () => new Promise((resolve) => process.nextTick(resolve));
    const order: string[] = [];
    const conns = ['a', 'b', 'c'].map((name) => ({ flush: () => void order.push(name) }));
    for (const conn of conns) coalesceWrites(conn);
    const [a, b, c] = conns as [(typeof conns)[0], (typeof conns)[0], (typeof conns)[0]];
    for (let round = 0; round < 4; round += 1) {
      (round % 2 ? a : c).flush();
      b.flush();
      (round % 2 ? c : a).flush();
      await tick();
    }
    expect(order).toEqual(['c', 'b', 'a', 'a', 'b', 'c', 'c', 'b', 'a', 'a', 'b', 'c']);

    // A drain handler's send during a round: flushed in the next round, not lost or doubled.
    order.length = 0;
    const draining = { flush: () => (order.push('draining'), c.flush()) };
    coalesceWrites(draining);
    draining.flush();
    a.flush();
    await tick();
    await tick();
    expect(order).toEqual(['draining', 'a', 'c']);

    // A connection whose flush throws: the others of its round are still flushed, the error surfaces.
    order.length = 0;
    const failing = { flush: (): void => { throw new Error('socket gone'); } };
    coalesceWrites(failing);
    const surfaced = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    failing.flush();
    b.flush();
    expect(((await surfaced) as Error).message).toBe('socket gone');
    await tick();
    expect(order).toEqual(['b']);
    a.flush();
    await tick();
    expect(order).toEqual(['b', 'a']);
  });

  it('gives each of the people told about a join one write for what the join sends them', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const first = await h.joinAs('client', meetingId);
    const second = await h.joinAs('family', meetingId);
    const counts = [serverSide(h, first.joined.self.id), serverSide(h, second.joined.self.id)];
    const told = [nextEvent(first.client, 'participant-joined'), nextEvent(second.client, 'participant-joined')];
    await h.joinAs('therapist', meetingId, 'host');
    await Promise.all(told);
    await settle(100);
    expect(counts.map((c) => c.writes())).toEqual([1, 1]);
  });

  /** A fresh server with one participant joined, its server socket, and the writes on its connection. */
  async function joinWatched() {
    h = await startHarness();
    const { client, joined } = await h.joinAs('client', randomUUID());
    return { client, ...serverSide(h, joined.self.id) };
  }
});
