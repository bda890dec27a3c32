import { createHash } from 'node:crypto';

/**
 * The one Redis capability the Redis room store and node registry use: send a raw command and
 * get Redis's reply (RESP2 shapes: strings, integers, arrays, `null`). A node-redis v5 client
 * (`createClient()` from `redis`, the tested client) satisfies it as is.
 */
export interface RedisCommandClient {
  /** Sends one command (`['HGET', key, field]`) and resolves with Redis's reply. */
  sendCommand(args: string[]): Promise<unknown>;
}

/** A Lua script run with EVALSHA, loaded on first use and again after a `SCRIPT FLUSH` or failover. */
export class RedisScript {
  readonly #source: string;
  readonly #sha: string;

  constructor(source: string) {
    this.#source = source;
    this.#sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with the given keys and arguments. */
  async run(client: RedisCommandClient, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await client.sendCommand(['EVALSHA', this.#sha, ...tail]);
    } catch (error) {
      // NOSCRIPT: the server does not know the script yet (fresh server, flush, failover).
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.sendCommand(['EVAL', this.#source, ...tail]);
    }
  }
}
