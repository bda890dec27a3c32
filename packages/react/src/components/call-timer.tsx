import { forwardRef, useEffect, useState, type HTMLAttributes } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { formatDuration, useElapsed } from '../hooks/use-elapsed';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<CallTimer>`. */
export type CallTimerProps = HTMLAttributes<HTMLSpanElement>;

const selectStarted = (s: MeetingSnapshot) => s.meeting?.startedAt ?? null;
const selectJoined = (s: MeetingSnapshot) => s.localParticipant !== null;

/**
 * How long the call has been going (`m:ss`), from when the meeting started — or from when you
 * joined, when the server did not say. Not a live region: it would interrupt every second.
 */
export const CallTimer = forwardRef<HTMLSpanElement, CallTimerProps>(function CallTimer({ className, ...rest }, ref) {
  const started = useMeeting(selectStarted);
  const joined = useMeeting(selectJoined);
  const [joinedAt, setJoinedAt] = useState<number | null>(null);
  useEffect(() => setJoinedAt(joined ? Date.now() : null), [joined]);
  const seconds = useElapsed(started ?? joinedAt);
  const m = useMessages();
  if (seconds === null) return null;
  const text = formatDuration(seconds);
  return (
    <span ref={ref} {...rest} className={cx('mm-timer', className)}>
      <span className="mm-visually-hidden">{m.callDuration} </span>
      <time dateTime={`PT${seconds}S`}>{text}</time>
    </span>
  );
});
