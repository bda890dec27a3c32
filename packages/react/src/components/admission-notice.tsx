import { forwardRef, useEffect, useId, useRef, type HTMLAttributes } from 'react';
import { useMeetingClient } from '../context/meeting-context';
import { useAdmission, type AdmissionState } from '../hooks/use-admission';
import { useNow } from '../hooks/use-now';
import { formatMessage } from '../messages/messages';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { formatDuration, formatSchedule, isoDuration } from '../utils/session-time';
import { Icon } from './icons';
import { useFocusOnArrival } from '../hooks/use-focus-on-arrival';

/** The screens around the waiting room that end (or pause) a visit. */
export type AdmissionNoticeState = Extract<AdmissionState, 'not-started' | 'denied' | 'removed' | 'locked'>;

/** Props of the internal `<AdmissionNotice>`. */
export interface AdmissionNoticeProps extends HTMLAttributes<HTMLElement> {
  state: AdmissionNoticeState;
  onLeave?: () => void;
  onRetry?: () => void;
  locale?: string;
}

/**
 * Not started yet (start time, a countdown, Try again — and `onRetry` by itself when joining
 * opens), denied, removed (no way back in offered) or locked. Denied and removed also turn the
 * camera and microphone off: the person is out, so their devices should be too.
 */
export const AdmissionNotice = forwardRef<HTMLElement, AdmissionNoticeProps>(function AdmissionNotice(
  { state, onLeave, onRetry, locale, className, ...rest },
  ref,
) {
  const client = useMeetingClient();
  const m = useMessages();
  const { startsAt, endsAt, retryAt } = useAdmission();
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useFocusOnArrival(heading, state);
  const counting = state === 'not-started' && retryAt !== undefined;
  const now = useNow(counting);
  const left = retryAt === undefined ? null : retryAt - now;
  const open = counting && left !== null && left <= 0;

  useEffect(() => {
    if (state !== 'denied' && state !== 'removed') return;
    const { media } = client.getSnapshot();
    if (media.camera.enabled) void client.camera.disable().catch(() => undefined);
    if (media.microphone.enabled) void client.microphone.disable().catch(() => undefined);
    if (media.screen.enabled) void client.screen.disable().catch(() => undefined);
  }, [client, state]);

  // Joining opened: try again once by itself (a person may have waited here for a while).
  const retried = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!open || !onRetry || retried.current === retryAt) return;
    retried.current = retryAt;
    onRetry();
  }, [open, onRetry, retryAt]);

  const close = () => {
    void client
      .leave()
      .catch(() => undefined)
      .finally(() => onLeave?.());
  };

  const title = { 'not-started': m.notStartedTitle, denied: m.deniedTitle, removed: m.removedTitle, locked: m.lockedTitle }[state];
  const schedule = state === 'not-started' ? formatSchedule(startsAt, endsAt, now, m, locale) : null;
  const icon = state === 'not-started' ? 'clock' : state === 'locked' ? 'lock' : 'door';
  return (
    <section ref={ref} aria-labelledby={titleId} {...rest} className={cx('mm-waiting mm-waiting--notice', className)} data-state={state}>
      <div className="mm-waiting__card">
        <span className="mm-waiting__badge" aria-hidden="true">
          <Icon name={icon} className="mm-waiting__icon" />
        </span>
        <h2 ref={heading} id={titleId} tabIndex={-1} className="mm-waiting__title">
          {title}
        </h2>
        {state === 'not-started' ? (
          <>
            <p>{schedule ? formatMessage(m.notStartedStarts, { time: schedule }) : m.notStartedUnknown}</p>
            {counting && left !== null ? (
              <p className="mm-waiting__countdown" data-state={open ? 'open' : 'counting'}>
                {open ? m.notStartedOpen : <time dateTime={isoDuration(left)}>{formatMessage(m.notStartedCountdown, { duration: formatDuration(left) })}</time>}
              </p>
            ) : null}
          </>
        ) : (
          <p>{state === 'denied' ? m.deniedBody : state === 'removed' ? m.removedBody : m.lockedBody}</p>
        )}
        <div className="mm-waiting__actions">
          {(state === 'not-started' || state === 'locked') && onRetry ? (
            <button type="button" className="mm-button" data-variant="primary" onClick={onRetry}>
              {m.tryAgain}
            </button>
          ) : null}
          <button type="button" className="mm-button" onClick={close}>
            {m.close}
          </button>
        </div>
      </div>
    </section>
  );
});
