import { consoleLogger, type MeetingsLogger } from '../observability/logger';
import type { RedisCommandClient } from './redis-client';
import { RedisScript } from './redis-client';
import { redisKeys, type RedisKeys } from './redis-keys';

/** Options of {@link NodeRegistry}. */
export interface NodeRegistryOptions {
  /** A connected Redis client. */
  client: RedisCommandClient;
  /** This node's id: the `nodeId` stamped on the participant records it creates. */
  nodeId: string;
  /** @default "mentara:meetings:" (must match the room store's) */
  keyPrefix?: string;
  /**
   * How often this node renews its heartbeat key.
   * @default 2_000
   */
  heartbeatIntervalMs?: number;
  /**
   * Lifetime of the heartbeat key: a node silent this long is dead.
   * @default 6_000
   */
  heartbeatTtlMs?: number;
  /**
   * How often this node looks for dead nodes. A dead node's participants leave every roster
   * within `heartbeatTtlMs + sweepIntervalMs` (plus the time to remove them).
   * @default 2_000
   */
  sweepIntervalMs?: number;
  /**
   * Cleans up after a dead node: called on exactly one surviving node per dead node (a lock in
   * Redis). If it throws, the lock is released and a later sweep tries again.
   */
  onDeadNode(nodeId: string): Promise<void> | void;
  /**
   * Called when this node finds its own heartbeat had expired (it was paused or cut off from
   * Redis for longer than `heartbeatTtlMs`): other nodes may have swept its participants, so its
   * clients must rejoin.
   */
  onOwnHeartbeatLapsed?(): void;
  /** Where heartbeat failures, lapses and sweeps are reported. @default consoleLogger */
  logger?: MeetingsLogger;
}

/** Counters of one registry. */
export interface NodeRegistryStats {
  heartbeats: number;
  heartbeatFailures: number;
  lapses: number;
  sweptNodes: number;
  sweepFailures: number;
}

/**
 * KEYS: alive, nodes, sweep lock. ARGV: node id, this node's id, lock ms. Claims a dead node for
 * cleanup: only while its heartbeat is absent, it is still registered (a finished sweep has
 * unregistered it), and nobody holds the lock. Returns 1 when claimed.
 */
const CLAIM_NODE = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0 then return 0 end
if not redis.call('SET', KEYS[3], ARGV[2], 'NX', 'PX', ARGV[3]) then return 0 end
return 1
`);

/** KEYS: alive, nodes, sweep lock. ARGV: node id. Forgets a node whose heartbeat is still absent. */
const FORGET_NODE = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[1]) end
redis.call('DEL', KEYS[3])
return 1
`);

/**
 * Node liveness in Redis: each node renews a heartbeat key with a TTL; every node periodically
 * looks for registered nodes whose key expired and, holding a lock so only one node acts, hands
 * each dead node to `onDeadNode` (remove its participants and tell their meetings).
 *
 * @example
 * ```ts
 * const registry = new NodeRegistry({ client, nodeId, onDeadNode: (id) => evictNode(id) });
 * await registry.start();
 * ```
 */
export class NodeRegistry {
  readonly #options: NodeRegistryOptions;
  readonly #keys: RedisKeys;
  readonly #logger: MeetingsLogger;
  readonly #heartbeatMs: number;
  readonly #ttlMs: number;
  readonly #sweepMs: number;
  readonly #stats: NodeRegistryStats = { heartbeats: 0, heartbeatFailures: 0, lapses: 0, sweptNodes: 0, sweepFailures: 0 };
  #timers: ReturnType<typeof setTimeout>[] = [];
  #state: 'idle' | 'running' | 'closed' = 'idle';
  #sweeping: Promise<string[]> | undefined;

  constructor(options: NodeRegistryOptions) {
    this.#options = options;
    this.#keys = redisKeys(options.keyPrefix);
    this.#logger = options.logger ?? consoleLogger;
    this.#heartbeatMs = options.heartbeatIntervalMs ?? 2_000;
    this.#ttlMs = options.heartbeatTtlMs ?? 6_000;
    this.#sweepMs = options.sweepIntervalMs ?? 2_000;
    if (this.#ttlMs <= this.#heartbeatMs) throw new RangeError('heartbeatTtlMs must be longer than heartbeatIntervalMs');
    if (!/^[A-Za-z0-9_.:-]{1,128}$/.test(options.nodeId)) throw new RangeError('nodeId must be 1-128 of [A-Za-z0-9_.:-]');
  }

  /** This node's id. */
  get nodeId(): string {
    return this.#options.nodeId;
  }

  /** Registers this node, writes the first heartbeat and starts the heartbeat and sweep timers. */
  async start(): Promise<void> {
    if (this.#state !== 'idle') return;
    this.#state = 'running';
    await this.#options.client.sendCommand(['SADD', this.#keys.nodes(), this.nodeId]);
    await this.#beat(true);
    this.#every(this.#heartbeatMs, () => this.#beat(false));
    // Offset the first sweep by a random fraction so nodes started together do not sweep in lockstep.
    this.#every(this.#sweepMs, () => this.sweep(), Math.floor(Math.random() * this.#sweepMs));
  }

  /**
   * Looks for dead nodes once and cleans up those this node wins the lock for.
   * Returns the ids of the nodes it cleaned up. Concurrent calls share one sweep.
   */
  sweep(): Promise<string[]> {
    this.#sweeping ??= this.#sweepOnce().finally(() => {
      this.#sweeping = undefined;
    });
    return this.#sweeping;
  }

  /** A copy of the counters. */
  stats(): NodeRegistryStats {
    return { ...this.#stats };
  }

  /**
   * Stops the timers and deletes this node's heartbeat, so the other nodes sweep whatever
   * participants it still has right away instead of after the TTL. Idempotent.
   */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    const wasRunning = this.#state === 'running';
    this.#state = 'closed';
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers = [];
    await this.#sweeping?.catch(() => undefined);
    if (wasRunning) {
      await this.#options.client.sendCommand(['DEL', this.#keys.nodeAlive(this.nodeId)]).catch(() => undefined);
    }
  }

  /** Runs `task` every `intervalMs` after the previous run finished (never overlapping). */
  #every(intervalMs: number, task: () => Promise<unknown>, firstDelayMs: number = intervalMs): void {
    const slot = this.#timers.length;
    const schedule = (delay: number): void => {
      if (this.#state !== 'running') return;
      const timer = setTimeout(() => {
        void task()
          .catch(() => undefined)
          .finally(() => schedule(intervalMs));
      }, delay);
      timer.unref?.();
      this.#timers[slot] = timer;
    };
    schedule(firstDelayMs);
  }

  async #beat(first: boolean): Promise<void> {
    const { client } = this.#options;
    try {
      // GET returns the previous value: nil on a later beat means the key had expired.
      const previous = await client.sendCommand([
        'SET',
        this.#keys.nodeAlive(this.nodeId),
        String(Date.now()),
        'PX',
        String(this.#ttlMs),
        'GET',
      ]);
      this.#stats.heartbeats += 1;
      if (!first && previous === null && this.#state === 'running') {
        // Expired (a pause, a cut-off, or Redis restarted empty): a sweeper may have dropped this
        // node and its participants, so register again and have this node's clients rejoin.
        await client.sendCommand(['SADD', this.#keys.nodes(), this.nodeId]);
        this.#stats.lapses += 1;
        this.#logger.warn({ nodeId: this.nodeId }, "This node's heartbeat had expired; its clients will rejoin");
        this.#options.onOwnHeartbeatLapsed?.();
      }
    } catch (error) {
      this.#stats.heartbeatFailures += 1;
      this.#logger.warn({ nodeId: this.nodeId, error: String(error) }, 'Heartbeat to Redis failed');
      if (first) throw error;
    }
  }

  async #sweepOnce(): Promise<string[]> {
    const { client } = this.#options;
    const swept: string[] = [];
    const nodes = (await client.sendCommand(['SMEMBERS', this.#keys.nodes()])) as string[];
    for (const nodeId of nodes) {
      if (nodeId === this.nodeId || this.#state === 'closed') continue;
      const lockKey = this.#keys.nodeSweep(nodeId);
      const claimed = await CLAIM_NODE.run(client, [this.#keys.nodeAlive(nodeId), this.#keys.nodes(), lockKey], [
        nodeId,
        this.nodeId,
        '30000',
      ]);
      if (Number(claimed) !== 1) continue;
      try {
        await this.#options.onDeadNode(nodeId);
        await FORGET_NODE.run(client, [this.#keys.nodeAlive(nodeId), this.#keys.nodes(), lockKey], [nodeId]);
        this.#stats.sweptNodes += 1;
        swept.push(nodeId);
        this.#logger.info({ deadNodeId: nodeId, by: this.nodeId }, 'Cleaned up after a dead node');
      } catch (error) {
        this.#stats.sweepFailures += 1;
        await client.sendCommand(['DEL', lockKey]).catch(() => undefined);
        this.#logger.warn({ deadNodeId: nodeId, error: String(error) }, 'Cleaning up after a dead node failed; will retry');
      }
    }
    return swept;
  }
}
