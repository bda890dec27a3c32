import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limiter';

describe('TokenBucket', () => {
  it('allows a burst, refuses beyond it, and refills over time', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 100; // 0.1 s at 10/s → one token back
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now = 10_000; // refill is capped at the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

describe('TokenBucket.waitMs / full', () => {
  it('says how long until the next token and when the bucket is full again', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 2, () => now);
    expect(bucket.full()).toBe(true);
    bucket.take();
    bucket.take();
    expect(bucket.waitMs()).toBe(500);
    now = 250;
    expect(bucket.waitMs()).toBe(250);
    now = 1000;
    expect(bucket.full()).toBe(true);
    expect(bucket.waitMs()).toBe(0);
  });
});
