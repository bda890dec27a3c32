import { ClusterAdapter, type ClusterMessage, type ClusterResponse, type Offset, type ServerId } from 'socket.io-adapter';
import { batchItem, encodeBatchItems, encodeEntry, goesThroughStream, type StreamEntry } from './stream-codec';
import type { StreamLink } from './stream-link';
import type { StreamMonitor } from './stream-monitor';
import { StreamSequencer, StreamSequenceTracker } from './stream-sequence';

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

/** Messages waiting for the end of the event loop's turn, and the callers waiting for their append. */
interface PendingEntry {
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
 * Requests that expect answers travel over pub/sub, as Socket.IO's own cluster adapters do.
 */
export class MeetingsStreamAdapter extends ClusterAdapter {
  readonly #shared: StreamAdapterShared;
  readonly #sequencer = new StreamSequencer();
  readonly #tracker: StreamSequenceTracker;
  readonly #publicChannel: string;
  readonly #stops: Array<() => void>;
  #pending: PendingEntry | undefined;

  constructor(nsp: NamespaceLike, shared: StreamAdapterShared) {
    super(nsp);
    this.#shared = shared;
    this.#tracker = new StreamSequenceTracker({ startedAt: this.#sequencer.bootedAt });
    this.#publicChannel = `${shared.channelPrefix}#${nsp.name}#`;
    const { link } = shared;
    this.#stops = [
      link.receive(nsp.name, (entry, offset) => this.#fromStream(entry, offset), this.uid),
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
    let pending = this.#pending;
    if (!pending) {
      let resolve!: (offset: Offset) => void;
      let reject!: (error: unknown) => void;
      const appended = new Promise<Offset>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      pending = this.#pending = { messages: [], appended, resolve, reject };
      // After the I/O callbacks of this turn: everything they broadcast shares the entry.
      setImmediate(() => this.#append(pending as PendingEntry));
    }
    pending.messages.push(message);
    return pending.appended;
  }

  /**
   * Appends the messages of `pending`, once: one entry when it is a single message (in the
   * layout earlier releases read), otherwise entries of up to {@link MAX_MESSAGES_PER_ENTRY}
   * messages and {@link MAX_ENTRY_BYTES}; settles everyone waiting on them.
   */
  #append(pending: PendingEntry): void {
    if (this.#pending !== pending) return;
    this.#pending = undefined;
    const { link, monitor } = this.#shared;
    const { messages } = pending;
    const appends: Array<Promise<string>> = [];
    const append = (fields: string[], count: number): void => {
      monitor.appended();
      appends.push(link.append(fields, count));
    };
    if (messages.length === 1) append(encodeEntry(messages[0] as ClusterMessage, this.#sequencer.next()), 1);
    else {
      const { uid, nsp } = messages[0] as ClusterMessage;
      let items: string[] = [];
      let bytes = 0;
      const flush = (): void => {
        if (items.length > 0) append(encodeBatchItems(uid, nsp, items, this.#sequencer.next(items.length)), items.length);
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
    if (this.#pending) this.#append(this.#pending);
    for (const stop of this.#stops.splice(0).reverse()) stop();
  }

  #responseChannel(uid: ServerId): string {
    return `${this.#publicChannel}${uid}#`;
  }

  #fromStream({ uid, nsp, messages, stamp }: StreamEntry, offset: string): void {
    const { monitor } = this.#shared;
    if (uid !== this.uid && stamp) {
      monitor.received(offset, messages.length);
      const verdict = this.#tracker.observe(uid, stamp, Date.now(), messages.length);
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
