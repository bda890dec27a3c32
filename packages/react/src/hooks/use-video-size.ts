import { useState, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './use-element-size';

/** Intrinsic size of the picture a `<video>` shows (`videoWidth` × `videoHeight`). */
export interface VideoSize {
  width: number;
  height: number;
}

const NONE: VideoSize = { width: 0, height: 0 };

/**
 * The intrinsic size of the picture in `ref`'s `<video>`, `0 × 0` until its first frame; follows
 * `resize` events (a camera switch, a phone turned sideways, a sender lowering its resolution).
 * Pass the attached stream so a new stream starts from zero. Internal: not exported by the package.
 */
export function useVideoSize(ref: RefObject<HTMLVideoElement | null>, stream: MediaStream | null): VideoSize {
  // The size belongs to the stream it was read from: a new stream reads as zero without a state
  // update (an update on every attach would render each tile a second time).
  const [reading, setReading] = useState<{ stream: MediaStream | null; size: VideoSize }>({ stream: null, size: NONE });
  // Read before the browser paints: a tile that takes over a playing element (a layout change)
  // shows its picture at once instead of its initials for a frame.
  useIsomorphicLayoutEffect(() => {
    const video = ref.current;
    if (!video || !stream) return;
    const read = () => {
      const next = { width: video.videoWidth || 0, height: video.videoHeight || 0 };
      setReading((previous) =>
        previous.stream === stream && previous.size.width === next.width && previous.size.height === next.height
          ? previous
          : { stream, size: next },
      );
    };
    read();
    video.addEventListener('loadedmetadata', read);
    video.addEventListener('resize', read);
    return () => {
      video.removeEventListener('loadedmetadata', read);
      video.removeEventListener('resize', read);
    };
  }, [ref, stream]);
  return reading.stream === stream && stream !== null ? reading.size : NONE;
}
