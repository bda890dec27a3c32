import { forwardRef, type ButtonHTMLAttributes } from 'react';
import type { TrackSource } from '@mentara/meetings-core';
import { useMediaToggle } from '../hooks/use-media-toggle';
import { useMessages } from '../messages/messages-context';
import type { MeetingMessages } from '../messages/messages';
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
  /** A keyboard shortcut that toggles this source, shown in the tooltip, e.g. `{ keys: 'Control+D', label: 'Ctrl+D' }`. */
  shortcut?: { keys: string; label: string };
}

/** What pressing the button does, by source and state: "Mute" / "Unmute", "Stop camera" / "Start camera", "Share screen" / "Stop sharing". */
export function mediaToggleLabel(m: MeetingMessages, source: TrackSource, enabled: boolean): string {
  if (source === 'microphone') return enabled ? m.mute : m.unmute;
  if (source === 'camera') return enabled ? m.stopCamera : m.startCamera;
  return enabled ? m.screenShareStop : m.screenShareStart;
}

/**
 * A toggle button for camera, microphone or screen share. Its label says what pressing it does
 * ("Unmute" while muted, "Stop sharing" while sharing) and its look follows the state;
 * `aria-pressed` and `data-state="on|off"` tell whether the source is on; disabled while the
 * change is in flight.
 */
export const MediaToggleButton = forwardRef<HTMLButtonElement, MediaToggleButtonProps>(function MediaToggleButton(
  { source, showLabel = true, shortcut, className, children, ...rest },
  ref,
) {
  const { enabled, buttonProps } = useMediaToggle(source);
  const m = useMessages();
  const label = mediaToggleLabel(m, source, enabled);
  // A crossed-out screen would read as "sharing is broken": the share button keeps its icon.
  const icon = enabled || source === 'screen' ? source : (`${source}Off` as const);
  return (
    <button
      ref={ref}
      {...buttonProps}
      title={shortcut ? `${label} (${shortcut.label})` : showLabel ? undefined : label}
      aria-keyshortcuts={shortcut?.keys}
      {...rest}
      className={cx('mm-button mm-toggle', className)}
      data-source={source}
    >
      <Icon name={icon} />
      {children ?? <span className={showLabel ? undefined : 'mm-visually-hidden'}>{label}</span>}
    </button>
  );
});
