import type { VideoEncoding } from './video-levels';

/** Fields of a camera encoding to set; `active` alone pauses or resumes without touching the rest. */
export type EncodingPatch = Pick<VideoEncoding, 'active'> & Partial<Omit<VideoEncoding, 'active'>>;

const applied = new WeakMap<RTCRtpSender, string>();
const keyOf = (e: EncodingPatch) => `${e.active}/${e.maxBitrate ?? ''}/${e.scaleResolutionDownBy ?? ''}/${e.maxFramerate ?? ''}`;

/**
 * The one way camera encodings change: `setParameters` on the video sender of one connection
 * (no renegotiation), with every field of `encoding` on each of its encodings. Skips the call
 * when the sender already has exactly this encoding, and returns `false` while the sender has
 * no encodings yet (before negotiation; the next round applies it).
 *
 * @example
 * await applyEncoding(sender, decision.send.encoding); // { active, maxBitrate, scaleResolutionDownBy, maxFramerate }
 */
export async function applyEncoding(sender: RTCRtpSender, encoding: EncodingPatch): Promise<boolean> {
  const key = keyOf(encoding);
  if (applied.get(sender) === key) return false;
  const params = sender.getParameters();
  if (!params.encodings || params.encodings.length === 0) return false;
  for (const target of params.encodings) {
    target.active = encoding.active;
    if (encoding.maxBitrate !== undefined) target.maxBitrate = encoding.maxBitrate;
    if (encoding.scaleResolutionDownBy !== undefined) target.scaleResolutionDownBy = encoding.scaleResolutionDownBy;
    if (encoding.maxFramerate !== undefined) target.maxFramerate = encoding.maxFramerate;
  }
  await sender.setParameters(params);
  applied.set(sender, key);
  return true;
}
