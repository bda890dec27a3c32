/** Backoff policy for retries (socket rejoin, peer rebuild). */
export interface BackoffOptions {
  /** Attempts before giving up. @default 5 */
  maxAttempts?: number;
  /** First delay. @default 500 */
  initialDelayMs?: number;
  /** Delay cap. @default 8000 */
  maxDelayMs?: number;
  /** Multiplier per attempt. @default 2 */
  factor?: number;
}

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
