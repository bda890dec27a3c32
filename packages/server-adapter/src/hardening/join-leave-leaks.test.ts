import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingsServerDiagnostics } from '../observability/diagnostics';
import { settledHeapUsed } from '../test-utils/heap';
import { startHarness, type Harness } from '../test-utils/harness';
import { runJoinLeaveCycles, type CycleOptions } from '../test-utils/join-leave-cycles';

/** Limits high enough for a load from one address; what is measured is what remains afterwards. */
const LOAD_OPTIONS = {
  limits: {
    connectionsPerIp: 1_000,
    eventsPerSecondPerIp: 100_000,
    eventsPerSecondPerUser: 10_000,
    joinsPerMinute: 600_000,
    joinsBurst: 10_000,
  },
  // Load shedding is for an overloaded node; on a busy shared test machine it would refuse some
  // of the cycles' joins (server-busy), which is not what this test measures.
  overload: { maxEventLoopLagMs: 60_000, maxPendingJoins: 100_000 },
  denialCooldownMs: 0,
  emptyMeetingTimeoutMs: 50,
  endedMeetingRetentionMs: 50,
} as const;

const EMPTY: MeetingsServerDiagnostics = {
  sockets: 0,
  rooms: 0,
  socketLanes: 0,
  tokenTimers: 0,
  clientBudgets: 0,
  localMeetings: 0,
  localParticipants: 0,
  meetingTimers: 0,
  remoteDirectory: 0,
  watchedRooms: 0,
  storedMeetings: 0,
};

/** Polls the diagnostics until they are empty or `timeoutMs` passes; returns the last reading. */
async function drained(h: Harness, timeoutMs = 10_000): Promise<MeetingsServerDiagnostics> {
  const until = Date.now() + timeoutMs;
  let reading = h.meetings.diagnostics();
  while (Date.now() < until && Object.values(reading).some((count) => count !== 0)) {
    await new Promise((r) => setTimeout(r, 100));
    reading = h.meetings.diagnostics();
  }
  return reading;
}

describe('join/leave cycles leave nothing behind', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('returns every per-meeting, per-user and per-socket structure to empty, and the heap to its baseline, after 1,000 cycles', async () => {
    h = await startHarness(LOAD_OPTIONS);
    const load: Omit<CycleOptions, 'cycles'> = { meetings: 4, participantsPerMeeting: 3, deadlineMs: 90_000 };
    // A first round warms up what is built once (compiled code, schema caches, pools).
    const warm = await runJoinLeaveCycles(h.url, h.meetings, { ...load, cycles: 200 });
    expect(warm.cycles).toBe(200);
    expect(await drained(h)).toEqual(EMPTY);
    const baseline = await settledHeapUsed();

    const run = await runJoinLeaveCycles(h.url, h.meetings, { ...load, cycles: 1_000 });
    expect(run.cycles).toBe(1_000);
    expect(run.admitted).toBeGreaterThan(0);
    expect(run.denied).toBeGreaterThan(0);
    expect(await drained(h)).toEqual(EMPTY);
    const after = await settledHeapUsed();
    // Server and clients share this process. Compiled code and caches still settle in this round
    // (`npm run bench:leaks` shows the growth flattening over further rounds); a session or a
    // socket kept per cycle costs several KB each and would exceed 3 MB over 1,000 cycles.
    expect(after - baseline).toBeLessThan(3 * 1024 * 1024);
  }, 180_000);

  it('reports what a connected participant holds while they are in, and nothing once they left', async () => {
    h = await startHarness(LOAD_OPTIONS);
    const { client } = await h.joinAs('client', 'leak-check-meeting');
    const during = h.meetings.diagnostics();
    expect(during).toMatchObject({ sockets: 1, socketLanes: 1, localMeetings: 1, localParticipants: 1, storedMeetings: 1 });
    // The socket's own room, its session room and the meeting room.
    expect(during.rooms).toBeGreaterThanOrEqual(3);
    expect(during.clientBudgets).toBe(2);
    client.close();
    expect(await drained(h)).toEqual(EMPTY);
  });
});
