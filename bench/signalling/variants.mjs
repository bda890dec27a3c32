/**
 * The servers a bench run compares: `bare` (a bare Socket.IO relay), `bare-redis` (the same relay
 * on two nodes with Socket.IO's plain Redis adapter), `memory` (ours, one node, in-memory store)
 * and `redis` (ours, two nodes on Redis). Two-node variants get one URL per node.
 */
import { startServer } from './processes.mjs';

const NODES = ['bench-node-1', 'bench-node-2'];

/** Starts the servers of one variant; `flags` go to each node's `node` (e.g. `--cpu-prof`). */
export async function startVariant(name, redisUrl, flags = []) {
  if (name === 'bare') return [await startServer('bare', {}, flags)];
  if (name === 'memory') return [await startServer('ours', { BENCH_MODE: 'memory' }, flags)];
  if (name === 'bare-redis') {
    return Promise.all(NODES.map(() => startServer('bare', { BENCH_MODE: 'redis', REDIS_URL: redisUrl }, flags)));
  }
  if (name === 'redis') {
    return Promise.all(NODES.map((nodeId) => startServer('ours', { BENCH_MODE: 'redis', REDIS_URL: redisUrl, NODE_ID: nodeId }, flags)));
  }
  throw new Error(`unknown variant ${name}`);
}
