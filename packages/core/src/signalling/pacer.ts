/**
 * Paces fire-and-forget emits under the server's rate limit (`limits.eventsPerSecond`): a token
 * bucket lets bursts through (a flurry of ICE candidates) and queues the rest instead of having
 * the server drop them with `rate-limited`. Order is preserved.
 */
export interface Pacer {
  /** Run `emit` now if a token is free, else queue it. */
  push(emit: () => void): void;
  /** Adopt the server's limit (events per second; the burst equals one second's worth). */
  setRate(eventsPerSecond: number): void;
  /** Drop everything queued (leave/close). */
  clear(): void;
  readonly queued: number;
}

/** Create a pacer; until `setRate` it allows `initialRate` events per second. */
export function createPacer(initialRate = 40, now: () => number = Date.now): Pacer {
  // Keep a margin below the server's limit: acknowledged requests share its bucket.
  let rate = initialRate * 0.8;
  let tokens = rate;
  let last = now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const queue: Array<() => void> = [];

  function refill() {
    const t = now();
    tokens = Math.min(rate, tokens + ((t - last) / 1000) * rate);
    last = t;
  }

  function drain() {
    timer = null;
    refill();
    while (queue.length > 0 && tokens >= 1) {
      tokens -= 1;
      queue.shift()!();
    }
    if (queue.length > 0) timer = setTimeout(drain, Math.ceil(((1 - tokens) / rate) * 1000));
  }

  return {
    push(emit) {
      queue.push(emit);
      if (!timer) drain();
    },
    setRate(eventsPerSecond) {
      if (eventsPerSecond > 0) rate = eventsPerSecond * 0.8;
    },
    clear() {
      queue.length = 0;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    get queued() {
      return queue.length;
    },
  };
}
