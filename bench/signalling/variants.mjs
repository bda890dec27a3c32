/**
 * The servers a bench run compares: `bare` (a bare Socket.IO relay), `bare-redis` (the same relay
 * on two nodes with Socket.IO's plain Redis adapter), `memory` (ours, one node, in-memory store)
 * and `redis` (ours, two nodes on Redis). Multi-node variants get one URL per node;
 * `BENCH_REDIS_NODES` (default 2) sets how many nodes they run.
 */
import { startServer } from './processes.mjs';

/** The node ids of a multi-node variant (read when it starts, so a caller may set the count first). */
const nodeIds = () => Array.from({ length: Math.max(2, Number(process.env.BENCH_REDIS_NODES ?? 2)) }, (_, i) => `bench-node-${i + 1}`);

/** Each of ours beside its baseline, for the ratios. */
export const PAIRS = [
  ['memory', 'bare'],
  ['memory-before', 'bare'],
  ['redis', 'bare-redis'],
  ['redis-before', 'bare-redis'],
  ['memory', 'memory-before'],
  ['redis', 'redis-before'],
];

/**
 * Starts the servers of one variant; `flags` go to each node's `node` (e.g. `--cpu-prof`).
 * `memory-before` / `redis-before` run an earlier build of ours (`BENCH_BEFORE_BUNDLE`, made by
 * `node bench/signalling/build-ours.mjs <out.mjs>` on the earlier commit) beside the current one,
 * so a change is measured against what it replaces in the same run.
 */
export async function startVariant(name, redisUrl, flags = []) {
  if (name.endsWith('-before')) {
    const bundle = process.env.BENCH_BEFORE_BUNDLE;
    if (!bundle) throw new Error(`${name} needs BENCH_BEFORE_BUNDLE (an earlier build of ours)`);
    return startCurrent(name.slice(0, -'-before'.length), redisUrl, flags, { BENCH_OURS_BUNDLE: bundle }, name);
  }
  return startCurrent(name, redisUrl, flags);
}

/**
 * `label` names the variant's nodes and its Redis keys and streams (`bench:{label}:`): variants run
 * side by side on one redis-server, and on one stream each would read the other's entries.
 */
async function startCurrent(name, redisUrl, flags, extraEnv = {}, label = name) {
  if (name === 'bare') return [await startServer('bare', {}, flags)];
  if (name === 'memory') return [await startServer('ours', { BENCH_MODE: 'memory', ...extraEnv }, flags)];
  if (name === 'bare-redis') {
    return Promise.all(nodeIds().map(() => startServer('bare', { BENCH_MODE: 'redis', REDIS_URL: redisUrl }, flags)));
  }
  if (name === 'redis') {
    return Promise.all(
      nodeIds().map((nodeId) =>
        startServer('ours', { BENCH_MODE: 'redis', REDIS_URL: redisUrl, NODE_ID: `${label}-${nodeId}`, BENCH_REDIS_PREFIX: `bench:${label}:`, ...extraEnv }, flags),
      ),
    );
  }
  throw new Error(`unknown variant ${name}`);
}
