import { performance } from 'node:perf_hooks';
import { normaliseShape, type LinkShape } from './shape';

/** Counters of one direction since it was created. */
export interface DirectionStats {
  /** Datagrams (or TCP segments) offered to the direction. */
  offered: number;
  /** Dropped at random (`loss`). */
  lost: number;
  /** Tail-dropped because the bottleneck queue was full. */
  overflowed: number;
  /** Reliable (TCP) segments that drew a loss and were held back one retransmission timeout instead. */
  retransmitted: number;
  /** Handed to the far side. */
  delivered: number;
  offeredBytes: number;
  deliveredBytes: number;
  /** Longest time a packet spent in the bottleneck queue, ms. */
  maxQueueMs: number;
}

/** What happened to one offered packet. */
export type PushOutcome = 'queued' | 'lost' | 'overflow';

/** One direction of a shaped link: random loss → bounded rate-limited FIFO → delay line. */
export interface ShapedDirection {
  /**
   * Offer a packet of `bytes`; `deliver` runs when it leaves the link. `reliable` packets (TCP
   * segments) are never dropped: a loss delays them by a retransmission timeout instead, and
   * the TCP relay's pausing keeps the queue bounded (see `backlogMs`).
   */
  push(bytes: number, deliver: () => void, reliable?: boolean): PushOutcome;
  /** Data waiting in the bottleneck queue right now, in ms of transmission time. */
  backlogMs(): number;
  /** The current shape, defaults filled in. */
  shape(): Required<LinkShape>;
  /** Change the shape; packets already in the link keep the times they were given. */
  set(shape: LinkShape): void;
  stats(): DirectionStats;
  /** Drop everything in flight and stop the timer. */
  close(): void;
}

/** Options of {@link createDirection}. */
export interface DirectionOptions {
  /** Random source in [0, 1) for loss and jitter (a seeded one makes runs repeatable). @default Math.random */
  random?: () => number;
  /** Clock in ms. @default performance.now */
  now?: () => number;
}

interface InFlight {
  at: number;
  bytes: number;
  deliver: () => void;
}

/**
 * Create one shaped direction. The bottleneck is a fluid FIFO: a packet starts transmitting when
 * the previous one finished (`lastDeparture`), so the queue's backlog is `lastDeparture − now`
 * and its bound is a time (`queueMs`), the same whatever the packet sizes. After the bottleneck
 * every packet waits `delayMs ± jitterMs`, never overtaking the one before it.
 */
export function createDirection(initial: LinkShape, options: DirectionOptions = {}): ShapedDirection {
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => performance.now());
  let shape = normaliseShape(initial);
  let lastDeparture = 0;
  let lastArrival = 0;
  const line: InFlight[] = [];
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const stats: DirectionStats = { offered: 0, lost: 0, overflowed: 0, retransmitted: 0, delivered: 0, offeredBytes: 0, deliveredBytes: 0, maxQueueMs: 0 };

  function flush() {
    timer = null;
    const t = now();
    // Everything due (timers fire late under load: deliver the whole backlog at once, in order).
    while (line.length > 0 && line[0]!.at <= t + 0.5) {
      const packet = line.shift()!;
      stats.delivered += 1;
      stats.deliveredBytes += packet.bytes;
      packet.deliver();
    }
    arm();
  }

  function arm() {
    if (timer || closed || line.length === 0) return;
    timer = setTimeout(flush, Math.max(0, line[0]!.at - now()));
  }

  return {
    push(bytes, deliver, reliable = false) {
      if (closed) return 'lost';
      const t = now();
      stats.offered += 1;
      stats.offeredBytes += bytes;
      let penaltyMs = 0;
      if (shape.loss > 0 && random() < shape.loss) {
        if (!reliable) {
          stats.lost += 1;
          return 'lost';
        }
        // TCP would resend after its timeout (Linux: ≥ 200 ms plus a round trip); everything
        // behind the segment waits with it (head-of-line blocking).
        stats.retransmitted += 1;
        penaltyMs = 200 + 2 * shape.delayMs;
      }
      let leaves = t;
      if (shape.rateBps > 0) {
        const backlog = Math.max(0, lastDeparture - t);
        const transmitMs = (bytes * 8 * 1000) / shape.rateBps;
        if (!reliable && backlog + transmitMs > shape.queueMs) {
          stats.overflowed += 1;
          return 'overflow';
        }
        leaves = Math.max(t, lastDeparture) + transmitMs;
        lastDeparture = leaves;
        stats.maxQueueMs = Math.max(stats.maxQueueMs, leaves - t);
      }
      const jitter = shape.jitterMs > 0 ? (random() * 2 - 1) * shape.jitterMs : 0;
      // FIFO: jitter may shorten a packet's delay but never lets it overtake the previous one.
      const at = Math.max(leaves + Math.max(0, shape.delayMs + jitter) + penaltyMs, lastArrival);
      lastArrival = at;
      line.push({ at, bytes, deliver });
      arm();
      return 'queued';
    },
    backlogMs: () => Math.max(0, lastDeparture - now()),
    shape: () => ({ ...shape }),
    set(next) {
      shape = normaliseShape(next);
    },
    stats: () => ({ ...stats }),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      line.length = 0;
    },
  };
}
