import { forwardRef, useState, type ButtonHTMLAttributes } from 'react';
import type { MeetingError, MeetingSnapshot } from '@mentara/meetings-core';
import { isMeetingError, MeetingError as MeetingErrorClass } from '@mentara/meetings-core';
import { useHostControls } from '../hooks/use-host-controls';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { errorText } from '../utils/error-text';
import { Icon } from './icons';

/** Props of `<LockToggle>`. */
export interface LockToggleProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick' | 'onError'> {
  /** Show the text label (it is always the accessible name). @default true */
  showLabel?: boolean;
  /** Called when locking or unlocking failed (the button keeps showing the session's real state). */
  onError?: (error: MeetingError) => void;
}

const selectLocked = (s: MeetingSnapshot) => s.meeting?.locked ?? false;

/**
 * Host only (renders nothing for everyone else): locks the session so nobody new can join or
 * knock — people already waiting stay and can still be let in — or unlocks it. `aria-pressed`
 * and `data-state="locked|unlocked"` show the state; the label says what pressing it does
 * ("Lock session" / "Unlock session"). `<LiveAnnouncer>` tells everyone when it changes.
 */
export const LockToggle = forwardRef<HTMLButtonElement, LockToggleProps>(function LockToggle(
  { showLabel = true, onError, className, disabled, title, ...rest },
  ref,
) {
  const host = useHostControls();
  const locked = useMeeting(selectLocked);
  const m = useMessages();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  if (!host) return null;
  const label = locked ? m.unlockSession : m.lockSession;
  const toggle = () => {
    setPending(true);
    setFailed(null);
    host
      .setLocked(!locked)
      .catch((cause: unknown) => {
        setFailed(errorText(cause, m));
        onError?.(isMeetingError(cause) ? cause : new MeetingErrorClass('internal', undefined, { cause }));
      })
      .finally(() => setPending(false));
  };
  return (
    <button
      ref={ref}
      type="button"
      aria-pressed={locked}
      {...rest}
      className={cx('mm-button mm-toggle mm-lock', className)}
      data-state={locked ? 'locked' : 'unlocked'}
      data-pending={pending}
      data-error={failed !== null}
      title={failed ?? title}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      onClick={toggle}
    >
      <Icon name={locked ? 'lock' : 'unlock'} />
      <span className={showLabel ? undefined : 'mm-visually-hidden'}>{label}</span>
    </button>
  );
});
