/**
 * The baseline: the least a Socket.IO signalling relay can do. `join-meeting` joins a room and
 * acknowledges with the ids already there; signals go to the addressed socket id; chat goes to
 * the room. No validation, no auth, no store, no rate limit — the ceiling our server is compared to.
 *
 * `BENCH_MODE=redis` (with `REDIS_URL`) runs it as one node of several on Socket.IO's plain Redis
 * adapter (`@socket.io/redis-adapter`, pub/sub): the bare cost of a cross-node relay, and what
 * that adapter loses without telling anyone when a subscriber falls behind.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { announceReady, memoryResponder } from './memory-endpoint.mjs';

const http = createServer(memoryResponder);
const io = new Server(http, { transports: ['websocket'], serveClient: false, maxHttpBufferSize: 1e6 });

if (process.env.BENCH_MODE === 'redis') {
  const [{ createClient }, { createAdapter }] = await Promise.all([import('redis'), import('@socket.io/redis-adapter')]);
  const pub = createClient({ url: process.env.REDIS_URL });
  const sub = pub.duplicate();
  // The adapter's own choice: errors are logged by nobody, reconnects are silent.
  pub.on('error', () => undefined);
  sub.on('error', () => undefined);
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
}

const meetings = io.of('/meetings');
let chatSeq = 0;

meetings.on('connection', (socket) => {
  socket.on('join-meeting', async (payload, ack) => {
    const room = `m:${payload.meetingId}`;
    // This node's sockets only, also on Redis: a cross-node roster (`allSockets()`, a request to
    // every node) would slow the baseline down, and the bench's clients do not read it.
    const others = [...(meetings.adapter.rooms.get(room) ?? [])];
    socket.join(room);
    socket.data.room = room;
    const self = { id: socket.id, displayName: payload.displayName };
    socket.to(room).emit('participant-joined', { participant: self });
    ack({ ok: true, data: { self, participants: others.map((id) => ({ id })), chat: [] } });
  });
  socket.on('webrtc-signal', (payload) => {
    meetings.to(payload.to).emit('webrtc-signal', { from: socket.id, signal: payload.signal });
  });
  socket.on('chat-message', (payload, ack) => {
    const message = { id: String(++chatSeq), from: socket.id, text: payload.text, sentAt: Date.now() };
    socket.to(socket.data.room).emit('chat-message', message);
    ack?.({ ok: true, data: message });
  });
});

http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => announceReady(http));
process.on('SIGTERM', () => process.exit(0));
