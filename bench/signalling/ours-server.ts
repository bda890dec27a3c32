/**
 * Our server for the bench: `attachMeetings` on one node with the in-memory store
 * (`BENCH_MODE=memory`), or one node of several sharing Redis (`BENCH_MODE=redis`, `REDIS_URL`).
 * Anonymous auth (the bench measures the relay path, as the bare baseline does); default per-socket
 * limits. The per-address and per-user budgets are off: every load-generator socket comes from
 * 127.0.0.1, which a real deployment never sees (there, one address per client or `clientAddress`).
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createClient } from 'redis';
import { attachMeetings } from '@mentara/meetings-server';
import { createRedisScaleOut } from '../../packages/server-adapter/src/redis/index';
// @ts-expect-error -- plain JS helper shared with the bare server
import { announceReady, memoryResponder } from './memory-endpoint.mjs';

const mode = process.env.BENCH_MODE ?? 'memory';
// BENCH_EVENTS_PER_SECOND lowers the per-socket rate limit, to check that refusals are counted.
const eventsPerSecond = Number(process.env.BENCH_EVENTS_PER_SECOND) || undefined;
const limits = {
  limits: {
    connectionsPerIp: Infinity,
    eventsPerSecondPerIp: Infinity,
    connectionsPerUser: Infinity,
    eventsPerSecondPerUser: Infinity,
    ...(eventsPerSecond ? { eventsPerSecond } : {}),
  },
};
/** `GET /stats`: the Redis scale-out's stream counters (appended, read from other nodes), when there is one. */
let stats: () => unknown = () => ({});
const http = createServer((req, res) => {
  if (req.url !== '/stats') return (memoryResponder as (q: typeof req, s: typeof res) => void)(req, res);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(stats()));
});

if (mode === 'redis') {
  const redis = createClient({ url: process.env.REDIS_URL });
  redis.on('error', () => undefined);
  await redis.connect();
  // Each variant of a run its own keys and streams (BENCH_REDIS_PREFIX): they share one redis-server.
  const prefix = process.env.BENCH_REDIS_PREFIX;
  const scaleOut = createRedisScaleOut({
    client: redis,
    nodeId: process.env.NODE_ID ?? 'bench-node',
    ...(prefix ? { keyPrefix: prefix, adapter: { streamName: `${prefix}stream`, channelPrefix: `${prefix}sio` } } : {}),
  });
  const io = new Server(http, { adapter: scaleOut.adapter, transports: ['websocket'], serveClient: false });
  const meetings = attachMeetings(io, { store: scaleOut.store, nodeId: scaleOut.nodeId, allowAnonymous: true, ...limits });
  await scaleOut.start(meetings);
  process.on('SIGUSR2', () => process.stderr.write(`${JSON.stringify(scaleOut.stats())}\n`));
  stats = () => scaleOut.stats().adapter;
} else {
  attachMeetings(http, { allowAnonymous: true, ...limits });
}

http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => announceReady(http));
process.on('SIGTERM', () => process.exit(0));
