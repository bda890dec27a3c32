import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from './hmac';

describe('hmacSha256', () => {
  it.each([0, 1, 32, 63, 64, 65, 200])('matches node:crypto for a %i-byte key', (length) => {
    const key = new Uint8Array(randomBytes(length));
    for (const message of ['', 'a', '1|meeting|user|participant|lmn|opq', 'é'.repeat(100)]) {
      expect(hmacSha256(key, message)).toBe(createHmac('sha256', key).update(message).digest('base64url'));
    }
  });

  it('gives the same value on every call with the same key (the prepared states are copied, not used up)', () => {
    const key = new Uint8Array(randomBytes(32));
    const first = hmacSha256(key, 'message');
    expect(hmacSha256(key, 'other')).not.toBe(first);
    expect(hmacSha256(key, 'message')).toBe(first);
  });

  it('keeps different keys apart', () => {
    expect(hmacSha256(new Uint8Array([1]), 'm')).not.toBe(hmacSha256(new Uint8Array([2]), 'm'));
  });
});
