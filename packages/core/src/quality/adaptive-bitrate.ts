import type { ConnectionQuality } from '../state/types';

/** Encoding limits for the camera sender towards one peer. */
export interface VideoEncodingTarget {
  maxBitrate: number;
  scaleResolutionDownBy: number;
}

/** Camera bitrate budget per connection by number of remote peers (every peer gets its own upload). */
const BUDGET_BY_PEERS = [1_500_000, 1_500_000, 1_000_000, 700_000, 500_000];

/**
 * Target camera encoding for one connection: the per-connection budget shrinks as the mesh
 * grows (upload is shared by every peer), and drops further on a `fair` or `poor` link; on
 * recovery the next sample raises it again.
 */
export function videoEncodingTarget(quality: ConnectionQuality, remotePeers: number): VideoEncodingTarget {
  const budget = BUDGET_BY_PEERS[Math.min(remotePeers, BUDGET_BY_PEERS.length - 1)] ?? 500_000;
  switch (quality) {
    case 'poor':
    case 'lost':
      return { maxBitrate: Math.round(budget * 0.3), scaleResolutionDownBy: 2 };
    case 'fair':
      return { maxBitrate: Math.round(budget * 0.6), scaleResolutionDownBy: remotePeers >= 3 ? 2 : 1.5 };
    default:
      return { maxBitrate: budget, scaleResolutionDownBy: remotePeers >= 4 ? 1.5 : 1 };
  }
}

const applied = new WeakMap<RTCRtpSender, string>();

/**
 * Apply `target` to a video sender with `setParameters` (no renegotiation). Skips the call when
 * the sender already has this target or has no encodings yet (before negotiation).
 */
export async function applyVideoEncoding(sender: RTCRtpSender, target: VideoEncodingTarget): Promise<boolean> {
  const key = `${target.maxBitrate}/${target.scaleResolutionDownBy}`;
  if (applied.get(sender) === key) return false;
  const params = sender.getParameters();
  if (!params.encodings || params.encodings.length === 0) return false;
  for (const encoding of params.encodings) {
    encoding.maxBitrate = target.maxBitrate;
    encoding.scaleResolutionDownBy = target.scaleResolutionDownBy;
  }
  await sender.setParameters(params);
  applied.set(sender, key);
  return true;
}
