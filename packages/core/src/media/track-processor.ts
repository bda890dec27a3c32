import type { MeetingError } from '../errors/meeting-error';

/**
 * Where a processor is in its life: `idle` before the first `start`, `starting` while it loads
 * its assets and opens its pipeline, `running` while the output carries processed media,
 * `failed` after an error (the output has ended; send the input instead), `stopped` after `stop()`.
 */
export type TrackProcessorState = 'idle' | 'starting' | 'running' | 'failed' | 'stopped';

/**
 * Something that turns a captured camera or microphone track into the track to send: background
 * blur or replacement, noise suppression. The meeting client owns the captured track; the
 * processor only reads it.
 *
 * Contract, for whoever wires a processor between a capture and the peer senders:
 * - `start(input)` resolves with the output track; send it with `RTCRtpSender.replaceTrack`
 *   (no renegotiation). It rejects with a `MeetingError` (`unsupported-browser`, `media-failed`);
 *   then send `input` as it is.
 * - `start(newInput)` on a running processor (camera or microphone switched) moves it to the new
 *   input and resolves with the same output track, so the senders need no change.
 * - The output has the input's frame size and frame rate (video) or one channel at the
 *   processor's sample rate (audio). Effects change through the processor's own setters on the
 *   same output track (blur on/off, noise suppression on/off) without a new capture.
 * - A failure after `start` resolved ends the output and calls the `onError` listeners; the
 *   input is still live, so the owner replaces the output with it.
 * - `stop()` ends the output and releases everything the processor acquired (GL contexts,
 *   audio contexts and worklets, readers, timers). It never stops the input. A stopped
 *   processor can be started again.
 *
 * @example
 * const output = await processor.start(cameraTrack).catch(() => cameraTrack)
 * await sender.replaceTrack(output)
 */
export interface TrackProcessor {
  /** The kind of track it takes and returns. */
  readonly kind: 'audio' | 'video';
  /** A short name for logs and diagnostics (`background`, `noise-suppression`). */
  readonly name: string;
  /** Where it is in its life. */
  readonly state: TrackProcessorState;
  /** The output track while `starting` (once known) or `running`; `null` otherwise. */
  readonly output: MediaStreamTrack | null;
  /** Process `input`; resolves with the track to send. See the interface's contract. */
  start(input: MediaStreamTrack): Promise<MediaStreamTrack>;
  /** End the output and release every resource. Idempotent; the input keeps running. */
  stop(): void;
  /** Listen for failures after `start` resolved. Returns the unsubscribe function. */
  onError(listener: (error: MeetingError) => void): () => void;
}
