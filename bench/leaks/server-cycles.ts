/**
 * `npm run bench:leaks`: what the server holds before and after rounds of 1,000 join/leave
 * cycles (4 meetings side by side, 3 participants coming and going in each, every other meeting
 * with a waiting room where the host admits two and denies one; each participant sends a chat
 * message and a signal, half leave by `leave-meeting`, half by dropping the connection).
 *
 * Printed per round: the heap after forced full collections (server and clients share this
 * process), its growth over the warmed-up baseline, the server's `diagnostics()` once everything
 * settled (all 0 when nothing leaked), the time the round took, and the load average beside
 * them, since the machine is shared. Loopback only; every round is bounded in count and time.
 *
 * Options: --rounds=3 (rounds of cycles after the warm-up), --cycles=1000 (per round).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { attachMeetings } from '../../packages/server-adapter/src/attach';
import type { MeetingsServerDiagnostics } from '../../packages/server-adapter/src/observability/diagnostics';
import { settledHeapUsed } from '../../packages/server-adapter/src/test-utils/heap';
import { TEST_SECRET } from '../../packages/server-adapter/src/test-utils/harness';
import { runJoinLeaveCycles } from '../../packages/server-adapter/src/test-utils/join-leave-cycles';

const arg = (name: string, fallback: number): number => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const ROUNDS = Math.min(10, arg('rounds', 3));
const CYCLES = Math.min(5_000, arg('cycles', 1_000));
const LOAD = { meetings: 4, participantsPerMeeting: 3, deadlineMs: 120_000 };

const http = createServer();
const meetings = attachMeetings(http, {
  auth: { secret: TEST_SECRET },
  waitingRoom: false,
  limits: { connectionsPerIp: 1_000, eventsPerSecondPerIp: 100_000, eventsPerSecondPerUser: 10_000, joinsPerMinute: 600_000, joinsBurst: 10_000 },
  // No load shedding: a busy machine would refuse some joins (server-busy); leaks are what is measured.
  overload: { maxEventLoopLagMs: 60_000, maxPendingJoins: 100_000 },
  denialCooldownMs: 0,
  emptyMeetingTimeoutMs: 50,
  endedMeetingRetentionMs: 50,
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
const held = (d: MeetingsServerDiagnostics): string =>
  Object.entries(d)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

/** Waits (at most 10 s) until the server holds nothing, and returns what it holds then. */
async function settled(): Promise<MeetingsServerDiagnostics> {
  const until = Date.now() + 10_000;
  let reading = meetings.diagnostics();
  while (Date.now() < until && Object.values(reading).some((v) => v !== 0)) {
    await new Promise((r) => setTimeout(r, 100));
    reading = meetings.diagnostics();
  }
  return reading;
}

try {
  const fresh = await settledHeapUsed();
  const warm = await runJoinLeaveCycles(url, meetings, { ...LOAD, cycles: 200 });
  await settled();
  const baseline = await settledHeapUsed();
  console.log(`server join/leave cycles — ${LOAD.meetings} meetings × ${LOAD.participantsPerMeeting} participants, ${CYCLES} cycles per round`);
  console.log(`heap fresh ${mb(fresh)} MB; after ${warm.cycles} warm-up cycles (baseline) ${mb(baseline)} MB; load ${load()}`);
  for (let round = 1; round <= ROUNDS; round += 1) {
    const run = await runJoinLeaveCycles(url, meetings, { ...LOAD, cycles: CYCLES });
    const diagnostics = await settled();
    const heap = await settledHeapUsed();
    console.log(
      `round ${round}: ${run.cycles} cycles (${run.admitted} in, ${run.denied} denied) in ${(run.elapsedMs / 1000).toFixed(1)} s; ` +
        `heap ${mb(heap)} MB (${heap >= baseline ? '+' : ''}${mb(heap - baseline)} MB, ${((heap - baseline) / (round * CYCLES)).toFixed(0)} B per cycle so far); load ${load()}`,
    );
    console.log(`  held: ${held(diagnostics)}`);
  }
} finally {
  await meetings.close();
  await new Promise<void>((resolve) => http.close(() => resolve()));
}
