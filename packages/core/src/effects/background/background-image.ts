import { MeetingError } from '../../errors/meeting-error';

/**
 * A replacement background: a URL (served by the app itself — see the privacy note in the
 * README), a `Blob`, or anything `createImageBitmap` takes.
 */
export type BackgroundImageSource = string | Blob | ImageBitmap | HTMLImageElement | HTMLCanvasElement | OffscreenCanvas;

/** Decodes `source` into an `ImageBitmap` the caller owns (and closes). */
export async function loadBackgroundImage(source: BackgroundImageSource): Promise<ImageBitmap> {
  try {
    if (typeof source === 'string') {
      const response = await fetch(source);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await createImageBitmap(await response.blob());
    }
    if (typeof HTMLImageElement !== 'undefined' && source instanceof HTMLImageElement) await source.decode();
    // A copy even of an ImageBitmap: the caller may close theirs while we still draw ours.
    return await createImageBitmap(source);
  } catch (cause) {
    throw new MeetingError('media-failed', `background image could not be loaded: ${String((cause as Error)?.message ?? cause)}`, { cause });
  }
}
