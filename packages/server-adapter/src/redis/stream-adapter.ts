import { ClusterAdapter, type ClusterMessage, type ClusterResponse, type Offset, type ServerId } from 'socket.io-adapter';
import { encodeEntry, goesThroughStream, type StreamEntry } from './stream-codec';
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

/** The part of a Socket.IO namespace the adapter reads. */
interface NamespaceLike {
  name: string;
}

/**
 * The Socket.IO cluster adapter of one namespace, over a Redis stream: broadcasts and room
 * changes are appended to the stream, each stamped with this adapter's sequence number; entries
 * from other nodes are checked against their origin's sequence, so a lost entry (trimmed before
 * this node read it, or an append that failed) becomes a reported gap instead of silence.
 * Requests that expect answers travel over pub/sub, as Socket.IO's own cluster adapters do.
 */
export class MeetingsStreamAdapter extends ClusterAdapter {
  readonly #shared: StreamAdapterShared;
  readonly #sequencer = new StreamSequencer();
  readonly #tracker: StreamSequenceTracker;
  readonly #publicChannel: string;
  readonly #stops: Array<() => void>;

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
    return link.append(encodeEntry(message, this.#sequencer.next())).catch((error: unknown) => {
      monitor.publishFailed(error);
      throw error;
    });
  }

  protected override doPublishResponse(requesterUid: ServerId, response: ClusterResponse): Promise<void> {
    return this.#shared.link.publish(this.#responseChannel(requesterUid), JSON.stringify(response));
  }

  /** Nodes serving this namespace: the subscribers of its public channel. */
  override serverCount(): Promise<number> {
    return this.#shared.link.subscriberCount(this.#publicChannel);
  }

  override close(): void {
    // Subscriptions first, then the stream: the last namespace's stream stop closes the connections.
    for (const stop of this.#stops.splice(0).reverse()) stop();
  }

  #responseChannel(uid: ServerId): string {
    return `${this.#publicChannel}${uid}#`;
  }

  #fromStream({ message, stamp }: StreamEntry, offset: string): void {
    const { monitor } = this.#shared;
    if (message.uid !== this.uid && stamp) {
      monitor.received(offset);
      const verdict = this.#tracker.observe(message.uid, stamp);
      if (verdict.kind === 'duplicate') return monitor.duplicate();
      if (verdict.kind === 'gap') {
        monitor.gap({ namespace: message.nsp, origin: message.uid, missing: verdict.missing, detectedAt: Date.now() });
      }
    }
    this.onMessage(message, offset);
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
