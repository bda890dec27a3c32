import { describe, expect, it } from 'vitest';
import { addressKey, lastForwardedAddress } from './client-address';

describe('addressKey', () => {
  it('counts IPv4 (also IPv4-mapped) as it is and IPv6 by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('[2001:db8:1:2::7]')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});

describe('lastForwardedAddress', () => {
  it('takes the entry the nearest proxy appended, else the peer address', () => {
    expect(lastForwardedAddress({ address: '10.0.0.2', headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' } })).toBe('203.0.113.9');
    expect(lastForwardedAddress({ address: '10.0.0.2', headers: {} })).toBe('10.0.0.2');
  });
});
