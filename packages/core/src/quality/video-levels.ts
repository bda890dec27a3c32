import type { VideoLevel } from '../protocol/media-sources';

export type { VideoLevel };

/** Levels from most to least video. */
export const VIDEO_LEVELS: readonly VideoLevel[] = ['high', 'medium', 'low', 'paused'];

/** What one level sends and what link it needs. */
export interface VideoLevelSpec {
  /** `scaleResolutionDownBy` against the captured size (1280×720 → 720p / 360p / 180p). */
  scaleResolutionDownBy: number;
  maxFramerate: number;
  /** Highest and lowest camera bitrate cap at this level, bit/s (before the mesh factor). */
  ceilingBps: number;
  floorBps: number;
  /** Available outgoing bitrate needed to step up to this level, and to stay at it. */
  enterBps: number;
  keepBps: number;
}

/**
 * The level ladder. A 400 kbit/s home link (≈ 300 kbit/s estimated) keeps `medium` at 360p;
 * 150 kbit/s cannot carry audio plus minimal video and pauses it. `keepBps < enterBps` is the
 * hysteresis band that stops an estimate wobbling around one figure from flapping the level.
 */
export const VIDEO_LEVEL_SPECS: Readonly<Record<Exclude<VideoLevel, 'paused'>, VideoLevelSpec>> = {
  high: { scaleResolutionDownBy: 1, maxFramerate: 30, ceilingBps: 1_200_000, floorBps: 500_000, enterBps: 900_000, keepBps: 600_000 },
  medium: { scaleResolutionDownBy: 2, maxFramerate: 24, ceilingBps: 450_000, floorBps: 150_000, enterBps: 350_000, keepBps: 240_000 },
  low: { scaleResolutionDownBy: 4, maxFramerate: 15, ceilingBps: 150_000, floorBps: 60_000, enterBps: 180_000, keepBps: 130_000 },
};

/** Bitrate kept free for audio (Opus plus RTP/UDP/TURN overhead at 50 packets/s), bit/s. */
export const AUDIO_RESERVE_BPS = 64_000;

/** Caps snap to this ladder (≈ 25 % apart), so small estimate changes never touch the encoder. */
export const CAP_STEPS_BPS: readonly number[] = [
  60_000, 80_000, 100_000, 125_000, 150_000, 200_000, 250_000, 300_000, 400_000, 500_000, 650_000, 800_000, 1_000_000, 1_200_000,
];

/** `a` sends at least as much video as `b`. */
export const atLeast = (a: VideoLevel, b: VideoLevel) => VIDEO_LEVELS.indexOf(a) <= VIDEO_LEVELS.indexOf(b);

/** The level with less video of the two. */
export const lesser = (a: VideoLevel, b: VideoLevel): VideoLevel => (atLeast(a, b) ? b : a);

/** The largest cap step at or under `bps` (the lowest step when under all of them). */
export function snapCap(bps: number): number {
  let best = CAP_STEPS_BPS[0]!;
  for (const step of CAP_STEPS_BPS) if (step <= bps) best = step;
  return best;
}

/** Share of the per-connection ceiling by number of remote peers (every peer gets its own upload). */
const MESH_FACTOR = [1, 1, 0.67, 0.47, 0.33];

/** Camera encoding for one peer connection, as `RTCRtpEncodingParameters` fields. */
export interface VideoEncoding {
  /** `false` while paused: the sender stops encoding and sending, audio keeps the link. */
  active: boolean;
  maxBitrate: number;
  scaleResolutionDownBy: number;
  maxFramerate: number;
}

/**
 * The encoding of `level` with the bitrate cap `capBps`, kept within the level's floor and
 * ceiling (the ceiling shrinks as the mesh grows).
 */
export function encodingFor(level: VideoLevel, capBps: number, remotePeers = 1): VideoEncoding {
  const spec = VIDEO_LEVEL_SPECS[level === 'paused' ? 'low' : level];
  const factor = MESH_FACTOR[Math.min(Math.max(remotePeers, 1), MESH_FACTOR.length - 1)] ?? 0.33;
  const ceiling = Math.max(spec.floorBps, Math.round(spec.ceilingBps * factor));
  return {
    active: level !== 'paused',
    maxBitrate: Math.min(ceiling, Math.max(spec.floorBps, capBps)),
    scaleResolutionDownBy: spec.scaleResolutionDownBy,
    maxFramerate: spec.maxFramerate,
  };
}
