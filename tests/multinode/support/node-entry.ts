/**
 * One meeting server node for the multi-node tests: HTTP server on a free loopback port,
 * Socket.IO with the Redis streams adapter, `attachMeetings` on the Redis store, heartbeats and
 * the dead-node sweeper. Prints one JSON line `{"ready":true,"port":…,"nodeId":…}` when ready;
 * `GET /stats` answers the scale-out counters. SIGTERM closes it gracefully.
 *
 * Env: REDIS_URL, NODE_ID, JWT_SECRET, optional STREAM_MAX_LEN, HEARTBEAT_MS, HEARTBEAT_TTL_MS, SWEEP_MS,
 * WAITING_ROOM (`true` turns the waiting room on; the tests of the other rules run without it),
 * CHAT_HISTORY (`none` / `all`).
 */
import { createServer } from 'node:http';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { attachMeetings } from '@mentara/meetings-server';
import { createRedisScaleOut } from '../../../packages/server-adapter/src/redis/index';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const optionalNumber = (name: string): number | undefined =>
  process.env[name] ? Number(process.env[name]) : undefined;

const redis = createClient({ url: env('REDIS_URL') });
redis.on('error', () => undefined); // reconnects by itself; failures surface as command errors
await redis.connect();

const maxLen = optionalNumber('STREAM_MAX_LEN');
const scaleOut = createRedisScaleOut({
  client: redis,
  nodeId: env('NODE_ID'),
  adapter: maxLen !== undefined ? { maxLen } : {},
  liveness: {
    ...(optionalNumber('HEARTBEAT_MS') !== undefined ? { heartbeatIntervalMs: optionalNumber('HEARTBEAT_MS') } : {}),
    ...(optionalNumber('HEARTBEAT_TTL_MS') !== undefined ? { heartbeatTtlMs: optionalNumber('HEARTBEAT_TTL_MS') } : {}),
    ...(optionalNumber('SWEEP_MS') !== undefined ? { sweepIntervalMs: optionalNumber('SWEEP_MS') } : {}),
  },
  resync: { spreadMs: 300 },
  logger: {
    debug: () => undefined,
    info: () => undefined,
    warn: (fields, message) => process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...fields })}\n`),
    error: (fields, message) => process.stderr.write(`${JSON.stringify({ level: 'error', message, ...fields })}\n`),
  },
});

const http = createServer((req, res) => {
  if (req.url === '/stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(scaleOut.stats()));
    return;
  }
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, { adapter: scaleOut.adapter, transports: ['websocket'], serveClient: false });
const chatHistory = process.env.CHAT_HISTORY === 'all' ? 'all' : process.env.CHAT_HISTORY === 'none' ? 'none' : undefined;
const meetings = attachMeetings(io, {
  store: scaleOut.store,
  nodeId: scaleOut.nodeId,
  auth: { secret: env('JWT_SECRET') },
  waitingRoom: process.env.WAITING_ROOM === 'true',
  ...(chatHistory ? { chatHistory } : {}),
  // Short, so a test can watch an empty meeting end; long enough not to interfere otherwise.
  emptyMeetingTimeoutMs: 60_000,
});
await scaleOut.start(meetings);

await new Promise<void>((resolve) => http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
const address = http.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ ready: true, port, nodeId: scaleOut.nodeId })}\n`);

let closing = false;
process.on('SIGTERM', () => {
  if (closing) return;
  closing = true;
  void (async () => {
    await meetings.close();
    await scaleOut.close();
    io.close();
    await redis.quit().catch(() => undefined);
    process.exit(0);
  })();
});
