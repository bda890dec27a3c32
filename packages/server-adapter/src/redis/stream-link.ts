import type { MeetingsLogger } from '../observability/logger';
import type { RedisCommandClient } from './redis-client';
import { decodeEntry, type StreamEntry } from './stream-codec';

/** A dedicated connection the link opens from the host's client (`client.duplicate()`). */
export interface RedisDuplicate extends RedisCommandClient {
  connect(): Promise<unknown>;
  on(event: 'error' | 'reconnecting', listener: (...args: unknown[]) => void): unknown;
  subscribe(channels: string[], listener: (message: string, channel: string) => void): Promise<unknown>;
  unsubscribe(channels: string[], listener: (message: string, channel: string) => void): Promise<unknown>;
  /** Closes the connection now, rejecting pending commands (a blocked XREAD). */
  destroy(): void;
  /** Closes the connection after the replies of the commands already sent (node-redis v5). */
  close?(): Promise<unknown>;
}

/** A Redis client that can open the link's dedicated connections (node-redis v5 as is). */
export interface DuplicableRedisClient extends RedisCommandClient {
  duplicate(): RedisDuplicate;
}

/**
 * Opens a dedicated connection duplicated from `client`. It reconnects by itself, queueing
 * commands meanwhile; its errors are those reconnects, reported to `onReconnecting`.
 */
export async function openDuplicate(client: DuplicableRedisClient, onReconnecting: () => void): Promise<RedisDuplicate> {
  const connection = client.duplicate();
  connection.on('error', () => undefined);
  connection.on('reconnecting', onReconnecting);
  await connection.connect();
  return connection;
}

/** Stream settings of a link. */
export interface StreamLinkSettings {
  streamName: string;
  maxLen: number;
  readCount: number;
  blockTimeInMs: number;
}

/** Where the link hands what it reads: one receiver per Socket.IO namespace. */
export type StreamReceiver = (entry: StreamEntry, offset: string) => void;

type Reply = [id: string, fields: string[]];

/** The entries of an XREAD reply (RESP2: `[[stream, [[id, [field, value, …]], …]]]`, or nil). */
const entriesOf = (reply: unknown): Reply[] => (Array.isArray(reply) && Array.isArray(reply[0]) ? ((reply[0] as unknown[])[1] as Reply[]) : []);

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref?.());

/**
 * One node's connections to the cross-node stream, shared by every namespace: the host's client
 * appends and publishes; a dedicated reader follows the stream with a blocking XREAD from its
 * last offset (a reconnect resumes there, so nothing is skipped); a dedicated subscriber carries
 * pub/sub. Both dedicated connections open with the first receiver and close with the last.
 */
export class StreamLink {
  readonly #client: DuplicableRedisClient;
  readonly #settings: StreamLinkSettings;
  readonly #logger: MeetingsLogger;
  readonly #onReconnecting: () => void;
  readonly #receivers = new Map<string, StreamReceiver>();
  /** Adapter ids of this node's receivers: their own entries come back from the stream too. */
  readonly #ownUids = new Set<string>();
  #reader: RedisDuplicate | undefined;
  /** Moving average of the messages per appended entry, for trimming by messages. */
  #messagesPerEntry = 1;
  #subscriber: Promise<RedisDuplicate> | undefined;

  constructor(client: DuplicableRedisClient, settings: StreamLinkSettings, logger: MeetingsLogger, onReconnecting: () => void) {
    this.#client = client;
    this.#settings = settings;
    this.#logger = logger;
    this.#onReconnecting = onReconnecting;
  }

  /**
   * Receives the stream entries of namespace `nsp`, except those its adapter (`ownUid`) appended
   * itself, which it would ignore (they are dropped before their JSON is parsed); returns the
   * function that stops it.
   */
  receive(nsp: string, receiver: StreamReceiver, ownUid?: string): () => void {
    this.#receivers.set(nsp, receiver);
    if (ownUid !== undefined) this.#ownUids.add(ownUid);
    if (!this.#reader) this.#startReading();
    return () => {
      if (ownUid !== undefined) this.#ownUids.delete(ownUid);
      if (this.#receivers.get(nsp) !== receiver) return;
      this.#receivers.delete(nsp);
      if (this.#receivers.size === 0) this.#stop();
    };
  }

  /**
   * Appends an entry of `count` messages; resolves with its offset. The stream is trimmed to
   * about `maxLen` messages: Redis counts entries, so the cap it is given is `maxLen` over the
   * recent messages per entry — a stream of batched entries holds no more than one of singles.
   */
  async append(fields: readonly string[], count = 1): Promise<string> {
    const { streamName, maxLen } = this.#settings;
    this.#messagesPerEntry += (count - this.#messagesPerEntry) / 32;
    const entries = Math.max(1, Math.round(maxLen / Math.max(1, this.#messagesPerEntry)));
    return String(await this.#client.sendCommand(['XADD', streamName, 'MAXLEN', '~', String(entries), '*', ...fields]));
  }

  async publish(channel: string, payload: string): Promise<void> {
    await this.#client.sendCommand(['PUBLISH', channel, payload]);
  }

  /** Subscribers of a channel, on every node. */
  async subscriberCount(channel: string): Promise<number> {
    const reply = await this.#client.sendCommand(['PUBSUB', 'NUMSUB', channel]);
    return Number((reply as unknown[])[1] ?? 0);
  }

  /** Subscribes the dedicated subscriber; returns the function that unsubscribes. */
  subscribe(channels: string[], listener: (message: string) => void): () => void {
    const subscriber = (this.#subscriber ??= openDuplicate(this.#client, this.#onReconnecting));
    // The subscription is dropped when the link closes; its rejection then is expected.
    void subscriber.then((s) => s.subscribe(channels, listener)).catch(() => undefined);
    return () => void subscriber.then((s) => s.unsubscribe(channels, listener)).catch(() => undefined);
  }

  #startReading(): void {
    const reader = this.#client.duplicate();
    this.#reader = reader;
    reader.on('error', () => undefined);
    reader.on('reconnecting', this.#onReconnecting);
    void reader.connect().then(
      () => this.#read(reader),
      (error: unknown) => {
        if (this.#reader === reader) this.#logger.error({ error: String(error) }, 'The Redis stream reader could not connect');
      },
    );
  }

  async #read(reader: RedisDuplicate): Promise<void> {
    const { streamName, readCount, blockTimeInMs } = this.#settings;
    // Start at the current end as a concrete id, not `$`: a reconnect before the first entry
    // then resumes there instead of skipping what was appended meanwhile.
    let offset: string | undefined;
    while (this.#reader === reader) {
      try {
        offset ??= await this.#lastId(reader);
        const reply = await reader.sendCommand(['XREAD', 'COUNT', String(readCount), 'BLOCK', String(blockTimeInMs), 'STREAMS', streamName, offset]);
        for (const [id, fields] of entriesOf(reply)) {
          offset = id;
          this.#dispatch(fields, id);
        }
      } catch {
        // The connection is reconnecting (counted through its event) or was closed by #stop.
        if (this.#reader === reader) await pause(100);
      }
    }
  }

  /** Id of the newest entry (`0-0` for an empty stream). */
  async #lastId(reader: RedisDuplicate): Promise<string> {
    const reply = await reader.sendCommand(['XREVRANGE', this.#settings.streamName, '+', '-', 'COUNT', '1']);
    const newest = Array.isArray(reply) ? (reply[0] as Reply | undefined) : undefined;
    return newest?.[0] ?? '0-0';
  }

  #dispatch(fields: string[], offset: string): void {
    // `encodeEntry` writes the origin first: one of this node's own entries, read back, costs no parse.
    if (fields[0] === 'uid' && this.#ownUids.has(fields[1] as string)) return;
    try {
      const entry = decodeEntry(fields);
      if (entry) this.#receivers.get(entry.nsp)?.(entry, offset);
    } catch (error) {
      this.#logger.warn({ error: String(error), offset }, 'A cross-node message could not be handled');
    }
  }

  #stop(): void {
    this.#reader?.destroy();
    this.#reader = undefined;
    void this.#subscriber?.then((s) => s.destroy()).catch(() => undefined);
    this.#subscriber = undefined;
  }
}
