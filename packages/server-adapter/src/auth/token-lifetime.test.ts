import { describe, expect, it } from 'vitest';
import { checkTokenLifetime, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS as DAY } from './token-lifetime';

describe('checkTokenLifetime', () => {
  const now = 1_900_000_000;
  it('accepts a token of up to the maximum lifetime, with or without iat', () => {
    expect(checkTokenLifetime({ iat: now, exp: now + DAY }, now, DAY, 5)).toBeNull();
    expect(checkTokenLifetime({ iat: now - 3600, exp: now + 60 }, now, DAY, 5)).toBeNull();
    expect(checkTokenLifetime({ exp: now + DAY }, now, DAY, 5)).toBeNull();
  });
  it('refuses a longer lifetime (exp in 2100) and an iat in the future', () => {
    expect(checkTokenLifetime({ iat: now, exp: 4_102_444_800 }, now, DAY, 5)).toBe('lifetime-too-long');
    expect(checkTokenLifetime({ exp: 4_102_444_800 }, now, DAY, 5)).toBe('lifetime-too-long');
    expect(checkTokenLifetime({ iat: now, exp: now + DAY + 60 }, now, DAY, 5)).toBe('lifetime-too-long');
    expect(checkTokenLifetime({ iat: now + 3600, exp: now + 7200 }, now, DAY, 5)).toBe('issued-in-the-future');
    // Within the clock tolerance, a slightly fast issuer is fine.
    expect(checkTokenLifetime({ iat: now + 3, exp: now + 3600 }, now, DAY, 5)).toBeNull();
  });
});
