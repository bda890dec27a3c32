/**
 * A set of timers owned by one unit; `clear()` cancels all of them. Every `after`/`every`
 * returns its own disposer.
 */
export interface TimerGroup {
  after(ms: number, fn: () => void): () => void;
  every(ms: number, fn: () => void): () => void;
  clear(): void;
}

/** Create a `TimerGroup`. */
export function createTimerGroup(): TimerGroup {
  const timeouts = new Set<ReturnType<typeof setTimeout>>();
  const intervals = new Set<ReturnType<typeof setInterval>>();
  return {
    after(ms, fn) {
      const id = setTimeout(() => {
        timeouts.delete(id);
        fn();
      }, ms);
      timeouts.add(id);
      return () => {
        clearTimeout(id);
        timeouts.delete(id);
      };
    },
    every(ms, fn) {
      const id = setInterval(fn, ms);
      intervals.add(id);
      return () => {
        clearInterval(id);
        intervals.delete(id);
      };
    },
    clear() {
      for (const id of timeouts) clearTimeout(id);
      for (const id of intervals) clearInterval(id);
      timeouts.clear();
      intervals.clear();
    },
  };
}
