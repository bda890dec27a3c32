import { describe, expect, it } from 'vitest';
import { classifyStatus, parseRetryAfter, retryDelay, WEBHOOK_RETRY_DEFAULTS } from './retry';

describe('webhook retry policy', () => {
  it('retries 5xx, 408 and 429; refuses other 4xx and redirects; 2xx is delivered', () => {
    const outcome = (status: number) => classifyStatus(status, null, 0).outcome;
    expect([200, 202, 204].map(outcome)).toEqual(['delivered', 'delivered', 'delivered']);
    expect([500, 502, 503, 504, 408, 429].map(outcome)).toEqual(Array(6).fill('retryable'));
    expect([400, 401, 403, 404, 410, 422, 301, 302].map(outcome)).toEqual(Array(8).fill('refused'));
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(classifyStatus(429, '3', 0)).toEqual({ outcome: 'retryable', status: 429, retryAfterMs: 3000 });
  });

  it('backs off exponentially between half and all of each step, up to the maximum', () => {
    const retry = { maxAttempts: 12, initialDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, retry, undefined, () => 1))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, retry, undefined, () => 0))).toEqual([500, 1000, 2000, 4000, 5000]);
    for (let i = 0; i < 100; i += 1) {
      const d = retryDelay(3, retry);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('waits at least what Retry-After asks, never more than the maximum', () => {
    const retry = { ...WEBHOOK_RETRY_DEFAULTS, maxDelayMs: 60_000 };
    expect(retryDelay(1, retry, 30_000, () => 0)).toBe(30_000);
    expect(retryDelay(1, retry, 3_600_000, () => 0)).toBe(60_000);
  });

  it('by default gives an event twelve attempts over about half an hour', () => {
    const total = Array.from({ length: WEBHOOK_RETRY_DEFAULTS.maxAttempts - 1 }, (_, i) => retryDelay(i + 1, WEBHOOK_RETRY_DEFAULTS, undefined, () => 1)).reduce((a, b) => a + b, 0);
    expect(total).toBe(1923_000);
  });
});
