import type { MediaState } from '../protocol/types';
import type { StreamLabels } from '../peers/stream-labels';
import type { TrackSlot } from '../peers/transport';

/** A change of the local media, forwarded to every peer. */
export type LocalTrackChange =
  | { type: 'track'; slot: TrackSlot; track: MediaStreamTrack | null; stream: MediaStream }
  | { type: 'screen'; stream: MediaStream | null; previous: MediaStream | null };

/**
 * The local tracks: one camera stream (microphone + camera tracks, same stream id for the whole
 * session so peers keep recognising it) and one screen stream while sharing.
 */
export interface LocalTracks {
  readonly cameraStream: MediaStream | null;
  readonly screenStream: MediaStream | null;
  track(slot: TrackSlot): MediaStreamTrack | null;
  /** Put `track` in `slot` (stopping the previous one); `null` empties the slot. */
  setTrack(slot: TrackSlot, track: MediaStreamTrack | null): void;
  /** Start or stop the screen stream (stopping the previous one). */
  setScreen(stream: MediaStream | null): void;
  /** Streams a new peer connection should send. */
  streams(): MediaStream[];
  labels(): StreamLabels;
  /** What is being published right now, as the wire's `MediaState`. */
  mediaState(): MediaState;
  onChange(listener: (change: LocalTrackChange) => void): () => void;
  /** Stop every track (leave/destroy). */
  stopAll(): void;
}

/** Create the local tracks holder; `MediaStreamCtor` comes from the browser or wrtc. */
export function createLocalTracks(MediaStreamCtor: typeof MediaStream | undefined): LocalTracks {
  const slots: Record<TrackSlot, MediaStreamTrack | null> = { audio: null, video: null };
  const listeners = new Set<(change: LocalTrackChange) => void>();
  let cameraStream: MediaStream | null = null;
  let screenStream: MediaStream | null = null;

  const notify = (change: LocalTrackChange) => {
    for (const listener of [...listeners]) listener(change);
  };

  return {
    get cameraStream() {
      return cameraStream;
    },
    get screenStream() {
      return screenStream;
    },
    track: (slot) => slots[slot],
    setTrack(slot, track) {
      const previous = slots[slot];
      if (previous === track) return;
      if (!cameraStream) {
        if (!track) return;
        if (!MediaStreamCtor) throw new Error('MediaStream is not available in this environment');
        cameraStream = new MediaStreamCtor();
      }
      slots[slot] = track;
      if (previous) {
        cameraStream.removeTrack(previous);
        previous.stop();
      }
      if (track) cameraStream.addTrack(track);
      notify({ type: 'track', slot, track, stream: cameraStream });
    },
    setScreen(stream) {
      const previous = screenStream;
      if (previous === stream) return;
      screenStream = stream;
      notify({ type: 'screen', stream, previous });
      previous?.getTracks().forEach((t) => t.stop());
    },
    streams() {
      const out: MediaStream[] = [];
      if (cameraStream && cameraStream.getTracks().length > 0) out.push(cameraStream);
      if (screenStream) out.push(screenStream);
      return out;
    },
    labels: () => ({ camera: cameraStream?.id ?? null, screen: screenStream?.id ?? null }),
    mediaState: () => ({ audio: slots.audio !== null, video: slots.video !== null, screen: screenStream !== null }),
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stopAll() {
      for (const slot of ['audio', 'video'] as const) {
        slots[slot]?.stop();
        if (slots[slot] && cameraStream) cameraStream.removeTrack(slots[slot]);
        slots[slot] = null;
      }
      screenStream?.getTracks().forEach((t) => t.stop());
      screenStream = null;
    },
  };
}
