#!/usr/bin/env node
/**
 * Signalling load benchmark: `npm run bench` (≈15–20 min) or `npm run bench -- --quick` (≈1–2 min).
 *
 * For each server — a bare Socket.IO relay (baseline), ours on one node with the in-memory store,
 * ours on two nodes sharing Redis — and for meetings of P = 2 and P = 4 participants, it steps the
 * number of meetings M up (doubling, then two bisection steps) until join p99 exceeds 200 ms or any
 * message is lost, duplicated or misrouted. A failing step runs once more and fails only twice in
 * a row; the variants run back to back at each M, so background load hits them alike.
 *
 * Each step: connect every socket; join, spread over 2 s so joins overlap the storms of meetings
 * already in; per meeting 4 negotiation rounds (offer and answer of 3–5 KB, 10 ICE candidates per
 * side, all through `webrtc-signal`, plus one chat message per participant per round); then a
 * drain until everything is in or nothing arrived for 5 s (late is not lost; at most 30 s).
 * Load generators are separate processes. Loopback only; every loop is bounded in count and time.
 *
 * First, server CPU per connection, join and relayed message for every server on a fixed workload
 * (bench/signalling/cpu-cost.mjs), interleaved and repeated, with the load average beside each pass.
 *
 * Options: --quick, --cpu-only (the CPU table alone, ≈1–3 min), --profile (the CPU table, then one
 * profiled pass per server: where a join's and a relayed message's CPU goes, ours beside the bare
 * relay; the `.cpuprofile` files in bench/results/profiles/ open as flame graphs in Chrome DevTools
 * or speedscope), --only=bare,memory,bare-redis,redis (also memory-before / redis-before: an earlier
 * build of ours from BENCH_BEFORE_BUNDLE, see variants.mjs), --p=2,4, --json=<file> (default
 * bench/results/latest.json), --at=M[,M…] (only those steps, each variant in turn at each M, twice
 * each: no memory, CPU or ceiling search; for looking at one load, such as losses above a ceiling).
 * Env: BENCH_SERVER_FLAGS="--cpu-prof" profiles the servers; BENCH_EVENTS_PER_SECOND=10 lowers our
 * rate limit to check that refused messages are told apart from silently lost ones.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Histogram } from './signalling/histogram.mjs';
import { REPO_ROOT, serverMemory, startLoadgen, startRedis, stopChild } from './signalling/processes.mjs';
import { measureCpuCost, printCpuCost } from './signalling/cpu-cost.mjs';
import { printPhaseProfiles } from './signalling/profile-summary.mjs';
import { startVariant } from './signalling/variants.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name, fallback) => flag(name)?.split('=')[1] ?? fallback;
const QUICK = Boolean(flag('quick'));
const ONLY = value('only', 'bare,memory,bare-redis,redis').split(',');
const PROFILE = Boolean(flag('profile'));
const CPU_ONLY = Boolean(flag('cpu-only')) || PROFILE;
const PS = value('p', '2,4').split(',').map(Number);
const JSON_OUT = value('json', `${REPO_ROOT}bench/results/${QUICK ? 'quick' : 'latest'}.json`);
const AT = flag('at') ? value('at', '').split(',').map(Number).filter((m) => m > 0) : null;

const JOIN_P99_LIMIT_MS = 200;
const LOADGENS = 3;
const BUDGET_MS = QUICK ? 110_000 : 20 * 60_000;
const STEP = QUICK
  ? { staggerMs: 1000, rounds: 2, roundMs: 1000, drainMs: 3000 }
  : { staggerMs: 2000, rounds: 4, roundMs: 1000, drainMs: 5000 };
const START_M = { 2: QUICK ? 50 : 50, 4: QUICK ? 25 : 25 };
const MAX_DOUBLINGS = QUICK ? 2 : 8;
const startedAt = Date.now();
const overBudget = () => Date.now() - startedAt > BUDGET_MS;

/* ---------- machine limits ---------- */
const fdLimit = Number(execSync('sh -c "ulimit -n"').toString().trim()) || 1024;
let somaxconn = 'unknown';
try {
  somaxconn = execSync('cat /proc/sys/net/core/somaxconn').toString().trim();
} catch {
  /* not Linux */
}
// Every socket costs one descriptor in the server process (plus Redis and pipes): keep a margin.
const MAX_SOCKETS = Math.max(100, Math.min(8000, fdLimit - 512));
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  fdLimit,
  somaxconn,
  maxSockets: MAX_SOCKETS,
};
console.log(`machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}`);
console.log(`ulimit -n ${fdLimit} → at most ${MAX_SOCKETS} sockets per step; somaxconn ${somaxconn}; listen backlog 4096`);
if (fdLimit < 4096) console.log('warning: raise `ulimit -n` (e.g. 65536) for larger steps');

/* ---------- processes ---------- */
const loadgens = Array.from({ length: LOADGENS }, () => startLoadgen());
const children = [...loadgens.map((l) => l.child)];
let stopping = false;
const cleanup = async () => {
  if (stopping) return;
  stopping = true;
  for (const l of loadgens) l.child.connected && l.child.send({ cmd: 'exit' });
  await Promise.all(children.map(stopChild));
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

/** One step: M meetings × P participants against `servers`; returns the measured figures. */
async function runStep(servers, variant, P, M, settings = STEP) {
  const urls = servers.map((s) => s.url);
  const stepId = `${variant}-${P}-${M}-${Date.now().toString(36)}`;
  const keys = Array.from({ length: M }, (_, i) => `${stepId}-${i}`);
  const shares = loadgens.map((_, g) => keys.filter((_, i) => i % LOADGENS === g));
  const memBefore = await Promise.all(urls.map(serverMemory));

  const connected = await Promise.all(
    loadgens.map((l, g) =>
      l.request({ cmd: 'connect', urls, meetingKeys: shares[g], participants: P, concurrency: 100 }, 'connected', 120_000),
    ),
  );
  const connectFailures = connected.reduce((a, c) => a + c.failures, 0);
  const startAt = Date.now() + 300;
  const timeout = settings.staggerMs + settings.rounds * settings.roundMs + settings.drainMs + 60_000;
  const results = await Promise.all(loadgens.map((l) => l.request({ cmd: 'run', startAt, ...settings }, 'result', timeout)));
  const memAfter = await Promise.all(urls.map(serverMemory));
  await Promise.all(loadgens.map((l) => l.request({ cmd: 'close' }, 'closed', 30_000)));

  const joins = new Histogram();
  const relay = new Histogram();
  const sum = (key) => results.reduce((a, r) => a + r[key], 0);
  for (const r of results) {
    joins.merge(new Histogram(r.joins.buckets));
    relay.merge(new Histogram(r.relay.buckets));
  }
  const firstSend = Math.min(...results.map((r) => r.firstSendWall));
  const lastReceive = Math.max(...results.map((r) => r.lastReceiveWall));
  const delivered = sum('signalsReceived') + sum('chatReceived');
  const sockets = M * P;
  const delta = (key) => memAfter.reduce((a, m, i) => a + (m[key] - memBefore[i][key]), 0);
  const step = {
    M,
    P,
    sockets,
    connectFailures,
    joinFailures: sum('joinFailures'),
    joinP50: joins.quantile(0.5),
    joinP99: joins.quantile(0.99),
    relayP50: relay.quantile(0.5),
    relayP99: relay.quantile(0.99),
    delivered,
    messagesPerSecond: lastReceive > firstSend ? Math.round(delivered / ((lastReceive - firstSend) / 1000)) : 0,
    // Not delivered (after the drain): refused with a typed error, or silently.
    lost: sum('signalsLost') + sum('chatLost'),
    silentlyLost: sum('silentlyLost'),
    // Which kind the silent ones were, and chat lost after its acknowledgement timed out (not silent).
    silentSignalsLost: sum('silentSignalsLost'),
    silentChatLost: sum('silentChatLost'),
    chatLostAfterTimeout: sum('chatLostAfterTimeout'),
    // Connections the server closed during the step, and the messages to or from them not delivered.
    dropped: sum('dropped'),
    lostToDropped: sum('lostToDropped'),
    rejected: sum('signalsRejected') + sum('chatRejected'),
    duplicated: sum('duplicated'),
    misrouted: sum('misrouted'),
    errors: sum('errors'),
    rssPer1000Sockets: Math.round(delta('rss') / (sockets / 1000) / 2 ** 20 * 10) / 10,
    heapPer1000Sockets: Math.round((delta('heapUsed') + delta('external')) / (sockets / 1000) / 2 ** 20 * 10) / 10,
    loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
    // Server CPU per delivered message: what the relay costs, whatever else runs on the machine.
    serverCpuMicrosPerMessage: delivered > 0 ? Math.round((delta('cpuMicros') / delivered) * 10) / 10 : undefined,
  };
  const reasons = [];
  if (!(step.joinP99 <= JOIN_P99_LIMIT_MS)) reasons.push(`join p99 ${step.joinP99.toFixed(0)} ms`);
  if (step.lost) reasons.push(`${step.lost} not delivered (${step.silentlyLost} without a typed error or a closed connection)`);
  if (step.dropped) reasons.push(`${step.dropped} connections closed by the server (${step.lostToDropped} messages to or from them lost)`);
  if (step.duplicated) reasons.push(`${step.duplicated} duplicated`);
  if (step.misrouted) reasons.push(`${step.misrouted} misrouted`);
  if (step.connectFailures || step.joinFailures) reasons.push(`${step.connectFailures + step.joinFailures} connect/join failures`);
  if (step.errors) reasons.push(`${step.errors} typed errors (rate-limited under overload)`);
  step.pass = reasons.length === 0;
  step.reason = reasons.join(', ');
  const f = (n) => (Number.isFinite(n) ? n.toFixed(1) : '-');
  console.log(
    `  ${variant.padEnd(6)} P=${P} M=${String(M).padStart(4)} (${String(sockets).padStart(4)} sockets): ` +
      `join p50/p99 ${f(step.joinP50)}/${f(step.joinP99)} ms, relay p50/p99 ${f(step.relayP50)}/${f(step.relayP99)} ms, ` +
      `${step.messagesPerSecond} msg/s, ${step.serverCpuMicrosPerMessage ?? '-'} µs server CPU/msg, ` +
      `lost ${step.lost} (silent ${step.silentlyLost}${step.silentlyLost ? `: ${step.silentSignalsLost} signals, ${step.silentChatLost} chat` : ''}${step.chatLostAfterTimeout ? `; ${step.chatLostAfterTimeout} chat after a 10 s ack timeout` : ''}${step.dropped ? `, ${step.lostToDropped} to ${step.dropped} closed connections` : ''}), dup ${step.duplicated}, misrouted ${step.misrouted}, load ${step.loadAverage}` +
      `${settings.rounds === 0 ? '  (join only: memory step)' : step.pass ? '' : `  ✗ ${step.reason}`}`,
  );
  // Let the server finish the disconnect work of this step before the next one.
  await new Promise((r) => setTimeout(r, 1500));
  return step;
}

/**
 * Server memory per 1,000 sockets: a fresh server, `sockets` clients connected and joined (P = 2),
 * no traffic; heap + external after a full GC, and RSS, before and after.
 */
async function measureMemory(servers, variant, sockets) {
  const step = await runStep(servers, variant, 2, sockets / 2, { ...STEP, rounds: 0, drainMs: 0 });
  return { sockets, rssPer1000Sockets: step.rssPer1000Sockets, heapPer1000Sockets: step.heapPer1000Sockets, joinP99: step.joinP99 };
}

const LABELS = {
  bare: 'bare Socket.IO relay',
  memory: 'ours, 1 node, in-memory store',
  'bare-redis': 'bare Socket.IO relay, 2 nodes, plain Redis adapter',
  redis: 'ours, 2 nodes, Redis store + streams adapter',
  'memory-before': 'ours, 1 node, earlier build (BENCH_BEFORE_BUNDLE)',
  'redis-before': 'ours, 2 nodes, earlier build (BENCH_BEFORE_BUNDLE)',
};

/**
 * Finds every variant's ceiling for one P, interleaved: at each M the variants still passing run
 * back to back, so background load on a shared machine hits them alike. M doubles until a
 * variant fails (or limits), then each variant gets two bisection steps between pass and fail, so
 * a ceiling is known to within an eighth of the last doubling (one step left ratios of ceilings
 * at 0.5, 0.67, 0.75 or 1 only).
 */
async function findCeilings(serversByVariant, P) {
  const runs = Object.fromEntries(Object.keys(serversByVariant).map((v) => [v, { variant: v, P, steps: [], ceiling: undefined, firstFailure: undefined }]));
  let M = START_M[P];
  for (let i = 0; i <= MAX_DOUBLINGS && M * P <= MAX_SOCKETS && !overBudget(); i += 1) {
    const active = Object.values(runs).filter((r) => !r.firstFailure);
    if (active.length === 0) break;
    for (const run of active) {
      let step = await runStep(serversByVariant[run.variant], run.variant, P, M);
      run.steps.push(step);
      // On a shared machine a burst of someone else's work can fail a step: a failure counts
      // only when the same step fails again right after.
      if (!step.pass && !overBudget()) {
        step = await runStep(serversByVariant[run.variant], run.variant, P, M);
        run.steps.push(step);
      }
      if (step.pass) run.ceiling = step;
      else run.firstFailure = step;
    }
    M *= 2;
  }
  for (let round = 0; round < 2 && !QUICK; round += 1) {
    for (const run of Object.values(runs)) {
      const { ceiling: best, firstFailure: failed } = run;
      if (!best || !failed || failed.M - best.M <= best.M / 8 || overBudget()) continue;
      const middle = await runStep(serversByVariant[run.variant], run.variant, P, Math.round((best.M + failed.M) / 2));
      run.steps.push(middle);
      if (middle.pass) run.ceiling = middle;
      else run.firstFailure = middle;
    }
  }
  return Object.values(runs).map((run) => ({ ...run, capped: !run.firstFailure }));
}

const report = {
  machine,
  quick: QUICK,
  loadAverageAtStart: os.loadavg()[0],
  settings: { ...STEP, joinP99LimitMs: JOIN_P99_LIMIT_MS, loadgens: LOADGENS },
  memory: {},
  cpu: {},
  runs: [],
};
if (report.loadAverageAtStart > machine.cpus) {
  console.log(`warning: load average ${report.loadAverageAtStart.toFixed(1)} > ${machine.cpus} cores before the run: other work is competing; figures will be low`);
}
let redis;
try {
  if (ONLY.some((v) => v.includes('redis'))) {
    redis = await startRedis();
    children.push(redis.child);
  }
  const serversByVariant = {};
  for (const variant of ONLY) {
    const servers = await startVariant(variant, redis?.url);
    children.push(...servers.map((s) => s.child));
    serversByVariant[variant] = servers;
    if (CPU_ONLY || AT) continue;
    // Memory first, on a fresh server.
    const memory = await measureMemory(servers, variant, QUICK ? 1000 : 2000);
    report.memory[variant] = memory;
    console.log(`  ${LABELS[variant]}: ${memory.heapPer1000Sockets} MiB heap+external, ${memory.rssPer1000Sockets} MiB RSS per 1,000 idle joined sockets`);
  }
  if (AT) {
    for (const P of PS) {
      console.log(`\nP = ${P}, fixed steps M = ${AT.join(', ')}`);
      for (const M of AT) {
        const runs = Object.keys(serversByVariant).map((variant) => ({ variant, P, steps: [] }));
        for (let repeat = 0; repeat < 2; repeat += 1) for (const run of runs) run.steps.push(await runStep(serversByVariant[run.variant], run.variant, P, M));
        report.runs.push(...runs);
      }
    }
  }
  // CPU per operation on a fixed workload, all servers in the same run, before any ceiling search.
  for (const P of AT ? [] : PS) {
    console.log(`\nserver CPU per operation, P = ${P} (median of ${QUICK || CPU_ONLY ? 2 : 3} interleaved passes; load average of each pass)`);
    const M = Math.round((QUICK || CPU_ONLY ? 100 : 200) / (P / 2));
    const profileDir = PROFILE ? `${REPO_ROOT}bench/results/profiles/` : undefined;
    // A quick run warms up less: its figures include some unoptimized joins (see cpu-cost.mjs).
    const warmupJoins = QUICK ? 1000 : 4000;
    const cpu = await measureCpuCost(loadgens, serversByVariant, { P, M, rounds: QUICK || CPU_ONLY ? 2 : 4, repeat: QUICK || CPU_ONLY ? 2 : 3, warmupJoins, redisPid: redis?.child.pid, profileDir });
    printCpuCost(cpu);
    if (PROFILE) printPhaseProfiles(cpu);
    report.cpu[`P${P}`] = cpu;
  }
  for (const P of AT ? [] : PS) {
    if (overBudget() || CPU_ONLY) break;
    console.log(`
P = ${P}`);
    report.runs.push(...(await findCeilings(serversByVariant, P)));
  }
} finally {
  await cleanup();
}

/* ---------- summary ---------- */
if (CPU_ONLY || AT) {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(JSON_OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nfull results: ${JSON_OUT} (${Math.round((Date.now() - startedAt) / 1000)} s)`);
  process.exit(0);
}
const f = (n, d = 1) => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(d));
console.log('\nceilings (highest M with join p99 ≤ 200 ms and nothing lost, duplicated or misrouted)');
console.log('| server | P | ceiling M | sockets | join p50/p99 ms | relay p50/p99 ms | msg/s | server CPU µs/msg | lost/dup/misrouted | first failure |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const run of report.runs) {
  const c = run.ceiling;
  console.log(
    `| ${run.variant} | ${run.P} | ${c?.M ?? '-'}${run.capped ? '+' : ''} | ${c?.sockets ?? '-'} | ${f(c?.joinP50)} / ${f(c?.joinP99)} | ` +
      `${f(c?.relayP50)} / ${f(c?.relayP99)} | ${c?.messagesPerSecond ?? '-'} | ${c?.serverCpuMicrosPerMessage ?? '-'} | ` +
      `${c ? `${c.lost}/${c.duplicated}/${c.misrouted}` : '-'} | ${run.firstFailure ? `M=${run.firstFailure.M}: ${run.firstFailure.reason}` : 'none (capped)'} |`,
  );
}
console.log('\nserver memory per 1,000 idle joined sockets (after GC; summed over nodes)');
for (const [variant, m] of Object.entries(report.memory)) {
  console.log(`  ${LABELS[variant]}: ${m.heapPer1000Sockets} MiB heap+external, ${m.rssPer1000Sockets} MiB RSS (${m.sockets} sockets)`);
}
for (const P of PS) {
  const bare = report.runs.find((r) => r.variant === 'bare' && r.P === P)?.ceiling;
  for (const variant of ['memory', 'redis']) {
    const baseline = variant === 'redis' ? report.runs.find((r) => r.variant === 'bare-redis' && r.P === P)?.ceiling : bare;
    const ours = report.runs.find((r) => r.variant === variant && r.P === P)?.ceiling;
    if (baseline && ours) {
      const ratio = ours.M / baseline.M;
      report[`ratio_${variant}_P${P}`] = ratio;
      const cpu = ours.serverCpuMicrosPerMessage / baseline.serverCpuMicrosPerMessage;
      report[`cpu_ratio_${variant}_P${P}`] = cpu;
      console.log(
        `ours/baseline (${variant}, P=${P}): ceiling ${f(ratio, 2)}×, msg/s ${f(ours.messagesPerSecond / baseline.messagesPerSecond, 2)}×, ` +
          `server CPU per message ${f(cpu, 2)}× (${ours.serverCpuMicrosPerMessage} vs ${baseline.serverCpuMicrosPerMessage} µs)`,
      );
    }
  }
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(JSON_OUT, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nfull results: ${JSON_OUT} (${Math.round((Date.now() - startedAt) / 1000)} s)`);
process.exit(0);
