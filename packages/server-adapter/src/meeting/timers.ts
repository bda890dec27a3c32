/** Longest delay `setTimeout` honours (about 24.8 days); longer waits are re-armed in steps. */
const MAX_DELAY = 2_147_483_647;

/** Named, cancellable, unref'd timers — one per key. */
export class KeyedTimers {
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Runs `fn` at epoch ms `at` (or now, if past), replacing any timer with the same key. */
  at(key: string, at: number, now: () => number, fn: () => void): void {
    this.cancel(key);
    const arm = (): void => {
      const delay = at - now();
      const timer = setTimeout(() => {
        this.#timers.delete(key);
        if (delay > MAX_DELAY) arm();
        else fn();
      }, Math.max(0, Math.min(delay, MAX_DELAY)));
      timer.unref?.();
      this.#timers.set(key, timer);
    };
    arm();
  }

  cancel(key: string): void {
    const timer = this.#timers.get(key);
    if (timer) clearTimeout(timer);
    this.#timers.delete(key);
  }

  /** How many timers are armed. */
  get size(): number {
    return this.#timers.size;
  }

  has(key: string): boolean {
    return this.#timers.has(key);
  }

  clear(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
