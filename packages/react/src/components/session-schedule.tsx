import { forwardRef, type HTMLAttributes } from 'react';
import { useAdmission } from '../hooks/use-admission';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { formatSchedule } from '../utils/session-time';
import { Icon } from './icons';

/** Props of `<SessionSchedule>`. */
export interface SessionScheduleProps extends HTMLAttributes<HTMLParagraphElement> {
  /** A BCP 47 locale for the date and time. @default the browser's */
  locale?: string;
}

/**
 * The scheduled session time in the viewer's own locale and time zone — "Session time Today,
 * 3:00 – 3:50 PM CET" — from the meeting's `startsAt`/`endsAt` (server clock). Renders nothing
 * when the session has no scheduled start.
 */
export const SessionSchedule = forwardRef<HTMLParagraphElement, SessionScheduleProps>(function SessionSchedule(
  { locale, className, ...rest },
  ref,
) {
  const m = useMessages();
  const { startsAt, endsAt } = useAdmission();
  const text = formatSchedule(startsAt, endsAt, Date.now(), m, locale);
  if (!text) return null;
  return (
    <p ref={ref} {...rest} className={cx('mm-schedule', className)}>
      <Icon name="clock" />
      <span className="mm-schedule__label">{m.sessionTime}</span>{' '}
      <time dateTime={new Date(startsAt!).toISOString()}>{text}</time>
    </p>
  );
});
