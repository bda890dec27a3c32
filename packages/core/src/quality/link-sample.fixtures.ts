import type { LinkSample } from './link-sample';

/** A clean-link sample at `at` (ms), with `overrides`: test input for the policy machines. */
export function linkSample(at: number, overrides: Partial<LinkSample> = {}): LinkSample {
  return {
    at,
    availableOutgoingBitrate: 2_000_000,
    sendLoss: 0,
    rttMs: 40,
    sendJitterMs: 5,
    qualityLimitationReason: 'none',
    sentFramesPerSecond: 30,
    sentFrameHeight: 720,
    audioConcealment: 0,
    receiveLoss: 0,
    receivedFramesPerSecond: 30,
    bytesReceived: 100_000,
    cameraFrames: 60,
    ...overrides,
  };
}

/** Samples every `everyMs` from `from` to `to` (exclusive), each made by `make(at, index)`. */
export function samplesBetween(from: number, to: number, everyMs: number, make: (at: number, i: number) => LinkSample): LinkSample[] {
  const out: LinkSample[] = [];
  for (let at = from, i = 0; at < to; at += everyMs, i += 1) out.push(make(at, i));
  return out;
}
