import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as ioClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { attachMeetings } from './attach';
import { issueMeetingToken } from './auth/issue-token';
import { ack, nextEvent, openClient, TEST_SECRET } from './test-utils/harness';

const listen = async (server: HttpServer): Promise<string> => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
};

describe('attachMeetings', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('on an HTTP server: serves /meetings, and close() leaves the host server and its routes running', async () => {
    const http = createServer((_req, res) => res.end('host route'));
    const url = await listen(http);
    cleanups.push(() => new Promise((r) => http.close(r)));
    const meetings = attachMeetings(http, { auth: { secret: TEST_SECRET }, socketServerOptions: { pingInterval: 5000 } });
    expect(meetings.io.engine.opts.pingInterval).toBe(5000);
    // What is not overridden keeps the adapter's heartbeat: a silent connection is noticed within ~20 s.
    expect(meetings.io.engine.opts.pingTimeout).toBe(10_000);
    expect(await get(`${url}/anything`)).toEqual({ status: 200, body: 'host route' });
    const meetingId = randomUUID();
    const client = await openClient(url, { token: await issueMeetingToken({ secret: TEST_SECRET, userId: 'a', meetingId }) });
    cleanups.push(() => client.close());
    expect((await ack(client, 'join-meeting', { meetingId })).ok).toBe(true);
    const gone = nextEvent(client, 'disconnect' as never);
    await meetings.close();
    await gone;
    await meetings.close(); // idempotent
    expect(http.listening).toBe(true);
    expect(http.listeners('request')).toHaveLength(1);
    expect(http.listeners('upgrade')).toHaveLength(0);
    expect(await get(`${url}/socket.io/?EIO=4&transport=polling`)).toEqual({ status: 200, body: 'host route' });
    // Attaching again after close works (nothing was left behind).
    const again = attachMeetings(http, { auth: { secret: TEST_SECRET } });
    cleanups.push(() => again.close());
    const second = await openClient(url, { token: await issueMeetingToken({ secret: TEST_SECRET, userId: 'b', meetingId }) });
    cleanups.push(() => second.close());
    expect((await ack(second, 'join-meeting', { meetingId })).ok).toBe(true);
  });

  it("on the host's Socket.IO server: adds /meetings and close() removes only it", async () => {
    const http = createServer();
    const io = new Server(http);
    io.of('/chat').on('connection', (s) => s.on('ping-me', (cb: (v: string) => void) => cb('pong')));
    const url = await listen(http);
    cleanups.push(() => io.close());
    const meetings = attachMeetings(io, { auth: { secret: TEST_SECRET } });
    expect(meetings.io).toBe(io);
    const chat = ioClient(`${url}/chat`, { transports: ['websocket'], reconnection: false });
    cleanups.push(() => chat.close());
    await new Promise((r) => chat.once('connect', () => r(null)));
    const meetingId = randomUUID();
    const client = await openClient(url, { token: await issueMeetingToken({ secret: TEST_SECRET, userId: 'a', meetingId }) });
    cleanups.push(() => client.close());
    expect((await ack(client, 'join-meeting', { meetingId })).ok).toBe(true);
    await meetings.close();
    expect(io._nsps.has('/meetings')).toBe(false);
    expect(chat.connected).toBe(true);
    expect(await chat.timeout(2000).emitWithAck('ping-me')).toBe('pong');
  });

  it("leaves a /meetings namespace the host made itself as it was: the host's middleware and listener keep working", async () => {
    const http = createServer();
    const io = new Server(http);
    const hostNamespace = io.of('/meetings');
    hostNamespace.use((socket, next) => next(socket.handshake.auth.pass === 'yes' ? undefined : new Error('host says no')));
    hostNamespace.on('connection', (socket) => socket.on('host-ping', (cb: (v: string) => void) => cb('host-pong')));
    const url = await listen(http);
    cleanups.push(() => io.close());
    const meetings = attachMeetings(io, { auth: { secret: TEST_SECRET } });
    expect(meetings.namespace).toBe(hostNamespace);
    const meetingId = randomUUID();
    const client = await openClient(url, { pass: 'yes', token: await issueMeetingToken({ secret: TEST_SECRET, userId: 'a', meetingId }) });
    cleanups.push(() => client.close());
    expect((await ack(client, 'join-meeting', { meetingId })).ok).toBe(true);
    const gone = nextEvent(client, 'disconnect' as never);
    await meetings.close();
    await gone;
    expect(io._nsps.get('/meetings')).toBe(hostNamespace);
    // No token needed any more (our check stepped aside), the host's own check still applies.
    await expect(openClient(url, { pass: 'no' })).rejects.toMatchObject({ message: 'host says no' });
    const later = ioClient(`${url}/meetings`, { auth: { pass: 'yes' }, transports: ['websocket'], reconnection: false });
    cleanups.push(() => later.close());
    expect(await later.timeout(2000).emitWithAck('host-ping')).toBe('host-pong');
    expect(hostNamespace.listeners('connection')).toHaveLength(1);
  });

  it('refuses disallowed origins on the upgrade and in the namespace, allows listed ones', async () => {
    const http = createServer();
    const url = await listen(http);
    cleanups.push(() => new Promise((r) => http.close(r)));
    const meetings = attachMeetings(http, { auth: { secret: TEST_SECRET }, allowedOrigins: ['https://app.example'] });
    cleanups.push(() => meetings.close());
    const token = await issueMeetingToken({ secret: TEST_SECRET, userId: 'a', meetingId: 'm' });
    await expect(openClient(url, { token }, { extraHeaders: { origin: 'https://evil.example' } })).rejects.toBeDefined();
    const ok = await openClient(url, { token }, { extraHeaders: { origin: 'https://app.example' } });
    ok.close();
    const preflight = await fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://app.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });

  it("checks origins in the namespace when attached to the host's Socket.IO server", async () => {
    const http = createServer();
    const io = new Server(http);
    const url = await listen(http);
    cleanups.push(() => io.close());
    const meetings = attachMeetings(io, { auth: { secret: TEST_SECRET }, allowedOrigins: ['https://app.example'] });
    cleanups.push(() => meetings.close());
    const token = await issueMeetingToken({ secret: TEST_SECRET, userId: 'a', meetingId: 'm' });
    await expect(openClient(url, { token }, { extraHeaders: { origin: 'https://evil.example' } })).rejects.toMatchObject({
      message: 'forbidden',
      data: { code: 'forbidden' },
    });
    (await openClient(url, { token }, { extraHeaders: { origin: 'https://app.example' } })).close();
  });
});
