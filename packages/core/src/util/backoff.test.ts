import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff';

describe('backoff', () => {
  it('grows by the factor up to the cap, with ±20 % jitter', () => {
    const b = createBackoff({ initialDelayMs: 100, maxDelayMs: 1000 }, { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, factor: 2 });
    expect(b.maxAttempts).toBe(3);
    for (const [attempt, base] of [[1, 100], [2, 200], [3, 400], [6, 1000]] as const) {
      const d = b.delay(attempt);
      expect(d).toBeGreaterThanOrEqual(base * 0.8);
      expect(d).toBeLessThanOrEqual(base * 1.2);
    }
  });
});
