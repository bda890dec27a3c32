import type { RedisCommandClient } from './redis-client';
import { openDuplicate, type DuplicableRedisClient, type RedisDuplicate } from './stream-link';

/**
 * The connection for meeting state and liveness: the room store's commands and the node's
 * heartbeat and sweeps, apart from the stream's appends. Redis answers one connection's commands
 * in the order they were sent, so on a connection shared with the appends a join's store step (one
 * script) waits behind every append queued before it — under load, most of a join's time — and an
 * overloaded node's heartbeat can wait past its TTL, after which the node drops every client to
 * resync. The commands here are small and few per join. {@link open} duplicates the host's client;
 * until then commands go over the host's client, so the store works from the first moment.
 *
 * Order between the two connections needs nothing: every cross-node event is appended after the
 * store step it announces has answered.
 */
export class StateConnection implements RedisCommandClient {
  readonly #shared: DuplicableRedisClient;
  #dedicated: RedisDuplicate | undefined;
  #reconnects = 0;

  constructor(shared: DuplicableRedisClient) {
    this.#shared = shared;
  }

  sendCommand(args: string[]): Promise<unknown> {
    return (this.#dedicated ?? this.#shared).sendCommand(args);
  }

  /** Opens the dedicated connection; commands switch to it once it is connected. */
  async open(): Promise<void> {
    if (this.#dedicated) return;
    this.#dedicated = await openDuplicate(this.#shared, () => {
      this.#reconnects += 1;
    });
  }

  /** Closes the dedicated connection after its pending replies; later commands go over the host's client. */
  async close(): Promise<void> {
    const connection = this.#dedicated;
    this.#dedicated = undefined;
    if (!connection) return;
    try {
      await (connection.close ? connection.close() : connection.destroy());
    } catch {
      connection.destroy();
    }
  }

  /** Whether the store's and the heartbeat's commands go over their own connection now. */
  get dedicated(): boolean {
    return this.#dedicated !== undefined;
  }

  /** Reconnections of the dedicated connection. */
  get reconnects(): number {
    return this.#reconnects;
  }
}
