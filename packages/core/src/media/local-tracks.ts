import { MeetingError } from '../errors/meeting-error';
import type { MediaState } from '../protocol/types';
import type { CaptureSource } from '../protocol/media-sources';

/**
 * Which of the local stream ids is the camera and which the screen share. Sent to every peer so
 * the receiver can show the screen next to the camera (stream ids survive SDP).
 */
export interface StreamLabels {
  camera: string | null;
  screen: string | null;
}

/** A change of the local media, forwarded to every peer. */
export type LocalTrackChange =
  | { type: 'track'; source: CaptureSource; track: MediaStreamTrack | null; stream: MediaStream }
  | { type: 'screen'; stream: MediaStream | null; previous: MediaStream | null };

/**
 * The local tracks: one camera stream (microphone + camera tracks, same stream id for the whole
 * session so peers keep recognising it) and one screen stream while sharing.
 */
export interface LocalTracks {
  readonly cameraStream: MediaStream | null;
  readonly screenStream: MediaStream | null;
  track(source: CaptureSource): MediaStreamTrack | null;
  /** Publish `track` as `source`; `null` publishes nothing. The previous track is not stopped here. */
  setTrack(source: CaptureSource, track: MediaStreamTrack | null): void;
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
  const slots: Record<CaptureSource, MediaStreamTrack | null> = { camera: null, microphone: null };
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
    track: (source) => slots[source],
    setTrack(source, track) {
      const previous = slots[source];
      if (previous === track) return;
      if (!cameraStream) {
        if (!track) return;
        if (!MediaStreamCtor) throw new MeetingError('unsupported-browser', 'MediaStream is not available in this environment');
        cameraStream = new MediaStreamCtor();
      }
      slots[source] = track;
      // Whoever captured or processed the previous track stops it (it may be a processor's input).
      if (previous) cameraStream.removeTrack(previous);
      if (track) cameraStream.addTrack(track);
      notify({ type: 'track', source, track, stream: cameraStream });
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
    mediaState: () => ({ camera: slots.camera !== null, microphone: slots.microphone !== null, screen: screenStream !== null }),
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stopAll() {
      for (const source of ['microphone', 'camera'] as const) {
        slots[source]?.stop();
        if (slots[source] && cameraStream) cameraStream.removeTrack(slots[source]);
        slots[source] = null;
      }
      screenStream?.getTracks().forEach((t) => t.stop());
      screenStream = null;
    },
  };
}
