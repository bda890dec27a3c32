import { useEffect, type RefObject } from 'react';
import { useMeetingClient } from '../context/meeting-context';

/** Plays `element` muted: always allowed; an AbortError on a quick stream change is harmless. */
export function playMuted(element: HTMLMediaElement): void {
  element.muted = true;
  const playing = element.play?.();
  if (playing && typeof playing.catch === 'function') playing.catch(() => undefined);
}

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
      playMuted(element);
    }
    return () => {
      detach?.();
      element.srcObject = null;
    };
  }, [client, ref, stream, audible]);
}
