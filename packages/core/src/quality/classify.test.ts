import { describe, expect, it } from 'vitest';
import type { PeerStats } from '../state/types';
import { classifyQuality } from './classify';

const stats = (o: Partial<PeerStats>): PeerStats => ({
  rttMs: 20, packetLoss: 0, inboundBitrate: 500_000, outboundBitrate: 500_000, frameWidth: null, frameHeight: null,
  framesPerSecond: null, localCandidateType: null, remoteCandidateType: null, sampledAt: 0, ...o,
});


describe('classifyQuality', () => {
  it('buckets by loss and round trip', () => {
    expect(classifyQuality(stats({}), true)).toBe('good');
    expect(classifyQuality(stats({ rttMs: 300 }), true)).toBe('fair');
    expect(classifyQuality(stats({ packetLoss: 0.2 }), true)).toBe('poor');
    expect(classifyQuality(stats({ inboundBitrate: 0 }), true)).toBe('lost');
    expect(classifyQuality(stats({ inboundBitrate: 0 }), false)).toBe('good');
    expect(classifyQuality(stats({ inboundBitrate: null }), true)).toBe('unknown');
  });
});
