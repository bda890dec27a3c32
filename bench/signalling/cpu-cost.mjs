/**
 * Server CPU per operation on a fixed workload, measured apart from any ceiling: per connection,
 * per join, per relayed message, for each variant, interleaved and repeated so background load
 * hits them alike. CPU time (`process.cpuUsage` of the server, summed over its nodes) barely
 * depends on what else runs on the machine, unlike latency; the median of the repeats is kept.
 *
 * Standalone: `node bench/signalling/cpu-cost.mjs [--only=bare,memory,bare-redis,redis] [--p=2]
 * [--m=200] [--rounds=4] [--repeat=3] [--warmup-joins=4000] [--nodes=2] [--pin] [--prof]` (`--warmup-joins`: unmeasured
 * joins per node before the measured passes, so V8 has optimized the join path; `--nodes` is how many nodes the Redis variants run; `--pin` runs the servers on one CPU and
 * the load generators on the others, see processes.mjs; `--prof` adds one profiled pass per server: its
 * joins and its signal storm each written as a `.cpuprofile` to bench/results/profiles/, then a
 * table of where the time of a join and of a message went, ours beside bare; open the files in
 * Chrome DevTools' Performance panel or speedscope for the flame graph). `bench/run.mjs` runs it
 * first (`--profile` there does the same).
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { REPO_ROOT, processCpuMicros, startLoadgen, startRedis, stopChild } from './processes.mjs';
import { printPhaseProfiles } from './profile-summary.mjs';
import { PAIRS, startVariant } from './variants.mjs';

const median = (values) => {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round1 = (n) => (n === undefined ? undefined : Math.round(n * 10) / 10);
const round2 = (n) => (n === undefined ? undefined : Math.round(n * 100) / 100);

/** Stream entries appended and read from other nodes so far, summed over the nodes of a Redis variant. */
async function streamCounts(servers) {
  const replies = await Promise.all(servers.map((s) => fetch(`${s.url}/stats`).then((r) => (r.ok ? r.json() : undefined))));
  if (replies.includes(undefined)) return undefined; // the bare relay has no stream
  // Entries, not messages: a build that batches a turn's broadcasts into one entry counts them
  // (`entriesAppended`); an earlier build appended one entry per message (`published`).
  return {
    appended: replies.reduce((a, r) => a + (r.entriesAppended ?? r.published ?? 0), 0),
    received: replies.reduce((a, r) => a + (r.received ?? 0), 0),
    // Messages sent to one other node's own stream (a build from before that routing has none).
    routed: replies.reduce((a, r) => a + (r.routed ?? 0), 0),
  };
}

/** The quiet spell after connecting, and the idle CPU measured after it. */
const IDLE_SETTLE_MS = 500;
const IDLE_MS = 2000;

async function serverCpu(servers) {
  return (await serverCpuAndGc(servers)).cpuMicros;
}

/**
 * CPU so far, main-thread GC pauses so far (ms), and the main thread's CPU, the kernel's CPU and
 * the write system calls so far, summed over the nodes (a build without GC figures gives zeros).
 */
async function serverCpuAndGc(servers) {
  const replies = await Promise.all(servers.map((s) => fetch(`${s.url}/cpu`).then((r) => r.json())));
  const sum = (pick) => replies.reduce((a, r) => a + (pick(r) ?? 0), 0);
  // Figures an earlier build's bench endpoint does not give (a `*-before` bundle): undefined, not 0.
  const sumOrUndefined = (pick) => (replies.some((r) => pick(r) === undefined) ? undefined : sum(pick));
  return {
    cpuMicros: sum((r) => r.cpuMicros),
    minorMillis: sum((r) => r.gc?.minorMillis),
    majorMillis: sum((r) => r.gc?.majorMillis),
    majorCount: sum((r) => r.gc?.majorCount),
    writes: sumOrUndefined((r) => r.writes),
    systemMicros: sumOrUndefined((r) => r.systemMicros),
    mainThreadMicros: sumOrUndefined((r) => r.mainThreadMicros),
  };
}

/** How much a counter grew per operation over a phase; `undefined` without operations or when a build does not give the counter. */
const perOperation = (before, after, count) => (count > 0 && before !== undefined && after !== undefined ? (after - before) / count : undefined);

/** Starts (or stops, writing `<prefix>-n<i>.cpuprofile`) a CPU profile on every node of a variant. */
async function profileServers(servers, prefix) {
  const files = servers.map((_, i) => `${prefix}-n${i + 1}.cpuprofile`);
  await Promise.all(
    servers.map((s, i) => fetch(prefix ? `${s.url}/profile/stop?file=${encodeURIComponent(files[i])}` : `${s.url}/profile/start`).then((r) => r.json())),
  );
  return files;
}

/**
 * One measured pass of `variant`: connect, join, rounds, close; CPU of each phase. With
 * `profilePrefix`, the join phase and the rounds are each profiled on every node.
 */
async function pass(loadgens, servers, variant, { P, M, rounds, redisPid, profilePrefix }) {
  const urls = servers.map((s) => s.url);
  const keys = Array.from({ length: M }, (_, i) => `cpu-${variant}-${P}-${Date.now().toString(36)}-${i}`);
  const shares = loadgens.map((_, g) => keys.filter((_, i) => i % loadgens.length === g));
  const redisCpu = () => (redisPid ? processCpuMicros(redisPid) : 0);
  const t0 = await serverCpu(servers);
  const r0 = redisCpu();
  await Promise.all(loadgens.map((l, g) => l.request({ cmd: 'connect', urls, meetingKeys: shares[g], participants: P, concurrency: 50 }, 'connected', 120_000)));
  const tc = await serverCpu(servers);
  const profiles = {};
  // Idle with every socket connected (what a node spends between meetings' events: timers,
  // samplers), apart from the phases below so their figures do not carry it.
  await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
  const i0 = await serverCpu(servers);
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const idleMicrosPerSecond = ((await serverCpu(servers)) - i0) / (IDLE_MS / 1000) / servers.length;
  if (profilePrefix) await profileServers(servers);
  const g1 = await serverCpuAndGc(servers);
  const t1 = g1.cpuMicros;
  const settings = { staggerMs: 1000, rounds, roundMs: 1000, drainMs: 3000 };
  const joined = await Promise.all(loadgens.map((l) => l.request({ cmd: 'run', phase: 'join', startAt: Date.now() + 100, ...settings }, 'result', 120_000)));
  const g2 = await serverCpuAndGc(servers);
  const t2 = g2.cpuMicros;
  const r2 = redisCpu();
  if (profilePrefix) {
    profiles.join = await profileServers(servers, `${profilePrefix}-join`);
    await profileServers(servers);
  }
  const streamBefore = redisPid ? await streamCounts(servers) : undefined;
  const ran = await Promise.all(loadgens.map((l) => l.request({ cmd: 'run', phase: 'rounds', startAt: Date.now() + 100, ...settings }, 'result', 120_000)));
  const g3 = await serverCpuAndGc(servers);
  const t3 = g3.cpuMicros;
  const streamAfter = redisPid ? await streamCounts(servers) : undefined;
  const r3 = redisCpu();
  if (profilePrefix) profiles.rounds = await profileServers(servers, `${profilePrefix}-rounds`);
  await Promise.all(loadgens.map((l) => l.request({ cmd: 'close' }, 'closed', 30_000)));
  await new Promise((r) => setTimeout(r, 1000));
  const t4 = await serverCpu(servers);
  const sum = (results, key) => results.reduce((a, r) => a + r[key], 0);
  const joins = M * P - sum(joined, 'joinFailures');
  const delivered = sum(ran, 'signalsReceived') + sum(ran, 'chatReceived');
  const lost = sum(ran, 'signalsLost') + sum(ran, 'chatLost');
  return {
    connectMicros: (tc - t0) / (M * P),
    idleMicrosPerSecond,
    joinMicros: joins > 0 ? (t2 - t1) / joins : undefined,
    // GC pauses in the join phase, per join: scavenges, and full collections (with their count).
    joinMinorGcMicros: joins > 0 ? ((g2.minorMillis - g1.minorMillis) * 1000) / joins : undefined,
    joinMajorGcMicros: joins > 0 ? ((g2.majorMillis - g1.majorMillis) * 1000) / joins : undefined,
    joinMajorGcs: g2.majorCount - g1.majorCount,
    // Write system calls per join and per delivered message; the /cpu requests' own replies add
    // one write each, a few per phase, not subtracted.
    joinWrites: perOperation(g1.writes, g2.writes, joins),
    // The kernel's part of the join phase's CPU (system calls: socket reads and writes, epoll).
    joinSystemMicros: perOperation(g1.systemMicros, g2.systemMicros, joins),
    // The main (JavaScript) thread's part; the rest is helper threads (concurrent GC, compilation).
    joinMainThreadMicros: perOperation(g1.mainThreadMicros, g2.mainThreadMicros, joins),
    messageWrites: perOperation(g2.writes, g3.writes, delivered),
    messageMicros: delivered > 0 ? (t3 - t2) / delivered : undefined,
    disconnectMicros: (t4 - t3) / (M * P),
    redisJoinMicros: redisPid && joins > 0 ? (r2 - r0) / joins : undefined,
    redisMessageMicros: redisPid && delivered > 0 ? (r3 - r2) / delivered : undefined,
    // Per delivered message: entries appended to the stream, and entries other nodes read
    // (a node also reads back its own entries on the shared stream, not those it routed to another
    // node's own stream).
    appendedPerMessage: streamAfter && streamBefore && delivered > 0 ? (streamAfter.appended - streamBefore.appended) / delivered : undefined,
    receivedPerMessage: streamAfter && streamBefore && delivered > 0 ? (streamAfter.received - streamBefore.received) / delivered : undefined,
    routedPerMessage: streamAfter && streamBefore && delivered > 0 ? (streamAfter.routed - streamBefore.routed) / delivered : undefined,
    delivered,
    lost,
    joinFailures: sum(joined, 'joinFailures'),
    joins,
    profiles,
    loadAverage: round1(os.loadavg()[0]),
  };
}

/**
 * The unmeasured passes that take a server of `nodes` nodes past `joins` joins per node: V8 (Node 20)
 * optimizes a function once its unoptimized code has run through a budget that grows with the
 * function's size, and code run once per join was optimized only after 1,500–2,500 joins in
 * `--trace-opt` runs of ours. Until then it runs unoptimized, and its compilation on V8's helper
 * threads is CPU `process.cpuUsage` counts (and unoptimized code allocates more). A server under
 * load is past that within seconds. Passes of at least 1,000 joins: fewer, larger passes, since a
 * pass's fixed pauses cost more time than its joins. Also used by alloc-cost.mjs.
 */
export function warmupPasses({ M, P, nodes, joins }) {
  const warmM = Math.max(M, Math.ceil(1000 / P));
  return { M: warmM, passes: Math.max(1, Math.ceil((joins * nodes) / (warmM * P))) };
}

/**
 * Measures every variant of `variants` ({ name → servers }) `repeat` times, interleaved, after
 * unmeasured warm-up passes of `warmupJoins` joins per node (see `warmupPasses`). Returns the medians. With
 * `profileDir`, one more pass per variant (not in the medians: the profiler costs CPU) profiles its
 * joins and its signal storm; `result[variant].profiles` names the files.
 */
export async function measureCpuCost(loadgens, serversByVariant, { P = 2, M = 200, rounds = 4, repeat = 3, warmupJoins = 4000, redisPid, profileDir, log = console.log } = {}) {
  const samples = Object.fromEntries(Object.keys(serversByVariant).map((v) => [v, []]));
  for (const [variant, servers] of Object.entries(serversByVariant)) {
    const warm = warmupPasses({ M, P, nodes: servers.length, joins: warmupJoins });
    for (let i = 0; i < warm.passes; i += 1) await pass(loadgens, servers, variant, { P, M: warm.M, rounds: 1, redisPid: undefined });
  }
  for (let i = 0; i < repeat; i += 1) {
    for (const [variant, servers] of Object.entries(serversByVariant)) {
      const usesRedis = variant.includes('redis');
      const s = await pass(loadgens, servers, variant, { P, M, rounds, redisPid: usesRedis ? redisPid : undefined });
      samples[variant].push(s);
      log(
        `  cpu ${variant.padEnd(10)} P=${P} M=${M}: ${s.connectMicros.toFixed(0)} µs/connection, idle ${s.idleMicrosPerSecond.toFixed(0)} µs/s per node, ${s.joinMicros?.toFixed(0)} µs/join (${s.joinMainThreadMicros?.toFixed(0)} on the main thread; ${s.joinSystemMicros?.toFixed(0)} in the kernel, all threads; GC ${s.joinMinorGcMicros?.toFixed(0)} scavenges, ${s.joinMajorGcMicros?.toFixed(0)} in ${s.joinMajorGcs} full; ${s.joinWrites?.toFixed(2)} writes), ` +
          `${s.messageMicros?.toFixed(1)} µs/message (${s.messageWrites?.toFixed(2)} writes)${s.redisMessageMicros !== undefined ? ` (+ redis-server ${s.redisJoinMicros?.toFixed(0)} µs/join, ${s.redisMessageMicros.toFixed(1)} µs/message)` : ''}, ` +
          `${s.appendedPerMessage !== undefined ? `per message: ${s.appendedPerMessage.toFixed(2)} stream entries appended, ${s.receivedPerMessage.toFixed(2)} messages read by other nodes, ${s.routedPerMessage.toFixed(2)} routed to one node, ` : ''}` +
          `lost ${s.lost}, load ${s.loadAverage}`,
      );
    }
  }
  const profiled = {};
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    for (const [variant, servers] of Object.entries(serversByVariant)) {
      const s = await pass(loadgens, servers, variant, { P, M, rounds, profilePrefix: `${profileDir}${variant}-P${P}` });
      // Paths from the repository's root, so a results file names no machine's directories.
      const relative = (files) => files.map((f) => f.replace(REPO_ROOT, ''));
      profiled[variant] = { join: relative(s.profiles.join), rounds: relative(s.profiles.rounds), joins: s.joins, delivered: s.delivered, loadAverage: s.loadAverage };
    }
  }
  const result = {};
  for (const [variant, list] of Object.entries(samples)) {
    const pick = (key) => round1(median(list.map((s) => s[key])));
    result[variant] = {
      P,
      M,
      rounds,
      repeat,
      connectMicros: pick('connectMicros'),
      idleMicrosPerSecond: pick('idleMicrosPerSecond'),
      joinMicros: pick('joinMicros'),
      joinMainThreadMicros: pick('joinMainThreadMicros'),
      joinSystemMicros: pick('joinSystemMicros'),
      joinWrites: round2(median(list.map((s) => s.joinWrites))),
      messageMicros: pick('messageMicros'),
      messageWrites: round2(median(list.map((s) => s.messageWrites))),
      disconnectMicros: pick('disconnectMicros'),
      redisJoinMicros: pick('redisJoinMicros'),
      redisMessageMicros: pick('redisMessageMicros'),
      appendedPerMessage: round2(median(list.map((s) => s.appendedPerMessage))),
      receivedPerMessage: round2(median(list.map((s) => s.receivedPerMessage))),
      routedPerMessage: round2(median(list.map((s) => s.routedPerMessage))),
      lost: list.reduce((a, s) => a + s.lost, 0),
      loadAverages: list.map((s) => s.loadAverage),
      // Each pass's figures, in pass order: the passes of all servers are interleaved, so pass i of
      // ours and pass i of its baseline ran next to each other (see the per-pass ratios).
      passes: list.map((s) => ({
        connectMicros: round1(s.connectMicros),
        joinMicros: round1(s.joinMicros),
        joinMainThreadMicros: round1(s.joinMainThreadMicros),
        messageMicros: round1(s.messageMicros),
      })),
      ...(profiled[variant] ? { profiles: profiled[variant] } : {}),
    };
  }
  return result;
}

/** Prints the medians and the ratios of ours against its baseline. */
export function printCpuCost(result, log = console.log) {
  const f = (n, d = 1) => (n === undefined ? '-' : n.toFixed(d));
  log(
    '| server | P | µs/connection | idle µs/s per node | µs/join | of it: main thread, kernel (all threads) | writes/join | µs/message | writes/message | redis-server µs/join, µs/message | load averages |',
  );
  log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [variant, r] of Object.entries(result)) {
    const redis = r.redisMessageMicros !== undefined ? `${f(r.redisJoinMicros, 0)}, ${f(r.redisMessageMicros)}` : '-';
    log(
      `| ${variant} | ${r.P} | ${f(r.connectMicros, 0)} | ${f(r.idleMicrosPerSecond, 0)} | ${f(r.joinMicros, 0)} | ${f(r.joinMainThreadMicros, 0)}, ${f(r.joinSystemMicros, 0)} | ` +
        `${f(r.joinWrites, 2)} | ${f(r.messageMicros)} | ${f(r.messageWrites, 2)} | ${redis} | ${r.loadAverages.join(', ')} |`,
    );
  }
  for (const [ours, bare] of PAIRS) {
    const a = result[ours];
    const b = result[bare];
    if (!a || !b) continue;
    log(
      `${ours}/${bare}: connection ${f(a.connectMicros / b.connectMicros, 2)}×, idle ${f(a.idleMicrosPerSecond / b.idleMicrosPerSecond, 2)}×, join ${f(a.joinMicros / b.joinMicros, 2)}×, ` +
        `message ${f(a.messageMicros / b.messageMicros, 2)}×`,
    );
    // The ratio within each pass (the two ran next to each other): its median and range say how
    // far the ratio of medians above can be trusted when the machine's speed drifts between passes.
    const perPass = (key) => {
      const ratios = (a.passes ?? []).map((p, i) => p[key] / b.passes?.[i]?.[key]).filter(Number.isFinite);
      if (ratios.length === 0) return '-';
      return `${f(median(ratios), 2)}× (${f(Math.min(...ratios), 2)}–${f(Math.max(...ratios), 2)})`;
    };
    log(
      `  per pass, median (range): join ${perPass('joinMicros')} (main thread ${perPass('joinMainThreadMicros')}), message ${perPass('messageMicros')}, ` +
        `connection ${perPass('connectMicros')}`,
    );
  }
}

/* ---------- standalone ---------- */
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const value = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  const prof = args.includes('--prof');
  const only = value('only', 'bare,memory').split(',');
  const Ps = value('p', '2').split(',').map(Number);
  const M = Number(value('m', '200'));
  const rounds = Number(value('rounds', '4'));
  const repeat = Number(value('repeat', '3'));
  const warmupJoins = Number(value('warmup-joins', '4000'));
  process.env.BENCH_REDIS_NODES ??= value('nodes', '2');
  const profileDir = prof ? `${REPO_ROOT}bench/results/profiles/` : undefined;
  // --pin: the servers (and redis-server) on the last CPU, the load generators on the others.
  if (args.includes('--pin') && os.cpus().length >= 2) {
    const last = os.cpus().length - 1;
    process.env.BENCH_SERVER_CPUS ??= String(last);
    process.env.BENCH_CLIENT_CPUS ??= last === 1 ? '0' : `0-${last - 1}`;
    console.log(`pinned: servers on CPU ${process.env.BENCH_SERVER_CPUS}, load generators on ${process.env.BENCH_CLIENT_CPUS}`);
  }
  const loadgens = Array.from({ length: 2 }, () => startLoadgen());
  const children = loadgens.map((l) => l.child);
  let redis;
  try {
    if (only.some((v) => v.includes('redis'))) {
      redis = await startRedis();
      children.push(redis.child);
    }
    const serversByVariant = {};
    for (const variant of only) {
      const servers = await startVariant(variant, redis?.url);
      children.push(...servers.map((s) => s.child));
      serversByVariant[variant] = servers;
    }
    for (const P of Ps) {
      const result = await measureCpuCost(loadgens, serversByVariant, { P, M: P === 4 ? Math.round(M / 2) : M, rounds, repeat, warmupJoins, redisPid: redis?.child.pid, profileDir });
      printCpuCost(result);
      if (prof) printPhaseProfiles(result);
    }
  } finally {
    for (const l of loadgens) if (l.child.connected) l.child.send({ cmd: 'exit' });
    await Promise.all(children.map(stopChild));
  }
  process.exit(0);
}
