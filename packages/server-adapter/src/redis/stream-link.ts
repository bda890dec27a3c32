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

/**
 * Where the link hands what it reads: one receiver per Socket.IO namespace. `direct` is true for
 * an entry read from this node's own stream (messages other nodes routed to it alone).
 */
export type StreamReceiver = (entry: StreamEntry, offset: string, direct: boolean) => void;

type Reply = [id: string, fields: string[]];

/** The entries of each stream in an XREAD reply (RESP2: `[[stream, [[id, [field, value, …]], …]], …]`, or nil). */
const streamsOf = (reply: unknown): Map<string, Reply[]> => {
  const streams = new Map<string, Reply[]>();
  if (!Array.isArray(reply)) return streams;
  for (const part of reply as unknown[]) {
    if (Array.isArray(part) && Array.isArray(part[1])) streams.set(String(part[0]), part[1] as Reply[]);
  }
  return streams;
};

/** The field of a shared-stream entry that names its node when that node reads its own stream too. */
export const NODE_FIELD = 'node';

/** How long a node's own stream lives without its reader refreshing it (a node that died). */
export const OWN_STREAM_TTL_MS = 10 * 60_000;
/** How often the reader refreshes its own stream's lifetime (when it reads from it). */
const OWN_STREAM_REFRESH_MS = 60_000;
/** How often the reader trims what it has read from its own stream (when it reads from it). */
const OWN_STREAM_TRIM_MS = 1_000;
/** A node not heard from for this long is no longer sent anything on its own stream (until it is heard again). */
const DIRECT_READER_FORGET_MS = 10 * 60_000;

/** This node's own stream while it is read. */
interface OwnStream {
  nodeId: string;
  name: string;
  /** Where reading it goes on from. */
  offset: string;
  /** When its lifetime was last refreshed (epoch ms). */
  refreshedAt: number;
  /** When what was read from it was last trimmed (epoch ms). */
  trimmedAt: number;
}

/** The name of node `nodeId`'s own stream, beside the shared `streamName`. */
export const ownStreamName = (streamName: string, nodeId: string): string => `${streamName}:node:${nodeId}`;

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
  /** This node's own stream, once it reads one: its id and where reading it goes on from. */
  #own: OwnStream | undefined;
  /** Nodes whose shared-stream entries say they read their own stream, with when that was last seen. */
  readonly #directReaders = new Map<string, number>();
  #lastDirectPrune = 0;

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
   * Appends an entry of `count` messages to the shared stream, or with `nodeId` to that node's own
   * stream (which only it reads); resolves with its offset. A shared-stream entry of a node that
   * reads its own stream ends with the {@link NODE_FIELD} naming it (readers of an earlier release
   * skip the unknown field). Each stream is trimmed to about `maxLen` messages: Redis counts
   * entries, so the cap it is given is `maxLen` over the recent messages per shared-stream entry —
   * a stream of batched entries holds no more than one of singles.
   */
  async append(fields: readonly string[], count = 1, nodeId?: string): Promise<string> {
    const { streamName, maxLen } = this.#settings;
    if (nodeId === undefined) this.#messagesPerEntry += (count - this.#messagesPerEntry) / 32;
    const entries = Math.max(1, Math.round(maxLen / Math.max(1, this.#messagesPerEntry)));
    if (nodeId !== undefined) return String(await this.#client.sendCommand(['XADD', ownStreamName(streamName, nodeId), 'MAXLEN', '~', String(entries), '*', ...fields]));
    const own = this.#own?.nodeId;
    const marker = own === undefined ? [] : [NODE_FIELD, own];
    return String(await this.#client.sendCommand(['XADD', streamName, 'MAXLEN', '~', String(entries), '*', ...fields, ...marker]));
  }

  /**
   * Starts reading this node's own stream beside the shared one, in the same XREAD: the messages
   * other nodes route to this node alone. The stream is emptied first (whatever is in it was for
   * an earlier run of a node with this id) and read from its start, so nothing appended after
   * this resolves is missed. What was read is trimmed from it, and its lifetime refreshed, as it
   * is read: it holds what this node has not read yet, and the stream of a node that died expires
   * ({@link OWN_STREAM_TTL_MS}). Like the shared stream it is capped at about `maxLen` messages, so a
   * node that falls that far behind loses entries, which its sequence check reports.
   */
  async readOwnStream(nodeId: string): Promise<void> {
    if (this.#own?.nodeId === nodeId) return;
    const name = ownStreamName(this.#settings.streamName, nodeId);
    try {
      await this.#client.sendCommand(['DEL', name]);
    } catch (error) {
      // Read it anyway: entries of an earlier run are for sockets gone with it, and go nowhere.
      this.#logger.warn({ error: String(error), stream: name }, "This node's own stream could not be emptied at start");
    }
    this.#own = { nodeId, name, offset: '0-0', refreshedAt: 0, trimmedAt: 0 };
  }

  /** Whether node `nodeId` reads its own stream (it said so in a recent shared-stream entry). */
  readsOwnStream(nodeId: string): boolean {
    return this.#directReaders.has(nodeId);
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
        const own = this.#own;
        const command = own
          ? ['XREAD', 'COUNT', String(readCount), 'BLOCK', String(blockTimeInMs), 'STREAMS', streamName, own.name, offset, own.offset]
          : ['XREAD', 'COUNT', String(readCount), 'BLOCK', String(blockTimeInMs), 'STREAMS', streamName, offset];
        const streams = streamsOf(await reader.sendCommand(command));
        const shared = streams.get(streamName) ?? [];
        for (const [id, fields] of shared) {
          offset = id;
          this.#dispatch(fields, id, false);
        }
        // Everything the shared stream held when this read ran was delivered first, so a message
        // routed to this node never overtakes a broadcast appended before it (a roster event
        // before the first offer). When the shared part was cut at COUNT, the rest of it comes
        // first: this node's own entries wait for the next read.
        const direct = own ? streams.get(own.name) : undefined;
        if (own && direct && shared.length < readCount) {
          for (const [id, fields] of direct) {
            own.offset = id;
            this.#dispatch(fields, id, true);
          }
          if (direct.length > 0) this.#tidyOwn(own);
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

  /**
   * After entries were read from this node's own stream: trims what was read (at most once a
   * second; this node is its only reader, so the stream holds little more than what it has not
   * read yet, not `maxLen` messages), and gives it its lifetime again (at most once a minute), so
   * the stream of a node that died expires ({@link OWN_STREAM_TTL_MS}). The commands go on the
   * host's client and do not wait on the read.
   */
  #tidyOwn(own: OwnStream): void {
    const now = Date.now();
    if (now - own.trimmedAt >= OWN_STREAM_TRIM_MS) {
      own.trimmedAt = now;
      this.#client.sendCommand(['XTRIM', own.name, 'MINID', own.offset]).catch(() => undefined);
    }
    if (now - own.refreshedAt >= OWN_STREAM_REFRESH_MS) {
      own.refreshedAt = now;
      this.#client.sendCommand(['PEXPIRE', own.name, String(OWN_STREAM_TTL_MS)]).catch(() => undefined);
    }
  }

  /** Notes that the node named in a shared-stream entry reads its own stream. */
  #noteDirectReader(nodeId: string): void {
    const now = Date.now();
    this.#directReaders.set(nodeId, now);
    if (now - this.#lastDirectPrune < 60_000) return;
    this.#lastDirectPrune = now;
    for (const [id, seenAt] of this.#directReaders) if (now - seenAt > DIRECT_READER_FORGET_MS) this.#directReaders.delete(id);
  }

  #dispatch(fields: string[], offset: string, direct: boolean): void {
    // `encodeEntry` writes the origin first: one of this node's own entries, read back, costs no parse.
    if (fields[0] === 'uid' && this.#ownUids.has(fields[1] as string)) return;
    // A node that reads its own stream says so at the end of its shared-stream entries.
    if (!direct && fields[fields.length - 2] === NODE_FIELD) this.#noteDirectReader(fields[fields.length - 1] as string);
    try {
      const entry = decodeEntry(fields);
      if (entry) this.#receivers.get(entry.nsp)?.(entry, offset, direct);
    } catch (error) {
      this.#logger.warn({ error: String(error), offset }, 'A cross-node message could not be handled');
    }
  }

  #stop(): void {
    this.#reader?.destroy();
    this.#reader = undefined;
    // Nothing reads this node's own stream any more: what others still route to it is for sockets gone with it.
    const own = this.#own;
    this.#own = undefined;
    if (own) this.#client.sendCommand(['DEL', own.name]).catch(() => undefined);
    void this.#subscriber?.then((s) => s.destroy()).catch(() => undefined);
    this.#subscriber = undefined;
  }
}
