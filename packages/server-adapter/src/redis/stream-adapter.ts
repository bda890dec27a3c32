import { ClusterAdapter, MessageType, type ClusterMessage, type ClusterResponse, type Offset, type ServerId } from 'socket.io-adapter';
import { batchItem, encodeBatchItems, encodeEntry, goesThroughStream, type StreamEntry } from './stream-codec';
import type { NodeRoutes, NodeRoutingAdapter } from '../socket/node-routes';
import type { StreamLink } from './stream-link';
import type { StreamMonitor } from './stream-monitor';
import { StreamSequencer, StreamSequenceTracker, type SequenceStamp } from './stream-sequence';

/** What the adapters of every namespace on one node share. */
export interface StreamAdapterShared {
  link: StreamLink;
  monitor: StreamMonitor;
  /** Prefix of the pub/sub channels. */
  channelPrefix: string;
}

/** Most messages one stream entry carries; a larger burst is split over several entries. */
export const MAX_MESSAGES_PER_ENTRY = 100;
/** Most bytes of messages one stream entry carries (a single larger message goes alone). */
export const MAX_ENTRY_BYTES = 64 * 1024;

/** A sequencer for another node's own stream is dropped after this long unused (far beyond the readers' memory of an origin). */
const DIRECT_SEQUENCER_IDLE_MS = 30 * 60_000;

/** Messages waiting for the end of the event loop's turn, and the callers waiting for their append. */
interface PendingEntry {
  /** The node whose own stream it goes to; `undefined` for the shared stream. */
  node: string | undefined;
  messages: ClusterMessage[];
  appended: Promise<Offset>;
  resolve: (offset: Offset) => void;
  reject: (error: unknown) => void;
}

/** The part of a Socket.IO namespace the adapter reads. */
interface NamespaceLike {
  name: string;
}

/**
 * The Socket.IO cluster adapter of one namespace, over a Redis stream: broadcasts and room
 * changes are appended to the stream, each stamped with this adapter's sequence number; entries
 * from other nodes are checked against their origin's sequence, so a lost entry (trimmed before
 * this node read it, or an append that failed) becomes a reported gap instead of silence.
 * What the node broadcasts within one turn of the event loop goes out as one entry (one XADD,
 * one entry for every reader), in order — under load that is most of the stream's cost saved.
 * With {@link NodeRoutes} (a meeting server sets them), a broadcast to one room whose node is
 * known — a signal to one participant — goes to that node's own stream instead, which only that
 * node reads: one append and one read, however many nodes there are. Those entries carry their
 * own sequence per origin and target node, checked the same way.
 * Requests that expect answers travel over pub/sub, as Socket.IO's own cluster adapters do.
 */
export class MeetingsStreamAdapter extends ClusterAdapter implements NodeRoutingAdapter {
  readonly #shared: StreamAdapterShared;
  readonly #sequencer = new StreamSequencer();
  readonly #tracker: StreamSequenceTracker;
  /** Sequences of what this node routes to each other node's own stream, and when each was last used. */
  readonly #directSequencers = new Map<string, { sequencer: StreamSequencer; usedAt: number }>();
  /** Checks what other nodes routed to this node's own stream. */
  readonly #directTracker: StreamSequenceTracker;
  readonly #publicChannel: string;
  readonly #stops: Array<() => void>;
  /** What this turn sends, per stream: `''` for the shared one, else the target node's id. */
  readonly #pending = new Map<string, PendingEntry>();
  #routes: NodeRoutes | undefined;
  #lastSequencerPrune = 0;

  constructor(nsp: NamespaceLike, shared: StreamAdapterShared) {
    super(nsp);
    this.#shared = shared;
    this.#tracker = new StreamSequenceTracker({ startedAt: this.#sequencer.bootedAt });
    this.#directTracker = new StreamSequenceTracker({ startedAt: this.#sequencer.bootedAt });
    this.#publicChannel = `${shared.channelPrefix}#${nsp.name}#`;
    const { link } = shared;
    this.#stops = [
      link.receive(nsp.name, (entry, offset, direct) => this.#fromStream(entry, offset, direct), this.uid),
      link.subscribe([this.#publicChannel], (payload) => this.#fromChannel(payload, (m) => this.onMessage(m as ClusterMessage))),
      link.subscribe([this.#responseChannel(this.uid)], (payload) => this.#fromChannel(payload, (m) => this.onResponse(m as ClusterResponse))),
    ];
  }

  protected override doPublish(message: ClusterMessage): Promise<Offset> {
    const { link, monitor } = this.#shared;
    if (!goesThroughStream(message)) {
      // A lost request shows as its timeout on the requesting side; nothing to count here.
      link.publish(this.#publicChannel, JSON.stringify(message)).catch(() => undefined);
      return Promise.resolve('');
    }
    monitor.published();
    const node = this.#routes ? this.#nodeOf(message) : undefined;
    const key = node ?? '';
    let pending = this.#pending.get(key);
    if (!pending) {
      let resolve!: (offset: Offset) => void;
      let reject!: (error: unknown) => void;
      const appended = new Promise<Offset>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      pending = { node, messages: [], appended, resolve, reject };
      if (this.#pending.size === 0) {
        // After the I/O callbacks of this turn: everything they broadcast shares the entry (one per stream).
        setImmediate(() => this.#flush());
      }
      this.#pending.set(key, pending);
    }
    if (node !== undefined) monitor.routed();
    pending.messages.push(message);
    return pending.appended;
  }

  routeByNode(routes: NodeRoutes): () => void {
    this.#routes = routes;
    // Other nodes route here only once this node's shared-stream entries say it reads its own
    // stream, which they do from when that reading starts.
    void this.#shared.link.readOwnStream(routes.nodeId);
    return () => {
      if (this.#routes === routes) this.#routes = undefined;
    };
  }

  /**
   * The node a message goes to alone: a broadcast to one room (nobody excepted) that the routes
   * place on another node, one that reads its own stream. Anything else goes to every node.
   */
  #nodeOf(message: ClusterMessage): string | undefined {
    if (message.type !== MessageType.BROADCAST) return undefined;
    const { opts } = message.data as { opts: { rooms: string[]; except: string[] } };
    if (opts.rooms.length !== 1 || opts.except.length > 0) return undefined;
    const routes = this.#routes as NodeRoutes;
    const node = routes.nodeOf(opts.rooms[0] as string);
    if (node === undefined || node === routes.nodeId || !this.#shared.link.readsOwnStream(node)) return undefined;
    return node;
  }

  /** Appends what this turn sent, one pending entry per stream, in the order each was first used. */
  #flush(): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of pending) this.#append(entry);
  }

  /** The stamp of the next `count` messages to `node`'s own stream, or to the shared one. */
  #stamp(node: string | undefined, count: number): SequenceStamp {
    if (node === undefined) return this.#sequencer.next(count);
    const now = Date.now();
    let direct = this.#directSequencers.get(node);
    if (!direct) {
      direct = { sequencer: new StreamSequencer(this.#sequencer.bootedAt), usedAt: now };
      this.#directSequencers.set(node, direct);
    }
    direct.usedAt = now;
    if (now - this.#lastSequencerPrune > 60_000) {
      this.#lastSequencerPrune = now;
      for (const [id, { usedAt }] of this.#directSequencers) if (now - usedAt > DIRECT_SEQUENCER_IDLE_MS) this.#directSequencers.delete(id);
    }
    return direct.sequencer.next(count);
  }

  /**
   * Appends the messages of `pending`, once: one entry when it is a single message (in the
   * layout earlier releases read), otherwise entries of up to {@link MAX_MESSAGES_PER_ENTRY}
   * messages and {@link MAX_ENTRY_BYTES}; settles everyone waiting on them.
   */
  #append(pending: PendingEntry): void {
    const { link, monitor } = this.#shared;
    const { messages, node } = pending;
    const appends: Array<Promise<string>> = [];
    const append = (fields: string[], count: number): void => {
      monitor.appended();
      appends.push(link.append(fields, count, node));
    };
    if (messages.length === 1) append(encodeEntry(messages[0] as ClusterMessage, this.#stamp(node, 1)), 1);
    else {
      const { uid, nsp } = messages[0] as ClusterMessage;
      let items: string[] = [];
      let bytes = 0;
      const flush = (): void => {
        if (items.length > 0) append(encodeBatchItems(uid, nsp, items, this.#stamp(node, items.length)), items.length);
        items = [];
        bytes = 0;
      };
      for (const message of messages) {
        const item = batchItem(message);
        if (items.length >= MAX_MESSAGES_PER_ENTRY || (items.length > 0 && bytes + item.length > MAX_ENTRY_BYTES)) flush();
        items.push(item);
        bytes += item.length;
      }
      flush();
    }
    Promise.all(appends).then(
      (offsets) => pending.resolve(offsets[offsets.length - 1] as string),
      (error: unknown) => {
        monitor.publishFailed(error);
        pending.reject(error);
      },
    );
  }

  protected override doPublishResponse(requesterUid: ServerId, response: ClusterResponse): Promise<void> {
    return this.#shared.link.publish(this.#responseChannel(requesterUid), JSON.stringify(response));
  }

  /** Nodes serving this namespace: the subscribers of its public channel. */
  override serverCount(): Promise<number> {
    return this.#shared.link.subscriberCount(this.#publicChannel);
  }

  override close(): void {
    // What this turn broadcast still goes out; then subscriptions, then the stream (the last
    // namespace's stream stop closes the connections).
    this.#routes = undefined;
    this.#flush();
    for (const stop of this.#stops.splice(0).reverse()) stop();
  }

  #responseChannel(uid: ServerId): string {
    return `${this.#publicChannel}${uid}#`;
  }

  #fromStream({ uid, nsp, messages, stamp }: StreamEntry, offset: string, direct: boolean): void {
    const { monitor } = this.#shared;
    if (uid !== this.uid && stamp) {
      monitor.received(offset, messages.length, direct);
      // Each stream has its own sequence per origin: a gap in one is a loss from that stream.
      const verdict = (direct ? this.#directTracker : this.#tracker).observe(uid, stamp, Date.now(), messages.length);
      if (verdict.kind === 'duplicate') return monitor.duplicate();
      if (verdict.kind === 'gap') {
        monitor.gap({ namespace: nsp, origin: uid, missing: verdict.missing, detectedAt: Date.now() });
      }
    }
    for (const message of messages) this.onMessage(message, offset);
  }

  #fromChannel(payload: string, handle: (message: unknown) => void): void {
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return; // not ours: the channels carry JSON only
    }
    handle(message);
  }
}
