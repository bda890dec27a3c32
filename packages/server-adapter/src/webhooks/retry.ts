/** How failed deliveries are retried. */
export interface WebhookRetryOptions {
  /** Attempts of one event, the first included; then it is given up (logged, counted). @default 12 */
  maxAttempts?: number;
  /** Delay before the second attempt; each later one doubles it (with jitter). @default 1000 */
  initialDelayMs?: number;
  /** The longest delay between two attempts. @default 900000 (15 min) */
  maxDelayMs?: number;
}

/** Retry settings with every default applied. */
export type ResolvedRetry = Required<WebhookRetryOptions>;

/** Defaults of {@link WebhookRetryOptions}: 12 attempts over about half an hour. */
export const WEBHOOK_RETRY_DEFAULTS: ResolvedRetry = { maxAttempts: 12, initialDelayMs: 1000, maxDelayMs: 900_000 };

/** What one delivery attempt came to. */
export type AttemptResult =
  | { outcome: 'delivered'; status: number }
  | { outcome: 'retryable'; status?: number; error?: string; /** From `Retry-After`. */ retryAfterMs?: number }
  | { outcome: 'refused'; status: number };

/** `Retry-After`: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Sorts a receiver's answer: 2xx delivered; 408, 429 and 5xx worth another attempt (the receiver
 * is busy or broken for now); any other status (a 4xx, a redirect) is a refusal that a retry
 * would only repeat.
 */
export function classifyStatus(status: number, retryAfter: string | null, now: number): AttemptResult {
  if (status >= 200 && status < 300) return { outcome: 'delivered', status };
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return { outcome: 'retryable', status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  return { outcome: 'refused', status };
}

/**
 * Delay after the `failedAttempts`-th failure: exponential (`initialDelayMs × 2^(n−1)`, at most
 * `maxDelayMs`) with equal jitter (between half and all of it), so receivers coming back up are
 * not hit by every sender at once; never shorter than the receiver's `Retry-After`.
 */
export function retryDelay(failedAttempts: number, retry: ResolvedRetry, retryAfterMs?: number, random: () => number = Math.random): number {
  const base = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  const jittered = Math.round(base / 2 + (random() * base) / 2);
  return Math.min(retry.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
}
