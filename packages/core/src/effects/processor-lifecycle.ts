import type { MeetingError } from '../errors/meeting-error';
import { toEffectError } from '../media/media-errors';
import type { TrackProcessorState } from '../media/track-processor';

export { toEffectError };

/** State and error listeners shared by every processor. */
export interface ProcessorLifecycle {
  readonly state: TrackProcessorState;
  set(state: TrackProcessorState): void;
  /** Mark `failed` and tell the listeners; a throwing listener never stops the others. */
  fail(error: MeetingError): void;
  onError(listener: (error: MeetingError) => void): () => void;
  /**
   * Run `task` after every earlier one (a start while another is still loading waits for it),
   * and turn anything it throws into a `MeetingError` whose message starts with `failure`.
   */
  serial<T>(task: () => Promise<T>, failure: string): Promise<T>;
}

/** Creates the shared lifecycle part of a processor. */
export function createProcessorLifecycle(name: string): ProcessorLifecycle {
  let state: TrackProcessorState = 'idle';
  const listeners = new Set<(error: MeetingError) => void>();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get state() {
      return state;
    },
    set(next) {
      state = next;
    },
    fail(error) {
      state = 'failed';
      for (const listener of [...listeners]) {
        try {
          listener(error);
        } catch {
          // One broken listener must not keep the others from hearing about the failure.
        }
      }
    },
    onError(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    serial(task, failure) {
      const run = queue.then(task).catch((cause: unknown) => {
        throw toEffectError(cause, `${name}: ${failure}`);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
