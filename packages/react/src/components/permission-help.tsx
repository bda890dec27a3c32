import { forwardRef, useEffect, useState, type HTMLAttributes } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import { browserFamily, type BrowserFamily } from '../utils/browser-family';
import { cx } from '../utils/class-names';

/** Props of `<PermissionHelp>`. */
export interface PermissionHelpProps extends HTMLAttributes<HTMLElement> {
  /** Offered when only the camera is blocked: join with the microphone alone. */
  onJoinAudioOnly?: () => void;
  /** Offered when both are blocked: join to listen, watch and chat. */
  onJoinWithoutDevices?: () => void;
}

const selectBlocked = (s: MeetingSnapshot) => ({
  camera: s.media.camera.error?.code === 'permission-denied',
  microphone: s.media.microphone.error?.code === 'permission-denied',
});
const sameBlocked = (a: ReturnType<typeof selectBlocked>, b: ReturnType<typeof selectBlocked>) =>
  a.camera === b.camera && a.microphone === b.microphone;

/**
 * When the browser refuses the camera or microphone: the steps to allow them in this browser
 * (Chrome/Edge, Firefox, Safari), a Try again button, and ways to join anyway (audio only, or
 * without devices). Renders nothing while nothing is blocked.
 */
export const PermissionHelp = forwardRef<HTMLElement, PermissionHelpProps>(function PermissionHelp(
  { onJoinAudioOnly, onJoinWithoutDevices, className, ...rest },
  ref,
) {
  const client = useMeetingClient();
  const blocked = useMeeting(selectBlocked, sameBlocked);
  const m = useMessages();
  const [family, setFamily] = useState<BrowserFamily>('other');
  const [retrying, setRetrying] = useState(false);
  // Read on the client only (the server renders the generic steps).
  useEffect(() => setFamily(browserFamily(navigator.userAgent)), []);
  if (!blocked.camera && !blocked.microphone) return null;

  const retry = async () => {
    setRetrying(true);
    await Promise.allSettled([
      blocked.camera ? client.camera.enable() : undefined,
      blocked.microphone ? client.microphone.enable() : undefined,
    ]);
    setRetrying(false);
  };
  const steps = m.permissionSteps[family].split('\n');
  return (
    <section ref={ref} role="alert" {...rest} className={cx('mm-permission', className)} data-browser={family}>
      <p className="mm-permission__title">{m.permissionTitle}</p>
      <ol className="mm-permission__steps">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <div className="mm-permission__actions">
        <button type="button" className="mm-button" data-variant="primary" aria-busy={retrying} disabled={retrying} onClick={() => void retry()}>
          {m.permissionRetry}
        </button>
        {blocked.camera && !blocked.microphone && onJoinAudioOnly ? (
          <button type="button" className="mm-button" onClick={onJoinAudioOnly}>
            {m.joinAudioOnly}
          </button>
        ) : null}
        {blocked.camera && blocked.microphone && onJoinWithoutDevices ? (
          <button type="button" className="mm-button" onClick={onJoinWithoutDevices}>
            {m.joinWithoutDevices}
          </button>
        ) : null}
      </div>
    </section>
  );
});
