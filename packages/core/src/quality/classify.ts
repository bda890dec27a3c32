import type { ConnectionQuality, PeerStats } from '../state/types';

/** Thresholds of the quality buckets (packet loss 0–1, round trip in ms). */
export const QUALITY_THRESHOLDS = {
  fair: { loss: 0.03, rttMs: 250 },
  poor: { loss: 0.1, rttMs: 500 },
} as const;

/**
 * Bucket a sample: `lost` when media is expected but nothing arrived in the window, `poor` /
 * `fair` by loss or round trip, else `good`; `unknown` before there is a rate to judge.
 */
export function classifyQuality(stats: PeerStats, expectingMedia: boolean): ConnectionQuality {
  if (stats.inboundBitrate === null) return 'unknown';
  if (expectingMedia && stats.inboundBitrate === 0) return 'lost';
  const loss = stats.packetLoss ?? 0;
  const rtt = stats.rttMs ?? 0;
  if (loss >= QUALITY_THRESHOLDS.poor.loss || rtt >= QUALITY_THRESHOLDS.poor.rttMs) return 'poor';
  if (loss >= QUALITY_THRESHOLDS.fair.loss || rtt >= QUALITY_THRESHOLDS.fair.rttMs) return 'fair';
  return 'good';
}
