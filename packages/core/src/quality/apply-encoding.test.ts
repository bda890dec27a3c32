import { describe, expect, it } from 'vitest';
import { applyEncoding } from './apply-encoding';
import { encodingFor } from './video-levels';

function fakeSender(encodings: RTCRtpEncodingParameters[] = [{}]) {
  const calls: RTCRtpSendParameters[] = [];
  const sender = {
    getParameters: () => ({ encodings: encodings.map((e) => ({ ...e })), transactionId: 't', codecs: [], headerExtensions: [], rtcp: {} }) as unknown as RTCRtpSendParameters,
    setParameters: async (p: RTCRtpSendParameters) => void calls.push(p),
  } as unknown as RTCRtpSender;
  return { sender, calls };
}

describe('applyEncoding', () => {
  it('applies through setParameters only when the encoding changes', async () => {
    const { sender, calls } = fakeSender();
    expect(await applyEncoding(sender, encodingFor('low', 100_000, 2))).toBe(true);
    expect(await applyEncoding(sender, encodingFor('low', 100_000, 2))).toBe(false);
    expect(await applyEncoding(sender, encodingFor('high', 1_200_000, 2))).toBe(true);
    expect(calls[0]!.encodings[0]).toMatchObject({ active: true, maxBitrate: 100_000, scaleResolutionDownBy: 4, maxFramerate: 15 });
    expect(calls).toHaveLength(2);
  });

  it('pauses with `active` alone, keeping the rest of the encoding', async () => {
    const { sender, calls } = fakeSender([{ maxBitrate: 450_000, scaleResolutionDownBy: 2 }]);
    await applyEncoding(sender, { active: false });
    expect(calls[0]!.encodings[0]).toEqual({ active: false, maxBitrate: 450_000, scaleResolutionDownBy: 2 });
  });

  it('waits for a negotiated sender (no encodings yet)', async () => {
    const { sender, calls } = fakeSender([]);
    expect(await applyEncoding(sender, { active: false })).toBe(false);
    expect(calls).toHaveLength(0);
  });
});
