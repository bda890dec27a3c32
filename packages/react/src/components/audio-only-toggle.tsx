import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { useAudioOnly } from '../hooks/use-audio-only';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<AudioOnlyToggle>`; other button attributes pass through. */
export interface AudioOnlyToggleProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** Show the text label (it is always the button's name for screen readers). @default true */
  showLabel?: boolean;
}

/**
 * The audio-only switch: stops sending camera video to everyone without turning the camera off
 * (`client.setAudioOnly`), and turns it back on. The label says what pressing does ("Switch to
 * audio only" / "Turn video back on"); `aria-pressed` and `data-state="on|off"` say whether audio
 * only is on; disabled while the change is applied.
 *
 * @example
 * <AudioOnlyToggle />
 */
export const AudioOnlyToggle = forwardRef<HTMLButtonElement, AudioOnlyToggleProps>(function AudioOnlyToggle(
  { showLabel = true, className, children, ...rest },
  ref,
) {
  const { audioOnly, buttonProps } = useAudioOnly();
  const m = useMessages();
  const label = audioOnly ? m.audioOnlyStop : m.audioOnlyStart;
  return (
    <button ref={ref} {...buttonProps} {...rest} className={cx('mm-button mm-audio-only', className)}>
      <Icon name={audioOnly ? 'camera' : 'audioOnly'} className="mm-link-icon" />
      {children ?? <span className={showLabel ? undefined : 'mm-visually-hidden'}>{label}</span>}
    </button>
  );
});
