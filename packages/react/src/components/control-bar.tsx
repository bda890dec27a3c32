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
  /** Show text labels beside icons. @default true */
  showLabels?: boolean;
}

const noSubscription = () => () => undefined;
const canShareScreen = () =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';
const notOnServer = () => false;

/**
 * The meeting's controls: microphone, camera, screen share, start-audio (when blocked), leave.
 * Extra controls go in `children` (rendered before Leave).
 */
export const ControlBar = forwardRef<HTMLDivElement, ControlBarProps>(function ControlBar(
  { controls = {}, onLeave, showLabels = true, className, children, ...rest },
  ref,
) {
  const m = useMessages();
  const { camera = true, microphone = true, leave = true } = controls;
  // Read through useSyncExternalStore so server HTML (no screen share) hydrates without a mismatch.
  const supported = useSyncExternalStore(noSubscription, canShareScreen, notOnServer);
  const screen = controls.screen ?? supported;
  return (
    <div ref={ref} role="group" aria-label={m.controls} {...rest} className={cx('mm-controls', className)}>
      {microphone ? <MediaToggleButton source="microphone" showLabel={showLabels} /> : null}
      {camera ? <MediaToggleButton source="camera" showLabel={showLabels} /> : null}
      {screen ? <MediaToggleButton source="screen" showLabel={showLabels} /> : null}
      <StartAudioButton />
      {children}
      {leave ? <LeaveButton onLeave={onLeave} /> : null}
    </div>
  );
});
