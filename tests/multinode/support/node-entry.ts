/**
 * One meeting server node for the multi-node tests: HTTP server on a free loopback port,
 * Socket.IO with the Redis streams adapter, `attachMeetings` on the Redis store, heartbeats and
 * the dead-node sweeper. Prints one JSON line `{"ready":true,"port":…,"nodeId":…}` when ready;
 * `GET /stats` answers the scale-out counters. SIGTERM closes it gracefully.
 *
 * Env: REDIS_URL, NODE_ID, JWT_SECRET, optional STREAM_MAX_LEN, HEARTBEAT_MS, HEARTBEAT_TTL_MS, SWEEP_MS,
 * WAITING_ROOM (`true` turns the waiting room on; the tests of the other rules run without it),
 * CHAT_HISTORY (`none` / `all`), WEBHOOK_URL and WEBHOOK_SECRET (signed webhooks through the Redis
 * outbox, quick retries), API_KEY (the meetings REST API under `/api/meetings`).
 */
import { createServer } from 'node:http';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { attachMeetings, createMeetingsApiHandler, type NodeRequestHandler, type WebhookOptions } from '@mentara/meetings-server';
import { createRedisScaleOut, RedisWebhookOutbox } from '../../../packages/server-adapter/src/redis/index';

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

let api: NodeRequestHandler | undefined;
const http = createServer((req, res) => {
  if (api && req.url?.startsWith('/api/meetings')) return void api(req, res);
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
// Every node shares one outbox in Redis: whichever node claims a meeting's queue delivers it.
const webhooks: WebhookOptions | undefined = process.env.WEBHOOK_URL
  ? {
      url: process.env.WEBHOOK_URL,
      secret: env('WEBHOOK_SECRET'),
      outbox: new RedisWebhookOutbox({ client: redis }),
      retry: { initialDelayMs: 200, maxDelayMs: 1000 },
      pollIntervalMs: 200,
    }
  : undefined;
const meetings = attachMeetings(io, {
  store: scaleOut.store,
  nodeId: scaleOut.nodeId,
  auth: { secret: env('JWT_SECRET') },
  waitingRoom: process.env.WAITING_ROOM === 'true',
  ...(chatHistory ? { chatHistory } : {}),
  // Short, so a test can watch an empty meeting end; long enough not to interfere otherwise.
  emptyMeetingTimeoutMs: 60_000,
  ...(webhooks ? { webhooks } : {}),
});
if (process.env.API_KEY) {
  api = createMeetingsApiHandler({ meetings, apiKeys: [process.env.API_KEY], auth: { secret: env('JWT_SECRET') }, frontendUrl: 'https://app.example' });
}
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
