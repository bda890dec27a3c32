import { forwardRef, type ButtonHTMLAttributes } from 'react';
import type { TrackSource } from '@mentara/meetings-core';
import { useMediaToggle } from '../hooks/use-media-toggle';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/**
 * Props of the `<MediaToggleButton>` component; other button attributes pass through. (For your own
 * button, spread `useMediaToggle(source).buttonProps`: `MediaToggleButtonAttributes`.)
 */
export interface MediaToggleButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** `camera`, `microphone` or `screen`. */
  source: TrackSource;
  /** Show the text label (it is always available to screen readers). @default true */
  showLabel?: boolean;
}

/**
 * A toggle button for camera, microphone or screen share: `aria-pressed`, `data-state="on|off"`,
 * disabled while the change is in flight.
 */
export const MediaToggleButton = forwardRef<HTMLButtonElement, MediaToggleButtonProps>(function MediaToggleButton(
  { source, showLabel = true, className, children, ...rest },
  ref,
) {
  const { enabled, buttonProps } = useMediaToggle(source);
  const m = useMessages();
  const label = source === 'camera' ? m.toggleCamera : source === 'microphone' ? m.toggleMicrophone : m.toggleScreen;
  const icon = enabled ? source : (`${source}Off` as const);
  return (
    <button
      ref={ref}
      {...buttonProps}
      {...rest}
      className={cx('mm-button mm-toggle', className)}
      data-source={source}
    >
      <Icon name={icon} />
      {children ?? <span className={showLabel ? undefined : 'mm-visually-hidden'}>{label}</span>}
    </button>
  );
});
