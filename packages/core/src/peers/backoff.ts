import type { BackoffOptions } from '../client/types';

/** A resolved backoff policy. */
export interface Backoff {
  readonly maxAttempts: number;
  /** Delay before retry number `attempt` (1-based), with ±20 % jitter so peers do not retry in lockstep. */
  delay(attempt: number): number;
}

/** Resolve `BackoffOptions` against defaults into a `Backoff`. */
export function createBackoff(options: BackoffOptions | undefined, defaults: Required<BackoffOptions>): Backoff {
  const o = { ...defaults, ...options };
  return {
    maxAttempts: o.maxAttempts,
    delay(attempt) {
      const base = Math.min(o.maxDelayMs, o.initialDelayMs * o.factor ** Math.max(0, attempt - 1));
      return Math.round(base * (0.8 + Math.random() * 0.4));
    },
  };
}
