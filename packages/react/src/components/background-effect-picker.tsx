import { forwardRef, useId, type FieldsetHTMLAttributes } from 'react';
import { useBackgroundEffect, type BackgroundChoice, type BackgroundImageOption } from '../hooks/use-background-effect';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<BackgroundEffectPicker>`. */
export interface BackgroundEffectPickerProps extends Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'onChange'> {
  /** Where your app serves the effect files, e.g. `/mentara-effects/` (see the core README, "Effects"). */
  assetsUrl: string;
  /** Background pictures to offer besides None and Blur (served by your app). */
  backgrounds?: readonly BackgroundImageOption[];
  /** `localStorage` key the choice is remembered under; `null` remembers nothing. @default 'mentara-meetings:background' */
  storageKey?: string | null;
  /** Called after a choice was made (and has been applied, or failed). */
  onChange?: (choice: BackgroundChoice) => void;
}

/**
 * Background for calls from home: **None**, **Blur**, or one of your pictures, as a group of
 * radio buttons (arrow keys move between them). Previews in `<SelfPreview>` before joining and in
 * the waiting room; switching mid-call does not interrupt the others. The choice is remembered
 * and applied again on the next visit. Not offered at all where the browser cannot do it.
 * `data-state`: `off | loading | on | error` — with a calm line of text while loading and when the
 * effect could not run (the camera is then sent as it is).
 */
export const BackgroundEffectPicker = forwardRef<HTMLFieldSetElement, BackgroundEffectPickerProps>(function BackgroundEffectPicker(
  { assetsUrl, backgrounds = [], storageKey, onChange, className, ...rest },
  ref,
) {
  const m = useMessages();
  const { support, choice, state, choose } = useBackgroundEffect({ assetsUrl, backgrounds, ...(storageKey !== undefined ? { storageKey } : {}) });
  const name = useId();
  const statusId = useId();
  if (support !== 'supported') return null;

  const options: Array<{ value: BackgroundChoice; label: string; picture?: string }> = [
    { value: 'none', label: m.backgroundNone },
    { value: 'blur', label: m.backgroundBlur },
    ...backgrounds.map((b) => ({ value: `image:${b.id}` as const, label: b.label, picture: b.thumbnail ?? b.src })),
  ];
  const status = state === 'loading' ? m.backgroundLoading : state === 'error' ? m.backgroundFailed : null;
  return (
    <fieldset ref={ref} {...rest} className={cx('mm-effects', className)} data-state={state} aria-describedby={status ? statusId : undefined}>
      <legend className="mm-effects__legend">{m.background}</legend>
      <div className="mm-effects__options">
        {options.map((option) => (
          <label key={option.value} className="mm-effect" data-checked={choice === option.value}>
            <input
              type="radio"
              className="mm-effect__input"
              name={name}
              value={option.value}
              checked={choice === option.value}
              onChange={() => void choose(option.value).then(() => onChange?.(option.value))}
            />
            <span className="mm-effect__swatch" data-kind={option.picture ? 'image' : option.value} aria-hidden="true">
              {option.picture ? <img src={option.picture} alt="" loading="lazy" /> : <Icon name={option.value === 'blur' ? 'blur' : 'none'} className="mm-effect__icon" />}
            </span>
            <span className="mm-effect__label">{option.label}</span>
          </label>
        ))}
      </div>
      {status ? (
        <p id={statusId} className="mm-effects__status" data-state={state}>
          {status}
        </p>
      ) : null}
    </fieldset>
  );
});
