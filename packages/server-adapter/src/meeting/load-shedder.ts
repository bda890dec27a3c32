import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';
import { ProtocolFailure } from '../errors';

/** When a node refuses new joins with `server-busy`. */
export interface OverloadOptions {
  /**
   * Event-loop lag (p99 over a window, ms) above which new joins are refused — while the loop is
   * also busy with our own work (see `minUtilization`): a node this late cannot answer joins,
   * relay signals or renew its heartbeat on time.
   * @default 1000
   */
  maxEventLoopLagMs: number;
  /**
   * Event-loop utilization (0–1, the share of the window the loop was running code) from which a
   * lag counts. Lag with an idle loop means the machine, not this node, is short of CPU (the
   * process waited to be scheduled); refusing joins would not help then.
   * @default 0.9
   */
  minUtilization: number;
  /** Joins being handled at once (waiting on the store) above which new ones are refused. @default 256 */
  maxPendingJoins: number;
  /** Length of the window the lag is measured over; a busy verdict lasts at least this long. @default 1000 */
  windowMs: number;
}

/** Default bounds of {@link OverloadOptions}. */
export const OVERLOAD_DEFAULTS: OverloadOptions = { maxEventLoopLagMs: 1000, minUtilization: 0.9, maxPendingJoins: 256, windowMs: 1000 };

/** What one window of event-loop measurements saw. */
interface LoadWindow {
  /** p99 of the lag (ms). */
  lagMs: number;
  /** Share of the window the loop ran code (0–1). */
  utilization: number;
}

/** Why a node is busy, or `'ok'`. */
export type LoadState = 'ok' | 'lagging' | 'saturated';

/**
 * Decides whether this node takes new joins. It watches the event loop's lag and utilization
 * (Node's own samplers, nothing on the hot path) and the joins in flight; past a bound a join is refused
 * with `server-busy` (recoverable, with `retryAfterMs`) while established meetings keep relaying —
 * shedding the newest work first keeps the rest, the Redis heartbeat included, on time.
 */
export class LoadShedder {
  readonly #options: OverloadOptions;
  readonly #histogram: IntervalHistogram;
  readonly #timer: ReturnType<typeof setInterval>;
  /** The last complete window, so a verdict does not flicker within one. */
  #lastWindow: LoadWindow = { lagMs: 0, utilization: 0 };
  #windowStart: EventLoopUtilization = performance.eventLoopUtilization();
  #pending = 0;

  constructor(options: Partial<OverloadOptions> = {}) {
    this.#options = { ...OVERLOAD_DEFAULTS, ...options };
    for (const [key, value] of Object.entries(this.#options)) {
      if (!Number.isFinite(value) || value <= 0) throw new Error(`overload.${key} must be a positive number`);
    }
    if (this.#options.minUtilization > 1) throw new Error('overload.minUtilization must be at most 1');
    this.#histogram = monitorEventLoopDelay({ resolution: 20 });
    this.#histogram.enable();
    this.#timer = setInterval(() => {
      this.#lastWindow = this.#currentWindow();
      this.#windowStart = performance.eventLoopUtilization();
      this.#histogram.reset();
    }, this.#options.windowMs);
    this.#timer.unref?.();
  }

  /** Why new joins are refused right now, or `'ok'`: judged on the last window and the current one so far. */
  get state(): LoadState {
    if (this.#pending >= this.#options.maxPendingJoins) return 'saturated';
    const { maxEventLoopLagMs, minUtilization } = this.#options;
    const lagging = (w: LoadWindow): boolean => w.lagMs > maxEventLoopLagMs && w.utilization >= minUtilization;
    return lagging(this.#lastWindow) || this.#currentWindowLags() ? 'lagging' : 'ok';
  }

  /**
   * The current window's verdict, cheapest test first: the p99 never exceeds the largest delay
   * seen, so while that is within the bound the percentile (a walk over the whole histogram,
   * which cost more than the rest of the check on every join) is not needed.
   */
  #currentWindowLags(): boolean {
    const { maxEventLoopLagMs, minUtilization } = this.#options;
    if (this.#histogram.count === 0 || this.#histogram.max / 1e6 <= maxEventLoopLagMs) return false;
    if (performance.eventLoopUtilization(this.#windowStart).utilization < minUtilization) return false;
    return this.#histogram.percentile(99) / 1e6 > maxEventLoopLagMs;
  }

  /**
   * Runs a join unless the node is busy, counting it as pending until it settles.
   * @throws ProtocolFailure `server-busy` when the node is past a bound.
   */
  async admit<T>(join: () => Promise<T> | T): Promise<T> {
    if (this.state !== 'ok') throw new ProtocolFailure('server-busy', { retryAfterMs: this.#options.windowMs * 2 });
    this.#pending += 1;
    try {
      return await join();
    } finally {
      this.#pending -= 1;
    }
  }

  #currentWindow(): LoadWindow {
    return {
      lagMs: this.#histogram.count > 0 ? this.#histogram.percentile(99) / 1e6 : 0,
      utilization: performance.eventLoopUtilization(this.#windowStart).utilization,
    };
  }

  /** Stops sampling. */
  close(): void {
    clearInterval(this.#timer);
    this.#histogram.disable();
  }
}
