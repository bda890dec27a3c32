import { forwardRef, useId, type HTMLAttributes } from 'react';
import { useNoiseSuppression } from '../hooks/use-noise-suppression';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<NoiseSuppressionToggle>`. */
export interface NoiseSuppressionToggleProps extends HTMLAttributes<HTMLDivElement> {
  /** Where your app serves the effect files, e.g. `/mentara-effects/` (see the core README, "Effects"). */
  assetsUrl: string;
  /** `localStorage` key the choice is remembered under; `null` remembers nothing. @default 'mentara-meetings:noise-suppression' */
  storageKey?: string | null;
}

/**
 * "Reduce background noise": a switch (`role="switch"`, `aria-checked`) that is on by default
 * where the browser can do it, remembered between visits, and simply not offered where it
 * cannot. Switching does not interrupt the others. `data-state`: `off | loading | on | error`,
 * with a calm line of text while it starts and when it could not run (the microphone is then
 * sent as it is).
 */
export const NoiseSuppressionToggle = forwardRef<HTMLDivElement, NoiseSuppressionToggleProps>(function NoiseSuppressionToggle(
  { assetsUrl, storageKey, className, ...rest },
  ref,
) {
  const m = useMessages();
  const { support, enabled, state, setEnabled } = useNoiseSuppression({ assetsUrl, ...(storageKey !== undefined ? { storageKey } : {}) });
  const statusId = useId();
  if (support === 'checking' || support === 'unsupported') return null;
  const status = state === 'loading' ? m.noiseSuppressionLoading : state === 'error' ? m.noiseSuppressionFailed : null;
  return (
    <div ref={ref} {...rest} className={cx('mm-noise', className)} data-state={state}>
      <button
        type="button"
        role="switch"
        aria-checked={enabled}
        aria-describedby={status ? statusId : undefined}
        className="mm-switch"
        data-state={enabled ? 'on' : 'off'}
        onClick={() => void setEnabled(!enabled)}
      >
        <span className="mm-switch__label">{m.noiseSuppression}</span>
        <span className="mm-switch__track" aria-hidden="true">
          <span className="mm-switch__thumb" />
        </span>
        <span className="mm-switch__state" aria-hidden="true">
          {enabled ? m.on : m.off}
        </span>
      </button>
      {status ? (
        <p id={statusId} className="mm-effects__status" data-state={state}>
          {status}
        </p>
      ) : null}
    </div>
  );
});
