import { useEffect, type RefObject } from 'react';
import { useMeetingClient } from '../context/meeting-context';

/**
 * Attach `stream` to a media element (`srcObject`) and play it; detaches on change/unmount.
 * With `audible`, the element is registered with the client's playback (speaker routing,
 * blocked-autoplay detection → `snapshot.audioPlaybackBlocked`); otherwise it is played muted.
 */
export function useAttachedStream(
  ref: RefObject<HTMLMediaElement | null>,
  stream: MediaStream | null,
  audible = false,
): void {
  const client = useMeetingClient();
  useEffect(() => {
    const element = ref.current;
    if (!element || !stream) return;
    element.srcObject = stream;
    let detach: (() => void) | undefined;
    if (audible) {
      detach = client.playback.attach(element);
    } else {
      element.muted = true;
      // Muted playback is always allowed; AbortError on a quick stream change is harmless.
      const playing = element.play?.();
      if (playing && typeof playing.catch === 'function') playing.catch(() => undefined);
    }
    return () => {
      detach?.();
      element.srcObject = null;
    };
  }, [client, ref, stream, audible]);
}
