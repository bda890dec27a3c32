import { useEffect, useState, type RefObject } from 'react';

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
  const [size, setSize] = useState<VideoSize>(NONE);
  useEffect(() => {
    const video = ref.current;
    setSize(NONE);
    if (!video || !stream) return;
    const read = () => {
      const next = { width: video.videoWidth || 0, height: video.videoHeight || 0 };
      setSize((previous) => (previous.width === next.width && previous.height === next.height ? previous : next));
    };
    read();
    video.addEventListener('loadedmetadata', read);
    video.addEventListener('resize', read);
    return () => {
      video.removeEventListener('loadedmetadata', read);
      video.removeEventListener('resize', read);
    };
  }, [ref, stream]);
  return size;
}
