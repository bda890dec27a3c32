import type { MeetingError } from '../errors/meeting-error';
import { toEffectError } from './media-errors';
import type { TrackProcessor } from './track-processor';

/** Options of {@link createProcessedTrack}. */
export interface ProcessedTrackOptions {
  /**
   * The track to send changed (processor started, removed or failed; input replaced or gone):
   * `replaceTrack` it on every peer sender and show it in the local preview.
   */
  onTrackChange(track: MediaStreamTrack | null): void;
  /** A processor could not start or failed later; the raw input is being sent instead. */
  onError?(error: MeetingError): void;
}

/**
 * One camera or microphone slot with an optional processor in front of it: it decides which
 * track to send (processed, or raw as the fallback) and says when that changes.
 */
export interface ProcessedTrack {
  /** The captured track (owned by the caller, never stopped here). */
  readonly input: MediaStreamTrack | null;
  /** The track to send right now. */
  readonly output: MediaStreamTrack | null;
  readonly processor: TrackProcessor | null;
  /** A new capture (device on or switched), or `null` (device off). Resolves with `output`. */
  setInput(track: MediaStreamTrack | null): Promise<MediaStreamTrack | null>;
  /**
   * Put a processor in front (or remove it with `null`), mid-call. The new output is in place
   * before the previous processor stops, so the peers see no gap. Resolves with `output`.
   */
  setProcessor(processor: TrackProcessor | null): Promise<MediaStreamTrack | null>;
  /** Stop the processor and forget the input (which the caller stops). */
  dispose(): void;
}

/**
 * Creates the seam between a capture and the peer senders. Calls are serialised; the processor
 * is stopped when replaced, removed or disposed.
 *
 * @example
 * const camera = createProcessedTrack({ onTrackChange: (t) => senders.forEach((s) => s.replaceTrack(t)) })
 * await camera.setInput(await captureCamera())
 * await camera.setProcessor(createBackgroundProcessor({ assetsUrl: '/mentara-effects/' }))
 */
export function createProcessedTrack(options: ProcessedTrackOptions): ProcessedTrack {
  let input: MediaStreamTrack | null = null;
  let output: MediaStreamTrack | null = null;
  let processor: TrackProcessor | null = null;
  let unsubscribe: (() => void) | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;

  const publish = (track: MediaStreamTrack | null) => {
    if (track === output) return;
    output = track;
    options.onTrackChange(track);
  };

  /** Output of `p` for the current input; the raw input if `p` cannot start. */
  async function startOn(p: TrackProcessor, track: MediaStreamTrack): Promise<MediaStreamTrack> {
    try {
      return await p.start(track);
    } catch (error) {
      options.onError?.(toEffectError(error, `${p.name} could not start`));
      return track;
    }
  }

  function watch(p: TrackProcessor) {
    unsubscribe?.();
    unsubscribe = p.onError((error) => {
      if (processor !== p) return;
      // The processed output has ended; the input is still live.
      publish(input);
      options.onError?.(error);
    });
  }

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    get input() {
      return input;
    },
    get output() {
      return output;
    },
    get processor() {
      return processor;
    },
    setInput(track) {
      return serial(async () => {
        if (disposed) return null;
        input = track;
        if (!track) {
          processor?.stop();
          publish(null);
        } else {
          publish(processor ? await startOn(processor, track) : track);
        }
        return output;
      });
    },
    setProcessor(next) {
      return serial(async () => {
        if (disposed || next === processor) return output;
        const previous = processor;
        unsubscribe?.();
        unsubscribe = null;
        processor = next;
        if (next) watch(next);
        if (input) publish(next ? await startOn(next, input) : input);
        previous?.stop();
        return output;
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribe?.();
      processor?.stop();
      processor = null;
      input = output = null;
    },
  };
}
