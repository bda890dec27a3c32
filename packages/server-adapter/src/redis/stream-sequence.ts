/**
 * Per-origin sequence numbers on the cross-node stream: the sending node stamps every message it
 * appends with `[bootedAt, seq]` (an entry of several messages carries the seq of its last one and
 * uses one number per message); each receiving node checks that `seq` grows by exactly one per
 * message and origin. A jump means messages were trimmed from the stream before this node read them (it lagged
 * by more than `maxLen` entries) or an append failed — either way, messages were lost.
 */

/** What a receiving node concluded about one message. */
export type SequenceVerdict =
  | { kind: 'in-order' }
  | { kind: 'duplicate' }
  | { kind: 'gap'; missing: number; expected: number; received: number };

/** Stamp carried on a stream message: the origin's boot time (epoch ms) and its sequence number. */
export type SequenceStamp = readonly [bootedAt: number, seq: number];

/** Options of {@link StreamSequenceTracker}. */
export interface StreamSequenceTrackerOptions {
  /** When this node started reading the stream (epoch ms). */
  startedAt: number;
  /**
   * An origin seen for the first time whose boot is later than `startedAt + graceMs` must start
   * at sequence 1 (this node was already reading); earlier origins may be joined mid-stream.
   * @default 2_000
   */
  graceMs?: number;
  /**
   * Origins silent for this long are forgotten (nodes that stopped).
   * @default 600_000
   */
  forgetAfterMs?: number;
}

interface OriginState {
  seq: number;
  lastSeenAt: number;
}

/** Checks per-origin sequence numbers of messages read from the stream. */
export class StreamSequenceTracker {
  readonly #origins = new Map<string, OriginState>();
  readonly #startedAt: number;
  readonly #graceMs: number;
  readonly #forgetAfterMs: number;
  #lastPrune = 0;

  constructor(options: StreamSequenceTrackerOptions) {
    this.#startedAt = options.startedAt;
    this.#graceMs = options.graceMs ?? 2_000;
    this.#forgetAfterMs = options.forgetAfterMs ?? 600_000;
  }

  /**
   * Records `count` consecutive messages of `origin`, the last stamped `stamp` (one entry of the
   * stream), and tells whether anything before them went missing.
   */
  observe(origin: string, stamp: SequenceStamp, now: number = Date.now(), count = 1): SequenceVerdict {
    this.#prune(now);
    const [bootedAt, seq] = stamp;
    const first = seq - count + 1;
    const state = this.#origins.get(origin);
    if (!state) {
      this.#origins.set(origin, { seq, lastSeenAt: now });
      const mustStartAtOne = bootedAt > this.#startedAt + this.#graceMs;
      if (mustStartAtOne && first > 1) return { kind: 'gap', missing: first - 1, expected: 1, received: first };
      return { kind: 'in-order' };
    }
    state.lastSeenAt = now;
    if (seq <= state.seq) return { kind: 'duplicate' };
    const expected = state.seq + 1;
    state.seq = seq;
    if (first <= expected) return { kind: 'in-order' };
    return { kind: 'gap', missing: first - expected, expected, received: first };
  }

  /** Number of origins currently tracked. */
  get size(): number {
    return this.#origins.size;
  }

  #prune(now: number): void {
    if (now - this.#lastPrune < 60_000) return;
    this.#lastPrune = now;
    for (const [origin, state] of this.#origins) {
      if (now - state.lastSeenAt > this.#forgetAfterMs) this.#origins.delete(origin);
    }
  }
}

/** Hands out the stamps of the local node: one boot time, a sequence starting at 1. */
export class StreamSequencer {
  readonly bootedAt: number;
  #seq = 0;

  constructor(bootedAt: number = Date.now()) {
    this.bootedAt = bootedAt;
  }

  /** The stamp of the next `count` appended messages (one entry): the seq of the last of them. */
  next(count = 1): SequenceStamp {
    this.#seq += count;
    return [this.bootedAt, this.#seq];
  }
}
