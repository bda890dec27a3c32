import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { ProtocolFailure } from '../errors';
import { isThenable } from '../socket/serial-queue';

/** When a node refuses new joins with `server-busy`. */
export interface OverloadOptions {
  /**
   * Event-loop lag (the longest seen over a window, ms) above which new joins are refused — while the loop is
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
  /** The longest lag sampled (ms). */
  lagMs: number;
  /** Share of the window the loop ran code (0–1). */
  utilization: number;
}

/** Why a node is busy, or `'ok'`. */
export type LoadState = 'ok' | 'lagging' | 'saturated';

/** Lag samples per window: enough that a loop turn longer than the bound is always seen. */
const SAMPLES_PER_WINDOW = 4;

/**
 * Decides whether this node takes new joins. It watches the event loop's lag and utilization
 * and the joins in flight, nothing on the hot path; past a bound a join is refused with
 * `server-busy` (recoverable, with `retryAfterMs`) while established meetings keep relaying —
 * shedding the newest work first keeps the rest, the Redis heartbeat included, on time.
 *
 * The lag is sampled a few times per window (one timer, {@link SAMPLES_PER_WINDOW} per window):
 * each sample is how late its timer fired and how long the loop then took to reach the check phase of
 * that same turn (the I/O it had queued), whichever is longer — the wait a new event sees. Node's
 * `monitorEventLoopDelay` samples every few milliseconds instead: on an idle node those wake-ups
 * cost several times the rest of its idle CPU, for a bound of a second.
 */
export class LoadShedder {
  readonly #options: OverloadOptions;
  readonly #sampleMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #probe: ReturnType<typeof setImmediate> | undefined;
  /** The last complete window, so a verdict does not flicker within one. */
  #lastWindow: LoadWindow = { lagMs: 0, utilization: 0 };
  #windowStart: EventLoopUtilization = performance.eventLoopUtilization();
  #windowStartedAt = performance.now();
  /** The longest lag sampled in the current window (ms). */
  #windowLagMs = 0;
  #pending = 0;

  constructor(options: Partial<OverloadOptions> = {}) {
    this.#options = { ...OVERLOAD_DEFAULTS, ...options };
    for (const [key, value] of Object.entries(this.#options)) {
      if (!Number.isFinite(value) || value <= 0) throw new Error(`overload.${key} must be a positive number`);
    }
    if (this.#options.minUtilization > 1) throw new Error('overload.minUtilization must be at most 1');
    this.#sampleMs = this.#options.windowMs / SAMPLES_PER_WINDOW;
    this.#schedule();
  }

  #schedule(): void {
    const due = performance.now() + this.#sampleMs;
    this.#timer = setTimeout(() => this.#sample(due), this.#sampleMs);
    this.#timer.unref?.();
  }

  /** One lag sample: the timer's lateness, then the rest of this loop turn up to its check phase. */
  #sample(due: number): void {
    const fired = performance.now();
    // Counted at once: a join read later in this same turn is judged with it.
    this.#windowLagMs = Math.max(this.#windowLagMs, fired - due);
    this.#probe = setImmediate(() => {
      this.#probe = undefined;
      const now = performance.now();
      this.#windowLagMs = Math.max(this.#windowLagMs, now - fired);
      if (now - this.#windowStartedAt >= this.#options.windowMs) {
        this.#lastWindow = this.#currentWindow();
        this.#windowStart = performance.eventLoopUtilization();
        this.#windowStartedAt = now;
        this.#windowLagMs = 0;
      }
      this.#schedule();
    });
    this.#probe.unref?.();
  }

  /** Why new joins are refused right now, or `'ok'`: judged on the last window and the current one so far. */
  get state(): LoadState {
    if (this.#pending >= this.#options.maxPendingJoins) return 'saturated';
    const { maxEventLoopLagMs, minUtilization } = this.#options;
    const lagging = (w: LoadWindow): boolean => w.lagMs > maxEventLoopLagMs && w.utilization >= minUtilization;
    return lagging(this.#lastWindow) || this.#currentWindowLags() ? 'lagging' : 'ok';
  }

  /** The current window's verdict so far, cheapest test first (the utilization is read only past the lag bound). */
  #currentWindowLags(): boolean {
    const { maxEventLoopLagMs, minUtilization } = this.#options;
    if (this.#windowLagMs <= maxEventLoopLagMs) return false;
    return performance.eventLoopUtilization(this.#windowStart).utilization >= minUtilization;
  }

  /**
   * Runs a join unless the node is busy, counting it as pending until it settles. The returned
   * promise rejects with ProtocolFailure `server-busy` when the node is past a bound.
   */
  admit<T>(join: () => Promise<T> | T): Promise<T> {
    if (this.state !== 'ok') return Promise.reject(new ProtocolFailure('server-busy', { retryAfterMs: this.#options.windowMs * 2 }));
    this.#pending += 1;
    let joining: Promise<T> | T;
    try {
      joining = join();
    } catch (error) {
      this.#pending -= 1;
      return Promise.reject(error);
    }
    if (!isThenable(joining)) {
      this.#pending -= 1;
      return Promise.resolve(joining);
    }
    return Promise.resolve(joining).finally(this.#settled);
  }

  /** One join fewer in flight (bound once: a join's `finally` needs no closure of its own). */
  readonly #settled = (): void => {
    this.#pending -= 1;
  };

  #currentWindow(): LoadWindow {
    return { lagMs: this.#windowLagMs, utilization: performance.eventLoopUtilization(this.#windowStart).utilization };
  }

  /** Stops sampling. */
  close(): void {
    clearTimeout(this.#timer);
    if (this.#probe) clearImmediate(this.#probe);
  }
}
