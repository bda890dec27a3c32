import { forwardRef, useState, type HTMLAttributes } from 'react';
import { useHostControls } from '../hooks/use-host-controls';
import { useSessionTimer } from '../hooks/use-session-timer';
import { formatMessage } from '../messages/messages';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { errorText } from '../utils/error-text';
import { formatDuration, isoDuration } from '../utils/session-time';
import { Icon } from './icons';

/** Props of `<SessionTimer>`. */
export interface SessionTimerProps extends HTMLAttributes<HTMLDivElement> {
  /** Minutes the host's extend button adds. @default 15 */
  extendMinutes?: number;
}

/**
 * The session's time: elapsed since it started, or time left when it has a scheduled end, by
 * the server's clock. It ticks once a second inside this component only. From five minutes
 * before the end it shows a calm "Ending soon" (`data-state="ending-soon"`; `<LiveAnnouncer>`
 * says it once). Hosts get **+15 min** (`client.host.extend(15)`) while there is an end.
 * `data-state`: `idle | running | ending-soon | ended`; `data-mode`: `elapsed | remaining`.
 */
export const SessionTimer = forwardRef<HTMLDivElement, SessionTimerProps>(function SessionTimer({ extendMinutes = 15, className, ...rest }, ref) {
  const m = useMessages();
  const timer = useSessionTimer();
  const host = useHostControls();
  const [extending, setExtending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const span = timer.mode === 'remaining' ? timer.remainingMs : timer.elapsedMs;
  const time = span === null ? null : formatDuration(span);
  const text =
    timer.state === 'ended'
      ? m.timerEnded
      : timer.state === 'idle' || time === null
        ? m.timerNotStarted
        : formatMessage(timer.mode === 'remaining' ? m.timeLeft : m.timeElapsed, { time });

  const extend = async () => {
    if (!host) return;
    setExtending(true);
    setError(null);
    try {
      await host.extend(extendMinutes);
    } catch (cause) {
      setError(errorText(cause, m));
    } finally {
      setExtending(false);
    }
  };

  const canExtend = host !== null && timer.mode === 'remaining' && timer.state !== 'ended';
  return (
    <div ref={ref} {...rest} className={cx('mm-timer', className)} data-state={timer.state} data-mode={timer.mode}>
      <span className="mm-timer__clock" role="timer">
        <Icon name="clock" />
        <span className="mm-visually-hidden">{m.sessionTimer} </span>
        {span !== null && timer.state !== 'ended' && timer.state !== 'idle' ? <time dateTime={isoDuration(span)}>{text}</time> : <span>{text}</span>}
      </span>
      {timer.state === 'ending-soon' ? <span className="mm-timer__soon">{m.endingSoon}</span> : null}
      {canExtend ? (
        <button
          type="button"
          className="mm-button"
          data-size="small"
          title={formatMessage(m.extendSessionTitle, { minutes: String(extendMinutes) })}
          disabled={extending}
          aria-busy={extending}
          onClick={() => void extend()}
        >
          {formatMessage(m.extendSession, { minutes: String(extendMinutes) })}
        </button>
      ) : null}
      {error ? (
        <span className="mm-inline-error" role="status">
          {error}
        </span>
      ) : null}
    </div>
  );
});
