/**
 * A token bucket: `ratePerSecond` tokens refill continuously up to `burst`; each event takes one.
 * Allows short bursts (a flurry of ICE candidates) while capping sustained rates.
 */
export class TokenBucket {
  #tokens: number;
  #last: number;
  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#tokens = burst;
    this.#last = now();
  }

  /** Takes one token; `false` when the bucket is empty (the event must be dropped). */
  take(): boolean {
    const now = this.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.ratePerSecond);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
