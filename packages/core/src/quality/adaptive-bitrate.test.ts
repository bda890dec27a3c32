import { describe, expect, it } from 'vitest';
import { applyVideoEncoding, videoEncodingTarget } from './adaptive-bitrate';

describe('adaptive bitrate', () => {
  it('lowers the target as the mesh grows and on a poor link, raises it on recovery', () => {
    const one = videoEncodingTarget('good', 1);
    const four = videoEncodingTarget('good', 4);
    const poor = videoEncodingTarget('poor', 1);
    expect(four.maxBitrate).toBeLessThan(one.maxBitrate);
    expect(poor.maxBitrate).toBeLessThan(one.maxBitrate);
    expect(poor.scaleResolutionDownBy).toBe(2);
    expect(videoEncodingTarget('good', 1)).toEqual(one);
  });
  it('applies through setParameters only when the target changes', async () => {
    const calls: RTCRtpSendParameters[] = [];
    const sender = {
      getParameters: () => ({ encodings: [{}], transactionId: 't', codecs: [], headerExtensions: [], rtcp: {} }) as unknown as RTCRtpSendParameters,
      setParameters: async (p: RTCRtpSendParameters) => void calls.push(p),
    } as unknown as RTCRtpSender;
    expect(await applyVideoEncoding(sender, videoEncodingTarget('poor', 2))).toBe(true);
    expect(await applyVideoEncoding(sender, videoEncodingTarget('poor', 2))).toBe(false);
    expect(await applyVideoEncoding(sender, videoEncodingTarget('good', 2))).toBe(true);
    expect(calls[0]!.encodings[0]).toMatchObject({ maxBitrate: 300_000, scaleResolutionDownBy: 2 });
    expect(calls).toHaveLength(2);
  });
});
