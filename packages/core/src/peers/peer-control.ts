import type { VideoLevel, VideoLimitReason } from '../protocol/media-sources';

/**
 * Link control messages two peers exchange on their data channel (beside the stream labels).
 * Versioned: every message carries `v`; a receiver reads the fields it knows and ignores kinds
 * and values it does not, so a newer peer can add kinds without breaking an older one. A change
 * an older peer would misread gets a new tag instead.
 */
export type PeerControlMessage =
  /** The receiver asks the sender for at most `maxLevel` of camera video (`high` lifts its limit). */
  | { kind: 'request'; maxLevel: VideoLevel }
  /** The sender tells how much camera video it sends this peer, and why it is less than all (`null`: not limited). */
  | { kind: 'video'; level: VideoLevel; reason: VideoLimitReason | null }
  /**
   * The sender is leaving the meeting (`leave()`, or its page going away). Said here as well as to
   * the server, so the receiver drops the sender's tile at once even while the server is unreachable.
   */
  | { kind: 'bye' };

/** The version this build writes. */
export const PEER_CONTROL_VERSION = 1;

const TAG = 'mentara:control';
const LEVELS: readonly string[] = ['high', 'medium', 'low', 'paused'];
const REASONS: readonly string[] = ['network', 'requested', 'audio-only', 'camera'];

/** Encode a control message for the data channel. */
export function encodePeerControl(message: PeerControlMessage): string {
  return JSON.stringify({ t: TAG, v: PEER_CONTROL_VERSION, ...message });
}

/** Decode a data-channel message; `null` for anything that is not a control message this build understands. */
export function decodePeerControl(text: string): PeerControlMessage | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || value.t !== TAG || typeof value.v !== 'number' || value.v < 1) return null;
  if (value.kind === 'request' && LEVELS.includes(value.maxLevel as string)) {
    return { kind: 'request', maxLevel: value.maxLevel as VideoLevel };
  }
  if (value.kind === 'bye') return { kind: 'bye' };
  if (value.kind === 'video' && LEVELS.includes(value.level as string)) {
    const reason = REASONS.includes(value.reason as string) ? (value.reason as VideoLimitReason) : null;
    return { kind: 'video', level: value.level as VideoLevel, reason };
  }
  return null;
}
