/**
 * The server of the abuse bench: `attachMeetings` with JWT auth (so users are told apart) and
 * default limits, or (`BENCH_LIMITS=off`) with the per-user, per-address, join and slow-reader
 * limits turned off — the baseline of before they existed. `GET /rss` answers the current and
 * the peak RSS (sampled every 20 ms) and resets the peak.
 */
import { createServer } from 'node:http';
import { attachMeetings } from '@mentara/meetings-server';

const secret = process.env.BENCH_SECRET ?? 'abuse-bench-secret-0123456789abcdef';
const off = process.env.BENCH_LIMITS === 'off';
const limits = off
  ? {
      connectionsPerUser: Infinity,
      connectionsPerIp: Infinity,
      eventsPerSecondPerUser: Infinity,
      eventsPerSecondPerIp: Infinity,
      joinsPerMinute: Infinity,
      joinsBurst: Infinity,
      maxBufferedBytes: Infinity,
    }
  : {};
let peak = 0;
const sample = (): number => {
  const { rss } = process.memoryUsage();
  peak = Math.max(peak, rss);
  return rss;
};
setInterval(sample, 20).unref();
const http = createServer((req, res) => {
  if (req.url !== '/rss') return void res.writeHead(404).end();
  const rss = sample();
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ rss, peak }));
  peak = rss;
});
attachMeetings(http, { auth: { secret }, waitingRoom: false, limits });
http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const address = http.address();
  process.stdout.write(`${JSON.stringify({ ready: true, port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
