import { forwardRef, useEffect, useId, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useAdmission } from '../hooks/use-admission';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { AdmissionNotice } from './admission-notice';
import { DeviceSelect } from './device-select';
import { Icon } from './icons';
import { MediaToggleButton } from './media-toggle-button';
import { MicrophoneLevel } from './microphone-level';
import { SelfPreview } from './self-preview';
import { SessionSchedule } from './session-schedule';
import { useFocusOnArrival } from '../hooks/use-focus-on-arrival';

/** Props of `<WaitingRoom>`. */
export interface WaitingRoomProps extends HTMLAttributes<HTMLElement> {
  /** Called after the person left (Leave while waiting, Close on the denied / removed / locked / not-started screens). */
  onLeave?: () => void;
  /**
   * Try joining again: "Try again" on the not-started and locked screens, and by itself once
   * joining opens (the refusal's `retryAfterMs`). Without it those screens offer only Close.
   */
  onRetry?: () => void;
  /** A BCP 47 locale for dates and times. @default the browser's */
  locale?: string;
  /** More settings beside the device pickers, e.g. `<BackgroundEffectPicker>` and `<NoiseSuppressionToggle>`. */
  children?: ReactNode;
}

const selectCanPickSpeaker = (s: MeetingSnapshot) => s.devices.canSelectSpeaker && s.devices.speakers.length > 0;
const selectStream = (s: MeetingSnapshot) => s.localStream;

/**
 * The calm screen of someone waiting to be let in, and the screens around it — chosen by
 * `useAdmission().state` (`data-state`):
 * - `waiting`: their own camera preview with camera/microphone toggles, a microphone level,
 *   device pickers, "Your host will let you in soon" (or "Waiting for your host to join" while no
 *   host is there), the scheduled session time, and Leave;
 * - `not-started`: the start time, a countdown until joining opens, Try again (`onRetry`, also
 *   called by itself when it opens);
 * - `denied`: "The host did not let you in"; `removed`: "You were removed from this session"
 *   (no way back in); `locked`: "This session is locked".
 * Renders nothing in the other states (`idle`, `admitted`).
 *
 * @example
 * <WaitingRoom onLeave={() => navigate('/')} onRetry={() => setAttempt((n) => n + 1)}>
 *   <BackgroundEffectPicker assetsUrl="/mentara-effects/" />
 * </WaitingRoom>
 */
export const WaitingRoom = forwardRef<HTMLElement, WaitingRoomProps>(function WaitingRoom({ onLeave, onRetry, locale, children, ...rest }, ref) {
  const { state } = useAdmission();
  if (state === 'waiting') {
    return (
      <WaitingScreen ref={ref} onLeave={onLeave} locale={locale} {...rest}>
        {children}
      </WaitingScreen>
    );
  }
  if (state === 'not-started' || state === 'denied' || state === 'removed' || state === 'locked') {
    return <AdmissionNotice ref={ref} state={state} onLeave={onLeave} onRetry={onRetry} locale={locale} {...rest} />;
  }
  return null;
});

const WaitingScreen = forwardRef<HTMLElement, Omit<WaitingRoomProps, 'onRetry'>>(function WaitingScreen(
  { onLeave, locale, children, className, ...rest },
  ref,
) {
  const client = useMeetingClient();
  const m = useMessages();
  const { hostPresent } = useAdmission();
  const canPickSpeaker = useMeeting(selectCanPickSpeaker);
  const [leaving, setLeaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useFocusOnArrival(heading, 'waiting');
  const stream = useMeeting(selectStream);
  // Device names appear only once the browser has granted access: list them again with the preview.
  useEffect(() => {
    client.devices.refresh().catch(() => undefined);
  }, [client, stream]);

  const leave = () => {
    setLeaving(true);
    void client
      .leave()
      .catch(() => undefined)
      .finally(() => {
        setLeaving(false);
        onLeave?.();
      });
  };

  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      {...rest}
      className={cx('mm-waiting', className)}
      data-state="waiting"
      data-host={hostPresent ? 'present' : 'absent'}
    >
      <div className="mm-waiting__status">
        <span className="mm-waiting__pulse" aria-hidden="true" />
        <div>
          <h2 ref={heading} id={titleId} tabIndex={-1} className="mm-waiting__title">
            {hostPresent ? m.waitingTitle : m.waitingForHostTitle}
          </h2>
          <p className="mm-waiting__text">{hostPresent ? m.waitingBody : m.waitingForHostBody}</p>
          <SessionSchedule locale={locale} />
        </div>
      </div>
      <div className="mm-waiting__preview">
        <SelfPreview />
        <div className="mm-waiting__toggles">
          <MediaToggleButton source="microphone" />
          <MediaToggleButton source="camera" />
        </div>
        <MicrophoneLevel />
      </div>
      <div className="mm-waiting__settings">
        <DeviceSelect kind="camera" />
        <DeviceSelect kind="microphone" />
        {canPickSpeaker ? <DeviceSelect kind="speaker" /> : null}
        {children}
        <button type="button" className="mm-button mm-waiting__leave" aria-busy={leaving} disabled={leaving} onClick={leave}>
          <Icon name="leave" />
          <span>{m.leave}</span>
        </button>
      </div>
    </section>
  );
});
