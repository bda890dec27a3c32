import { describe, expect, it } from 'vitest';
import { credentialExpiry, refreshTime } from './credential-expiry';

describe('credentialExpiry', () => {
  it('reads the earliest coturn `<expiry>:<user>` username', () => {
    expect(credentialExpiry([{ username: '1900000000:clinician' }, { username: '1800000000:clinician' }, {}])).toBe(1_800_000_000_000);
  });
  it('is null for usernames without an expiry (Twilio, Xirsys, static)', () => {
    expect(credentialExpiry([{ username: 'a1b2c3' }, { username: 'user:with:colons' }])).toBeNull();
  });
});

describe('refreshTime', () => {
  it('refreshes at 80 % of the remaining life, at least a minute before expiry', () => {
    expect(refreshTime(0, 100_000_000, 10 ** 12)).toBe(80_000_000);
    expect(refreshTime(0, 100_000, 10 ** 12)).toBe(40_000);
  });
  it('uses the max age without an expiry, and never later than it', () => {
    expect(refreshTime(1_000, null, 600_000)).toBe(601_000);
    expect(refreshTime(0, 10 ** 10, 600_000)).toBe(600_000);
  });
});

