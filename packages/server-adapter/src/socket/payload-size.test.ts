import { describe, expect, it } from 'vitest';
import { payloadSize } from './payload-size';

describe('payloadSize', () => {
  it('counts a payload about as JSON does, escapes aside', () => {
    const samples: unknown[] = [
      { to: 'abc', signal: { type: 'offer', sdp: 'v=0 '.repeat(1000) }, connectionId: 'c-1' },
      { to: 'abc', signal: { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } } },
      { text: 'hello', clientMessageId: 'x' },
      [1, true, null, 'x', { a: [] }],
    ];
    for (const sample of samples) {
      const json = Buffer.byteLength(JSON.stringify(sample));
      const size = payloadSize(sample, 1_000_000);
      expect(size).toBeGreaterThanOrEqual(json * 0.9);
      expect(size).toBeLessThanOrEqual(json * 1.5 + 16);
    }
  });

  it('counts multi-byte text in UTF-8 bytes when it could matter', () => {
    const text = 'é'.repeat(1000); // 2 bytes each
    expect(payloadSize({ text }, 1500)).toBeGreaterThan(1500);
    expect(payloadSize({ text }, 100_000)).toBeLessThan(100_000);
  });

  it('stops at the limit, and refuses absurd nesting', () => {
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'v'.repeat(100)]));
    expect(payloadSize(wide, 2048)).toBeGreaterThan(2048);
    let deep: unknown = {};
    for (let i = 0; i < 100; i += 1) deep = { d: deep };
    expect(payloadSize(deep, 1_000_000)).toBe(Number.POSITIVE_INFINITY);
  });
});
