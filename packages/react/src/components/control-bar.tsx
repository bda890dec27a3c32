import { forwardRef, useSyncExternalStore, type HTMLAttributes } from 'react';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { MediaToggleButton } from './media-toggle-button';
import { LeaveButton } from './leave-button';
import { StartAudioButton } from './start-audio-button';

/** Which controls `<ControlBar>` shows. */
export interface ControlBarControls {
  camera?: boolean;
  microphone?: boolean;
  screen?: boolean;
  leave?: boolean;
}

/** Props of `<ControlBar>`. */
export interface ControlBarProps extends HTMLAttributes<HTMLDivElement> {
  /** @default all true; screen share is hidden where the browser cannot share */
  controls?: ControlBarControls;
  /** Called after leaving. */
  onLeave?: () => void;
  /** Show text labels beside icons (icons alone keep their names for screen readers and a tooltip). @default true */
  showLabels?: boolean;
  /** Keyboard shortcuts to show on the microphone and camera buttons (see `useMeetingShortcuts`). */
  shortcuts?: { microphone?: { keys: string; label: string }; camera?: { keys: string; label: string } };
}

const noSubscription = () => () => undefined;
const canShareScreen = () =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';
const notOnServer = () => false;

/** Whether this browser can share a screen (false on the server and on phones). */
export function useCanShareScreen(): boolean {
  // Read through useSyncExternalStore so server HTML (no screen share) hydrates without a mismatch.
  return useSyncExternalStore(noSubscription, canShareScreen, notOnServer);
}

/**
 * The meeting's controls in one row: microphone, camera, screen share, start-audio (when
 * blocked), leave. Extra controls go in `children` (rendered before Leave).
 */
export const ControlBar = forwardRef<HTMLDivElement, ControlBarProps>(function ControlBar(
  { controls = {}, onLeave, showLabels = true, shortcuts, className, children, ...rest },
  ref,
) {
  const m = useMessages();
  const { camera = true, microphone = true, leave = true } = controls;
  const supported = useCanShareScreen();
  const screen = controls.screen ?? supported;
  return (
    <div ref={ref} role="group" aria-label={m.controls} {...rest} className={cx('mm-controls', className)} data-labels={showLabels ? 'shown' : 'hidden'}>
      {microphone ? <MediaToggleButton source="microphone" showLabel={showLabels} shortcut={shortcuts?.microphone} /> : null}
      {camera ? <MediaToggleButton source="camera" showLabel={showLabels} shortcut={shortcuts?.camera} /> : null}
      {screen ? <MediaToggleButton source="screen" showLabel={showLabels} /> : null}
      <StartAudioButton />
      {children}
      {leave ? <LeaveButton onLeave={onLeave} /> : null}
    </div>
  );
});
