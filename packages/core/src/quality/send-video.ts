import type { LinkVideo } from '../state/types';
import type { EncodingPatch } from './apply-encoding';
import type { SendDecision, SendReason } from './send-policy.machine';
import { VIDEO_LEVELS } from './video-levels';

/** The reason a person is told for a policy's level (`null`: nothing limits it). */
export function limitReason(level: SendDecision['level'], reason: SendReason): LinkVideo['reason'] {
  if (level === 'high' || reason === 'starting' || reason === 'clear') return null;
  return reason === 'peer-request' ? 'requested' : 'network';
}

/** What goes to one peer: the policy's decision unless the person chose audio only. */
export interface EffectiveVideo {
  video: LinkVideo;
  encoding: EncodingPatch;
}

/**
 * The camera video for one connection: audio only wins over the policy; without a policy
 * decision (stats sampling off) only `active` is set, so the browser's own adaptation stays.
 * A stalled camera is told as `paused` for `camera` (nothing would arrive but a still frame),
 * while the encoding stays as decided, so the picture goes out again with the camera's next frame.
 */
export function effectiveVideo(decision: SendDecision | null, audioOnly: boolean, cameraStalled = false): EffectiveVideo {
  if (audioOnly) return { video: { level: 'paused', reason: 'audio-only' }, encoding: { ...decision?.encoding, active: false } };
  const encoding = decision ? decision.encoding : { active: true };
  if (cameraStalled) return { video: { level: 'paused', reason: 'camera' }, encoding };
  if (!decision) return { video: { level: 'high', reason: null }, encoding };
  return { video: { level: decision.level, reason: limitReason(decision.level, decision.reason) }, encoding };
}

/** The least video of several links (the first of equals), or all video when there is none. */
export function leastVideo(videos: readonly LinkVideo[]): LinkVideo {
  let least: LinkVideo = { level: 'high', reason: null };
  for (const v of videos) if (VIDEO_LEVELS.indexOf(v.level) > VIDEO_LEVELS.indexOf(least.level)) least = v;
  return least;
}
