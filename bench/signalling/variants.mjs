/**
 * The servers a bench run compares: `bare` (a bare Socket.IO relay), `bare-redis` (the same relay
 * on two nodes with Socket.IO's plain Redis adapter), `memory` (ours, one node, in-memory store)
 * and `redis` (ours, two nodes on Redis). Two-node variants get one URL per node.
 */
import { startServer } from './processes.mjs';

const NODES = ['bench-node-1', 'bench-node-2'];

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
    return startCurrent(name.slice(0, -'-before'.length), redisUrl, flags, { BENCH_OURS_BUNDLE: bundle });
  }
  return startCurrent(name, redisUrl, flags);
}

async function startCurrent(name, redisUrl, flags, extraEnv = {}) {
  if (name === 'bare') return [await startServer('bare', {}, flags)];
  if (name === 'memory') return [await startServer('ours', { BENCH_MODE: 'memory', ...extraEnv }, flags)];
  if (name === 'bare-redis') {
    return Promise.all(NODES.map(() => startServer('bare', { BENCH_MODE: 'redis', REDIS_URL: redisUrl }, flags)));
  }
  if (name === 'redis') {
    return Promise.all(NODES.map((nodeId) => startServer('ours', { BENCH_MODE: 'redis', REDIS_URL: redisUrl, NODE_ID: nodeId, ...extraEnv }, flags)));
  }
  throw new Error(`unknown variant ${name}`);
}
