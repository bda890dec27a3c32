import { describe, expect, it } from 'vitest';
import { parseStats } from './stats-sample';

describe('parseStats', () => {
  const report = (entries: Array<Record<string, unknown>>) => new Map(entries.map((e) => [e.id as string, e])) as unknown as RTCStatsReport;
  it('computes rtt, loss, bitrates, resolution and candidate types', () => {
    const at = (bytes: number, lost: number, recv: number) =>
      report([
        { id: 't', type: 'transport', selectedCandidatePairId: 'p' },
        { id: 'p', type: 'candidate-pair', currentRoundTripTime: 0.05, localCandidateId: 'l', remoteCandidateId: 'r' },
        { id: 'l', type: 'local-candidate', candidateType: 'relay' },
        { id: 'r', type: 'remote-candidate', candidateType: 'srflx' },
        { id: 'iv', type: 'inbound-rtp', kind: 'video', bytesReceived: bytes, packetsLost: lost, packetsReceived: recv, frameWidth: 640, frameHeight: 360, framesPerSecond: 24 },
        { id: 'ia', type: 'inbound-rtp', kind: 'audio', bytesReceived: 0, packetsLost: 0, packetsReceived: 0, audioLevel: 0.3, totalAudioEnergy: bytes === 1000 ? 0 : 0.16, totalSamplesDuration: bytes === 1000 ? 0 : 1 },
        { id: 'o', type: 'outbound-rtp', bytesSent: bytes / 2 },
      ]);
    const first = parseStats(at(1000, 0, 100), null, 0);
    expect(first.stats.inboundBitrate).toBeNull();
    const second = parseStats(at(126_000, 10, 190), first.counters, 1000);
    expect(second.stats).toMatchObject({ rttMs: 50, inboundBitrate: 1_000_000, outboundBitrate: 500_000, frameWidth: 640, framesPerSecond: 24, localCandidateType: 'relay', remoteCandidateType: 'srflx' });
    expect(second.stats.packetLoss).toBeCloseTo(0.1);
    expect(first.audioLevel).toBe(0.3); // no window yet: the last packet's level
    expect(second.audioLevel).toBeCloseTo(0.4); // √(0.16 / 1 s)
  });
});
