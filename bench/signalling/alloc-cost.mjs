/**
 * Bytes a server allocates per join and per relayed message, garbage included, ours beside the
 * bare relay: V8's sampling heap profiler runs on each server over the join phase and over the
 * signal storm of one pass (`/heap/start`, `/heap/stop`), and the sampled bytes are attributed
 * by package and by function. Allocation drives the GC a phase pays for, and unlike CPU time it
 * hardly depends on what else the machine is doing, so a change to the join path can be judged on
 * it in one run.
 *
 * `node bench/signalling/alloc-cost.mjs [--only=bare,memory,bare-redis,redis] [--p=2] [--m=300] [--top=15] [--warmup-joins=4000]`
 * (`memory-before` / `redis-before` with `BENCH_BEFORE_BUNDLE`, as in cpu-cost.mjs; the Redis
 * variants' nodes are summed, per join and per message of the whole variant). The `.heapprofile` files land in
 * bench/results/profiles/ and open in Chrome DevTools (Memory → Load).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { REPO_ROOT, startLoadgen, startRedis, stopChild } from './processes.mjs';
import { warmupPasses } from './cpu-cost.mjs';
import { bucketOf, original } from './profile-summary.mjs';
import { startVariant } from './variants.mjs';

/** Sampled bytes of a `.heapprofile` by package and by function. */
export function analyzeHeapProfile(file) {
  const { head } = JSON.parse(readFileSync(file, 'utf8'));
  const buckets = new Map();
  const functions = new Map();
  let total = 0;
  const visit = (node) => {
    if (node.selfSize > 0) {
      const frame = original(node.callFrame);
      const bucket = bucketOf(frame);
      const { functionName, url, lineNumber } = frame;
      const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : ''}`.trim();
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + node.selfSize);
      functions.set(key, (functions.get(key) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(head);
  return { total, buckets, functions };
}

const heap = (servers, file) =>
  Promise.all(servers.map((s, i) => fetch(file ? `${s.url}/heap/stop?file=${encodeURIComponent(`${file}-n${i + 1}.heapprofile`)}` : `${s.url}/heap/start`).then((r) => r.json())));

/** One pass of `variant` with the heap sampled over its joins and over its rounds; returns the files and counts. */
async function allocationPass(loadgens, servers, variant, { P, M, dir }) {
  const urls = servers.map((s) => s.url);
  const keys = Array.from({ length: M }, (_, i) => `alloc-${variant}-${P}-${Date.now().toString(36)}-${i}`);
  const shares = loadgens.map((_, g) => keys.filter((_, i) => i % loadgens.length === g));
  await Promise.all(loadgens.map((l, g) => l.request({ cmd: 'connect', urls, meetingKeys: shares[g], participants: P, concurrency: 50 }, 'connected', 120_000)));
  const settings = { staggerMs: 1000, rounds: 2, roundMs: 1000, drainMs: 3000 };
  const prefix = `${dir}${variant}-P${P}`;
  await heap(servers);
  const joined = await Promise.all(loadgens.map((l) => l.request({ cmd: 'run', phase: 'join', startAt: Date.now() + 100, ...settings }, 'result', 120_000)));
  await heap(servers, `${prefix}-join`);
  await heap(servers);
  const ran = await Promise.all(loadgens.map((l) => l.request({ cmd: 'run', phase: 'rounds', startAt: Date.now() + 100, ...settings }, 'result', 120_000)));
  await heap(servers, `${prefix}-rounds`);
  await Promise.all(loadgens.map((l) => l.request({ cmd: 'close' }, 'closed', 30_000)));
  const sum = (results, key) => results.reduce((a, r) => a + r[key], 0);
  const files = (phase) => servers.map((_, i) => `${prefix}-${phase}-n${i + 1}.heapprofile`);
  return {
    joins: M * P - sum(joined, 'joinFailures'),
    delivered: sum(ran, 'signalsReceived') + sum(ran, 'chatReceived'),
    join: files('join'),
    rounds: files('rounds'),
  };
}

/** Bytes per operation by package and function, every variant side by side. */
function printAllocations(results, phase, per, top, log) {
  const variants = Object.keys(results);
  const tables = variants.map((v) => {
    const merged = { total: 0, buckets: new Map(), functions: new Map() };
    for (const file of results[v][phase]) {
      const a = analyzeHeapProfile(file);
      merged.total += a.total;
      for (const [k, n] of a.buckets) merged.buckets.set(k, (merged.buckets.get(k) ?? 0) + n);
      for (const [k, n] of a.functions) merged.functions.set(k, (merged.functions.get(k) ?? 0) + n);
    }
    return { variant: v, count: results[v][per], ...merged };
  });
  const f = (bytes, count) => (bytes === undefined ? '–' : (bytes / count).toFixed(0));
  log(`\nbytes allocated per ${per === 'joins' ? 'join' : 'delivered message'} (sampled, garbage included): ${tables.map((t) => `${t.variant} ${f(t.total, t.count)}`).join(', ')}`);
  for (const key of ['buckets', 'functions']) {
    log(`| ${key === 'buckets' ? 'by package (ours by file)' : 'by function'} | ${variants.join(' | ')} |`);
    log(`|---|${variants.map(() => '---|').join('')}`);
    const names = new Map();
    for (const t of tables) for (const [k, n] of t[key]) names.set(k, Math.max(names.get(k) ?? 0, n / t.count));
    for (const [name] of [...names].sort((a, b) => b[1] - a[1]).slice(0, top)) log(`| ${name} | ${tables.map((t) => f(t[key].get(name), t.count)).join(' | ')} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const value = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  const only = value('only', 'bare,memory').split(',');
  const P = Number(value('p', '2'));
  const M = Number(value('m', '300'));
  const top = Number(value('top', '15'));
  const warmupJoins = Number(value('warmup-joins', '4000'));
  const dir = `${REPO_ROOT}bench/results/profiles/`;
  mkdirSync(dir, { recursive: true });
  const loadgens = Array.from({ length: 2 }, () => startLoadgen());
  const children = loadgens.map((l) => l.child);
  try {
    const results = {};
    // The Redis variants (`bare-redis`, `redis`) share one redis-server, as in cpu-cost.mjs.
    const redis = only.some((v) => v.includes('redis')) ? await startRedis() : undefined;
    if (redis) children.push(redis.child);
    for (const variant of only) {
      const servers = await startVariant(variant, redis?.url);
      children.push(...servers.map((s) => s.child));
      // Warm-up passes first, so what is measured is the optimized path (see `warmupPasses`).
      const warm = warmupPasses({ M, P, nodes: servers.length, joins: warmupJoins });
      for (let i = 0; i < warm.passes; i += 1) await allocationPass(loadgens, servers, variant, { P, M: warm.M, dir });
      results[variant] = await allocationPass(loadgens, servers, variant, { P, M, dir });
    }
    printAllocations(results, 'join', 'joins', top, console.log);
    printAllocations(results, 'rounds', 'delivered', top, console.log);
  } finally {
    for (const l of loadgens) if (l.child.connected) l.child.send({ cmd: 'exit' });
    await Promise.all(children.map(stopChild));
  }
  process.exit(0);
}
