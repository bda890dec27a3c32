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
  it('reads the link figures the policy decides on', () => {
    const at = (sent: number, remoteLost: number, concealed: number, samples: number) =>
      report([
        { id: 't', type: 'transport', selectedCandidatePairId: 'p' },
        { id: 'p', type: 'candidate-pair', currentRoundTripTime: 0.12, availableOutgoingBitrate: 310_000 },
        { id: 'ov', type: 'outbound-rtp', kind: 'video', bytesSent: sent * 1000, packetsSent: sent, frameHeight: 360, framesPerSecond: 24, qualityLimitationReason: 'bandwidth' },
        { id: 'rv', type: 'remote-inbound-rtp', kind: 'video', packetsLost: remoteLost, jitter: 0.015, roundTripTime: 0.13 },
        { id: 'ia', type: 'inbound-rtp', kind: 'audio', bytesReceived: samples, packetsLost: 0, packetsReceived: 50, concealedSamples: concealed + 480, silentConcealedSamples: 480, totalSamplesReceived: samples },
      ]);
    const first = parseStats(at(100, 0, 0, 48_000), null, 0);
    expect(first.link).toMatchObject({ availableOutgoingBitrate: 310_000, sendLoss: null, audioConcealment: null, bytesReceived: null });
    const second = parseStats(at(300, 6, 4_800, 144_000), first.counters, 2_000);
    expect(second.link).toMatchObject({
      at: 2_000, availableOutgoingBitrate: 310_000, rttMs: 120, sendJitterMs: 15, qualityLimitationReason: 'bandwidth',
      sentFramesPerSecond: 24, sentFrameHeight: 360, bytesReceived: 96_000,
    });
    expect(second.link.sendLoss).toBeCloseTo(0.03);
    // Silence concealment (DTX) does not count: 4 800 of 96 000 samples.
    expect(second.link.audioConcealment).toBeCloseTo(0.05);
  });
  it('counts the frames the camera track gave the sender, paused encoder or not, and only that track', () => {
    const at = (frames: number, trackIdentifier = 'cam') =>
      report([
        { id: 'ms', type: 'media-source', kind: 'video', trackIdentifier, frames },
        { id: 'ss', type: 'media-source', kind: 'video', trackIdentifier: 'screen', frames: frames * 3 },
        { id: 'ov', type: 'outbound-rtp', kind: 'video', bytesSent: 0, packetsSent: 0, active: false },
      ]);
    const first = parseStats(at(100), null, 0, 'cam');
    expect(first.link.cameraFrames).toBeNull();
    expect(parseStats(at(140), first.counters, 2_000, 'cam').link.cameraFrames).toBe(40);
    expect(parseStats(at(100), first.counters, 2_000, 'cam').link.cameraFrames).toBe(0);
    // The sender carries another track now (a switch in flight): not this camera's figure.
    expect(parseStats(at(140, 'other'), first.counters, 2_000, 'cam').link.cameraFrames).toBeNull();
    expect(parseStats(at(140), first.counters, 2_000).link.cameraFrames).toBeNull();
  });
});
