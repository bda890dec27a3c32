/**
 * Cropping above this share of the picture is not acceptable: the tile letterboxes instead
 * (`object-fit: contain`). Below it the picture fills the tile (`cover`), which hides thin bars.
 */
export const MAX_COVER_CROP = 0.08;

/** Share (0–1) of a `videoWidth` × `videoHeight` picture that `object-fit: cover` cuts off in a `boxWidth` × `boxHeight` box. */
export function coverCrop(boxWidth: number, boxHeight: number, videoWidth: number, videoHeight: number): number {
  if (boxWidth <= 0 || boxHeight <= 0 || videoWidth <= 0 || videoHeight <= 0) return 0;
  const box = boxWidth / boxHeight;
  const video = videoWidth / videoHeight;
  return 1 - Math.min(box, video) / Math.max(box, video);
}

/**
 * `cover` when filling the box crops at most {@link MAX_COVER_CROP} of the picture, else
 * `contain` (the whole picture, letterboxed). Internal: not exported by the package.
 */
export function videoFit(boxWidth: number, boxHeight: number, videoWidth: number, videoHeight: number): 'cover' | 'contain' {
  return coverCrop(boxWidth, boxHeight, videoWidth, videoHeight) <= MAX_COVER_CROP ? 'cover' : 'contain';
}
