import type { MeetingError } from '../errors/meeting-error';
import type { MediaToggle } from './types';
import type { MediaToggleState } from '../state/types';
import { toMediaError } from './media-errors';

/** What a toggle does; the toggle adds state (`pending`, `error`) and serialisation. */
export interface MediaToggleEffects {
  isEnabled(): boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  update(patch: Partial<MediaToggleState>): void;
  onError(error: MeetingError): void;
  /** Throws `destroyed` after destroy(). */
  assertUsable(): void;
}

/**
 * A camera/microphone/screen toggle: calls are queued so a double click never starts two
 * captures; failures land in the toggle's `error` and reject with a `MeetingError`.
 */
export function createMediaToggle(fx: MediaToggleEffects): MediaToggle {
  let queue: Promise<void> = Promise.resolve();

  function run(want: (() => boolean) | boolean): Promise<void> {
    try {
      fx.assertUsable();
    } catch (error) {
      return Promise.reject(error);
    }
    const task = queue.then(async () => {
      const enable = typeof want === 'function' ? want() : want;
      if (enable === fx.isEnabled()) return;
      fx.update({ pending: true });
      try {
        if (enable) await fx.start();
        else await fx.stop();
        fx.update({ enabled: enable, pending: false, error: null });
      } catch (cause) {
        const error = toMediaError(cause);
        fx.update({ pending: false, error, enabled: fx.isEnabled() });
        fx.onError(error);
        throw error;
      }
    });
    queue = task.catch(() => {});
    return task;
  }

  return {
    enable: () => run(true),
    disable: () => run(false),
    toggle: () => run(() => !fx.isEnabled()),
  };
}
