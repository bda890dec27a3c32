import { forwardRef, useState, type ButtonHTMLAttributes } from 'react';
import { useMeetingClient } from '../context/meeting-context';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<LeaveButton>`. */
export interface LeaveButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick'> {
  /** Called after the client has left. */
  onLeave?: () => void;
}

/** Leaves the meeting (stops local media, closes peers), then calls `onLeave`. */
export const LeaveButton = forwardRef<HTMLButtonElement, LeaveButtonProps>(function LeaveButton(
  { onLeave, className, children, disabled, ...rest },
  ref,
) {
  const client = useMeetingClient();
  const m = useMessages();
  const [leaving, setLeaving] = useState(false);
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
    <button
      ref={ref}
      type="button"
      data-variant="danger"
      data-state={leaving ? 'leaving' : 'idle'}
      {...rest}
      disabled={disabled || leaving}
      className={cx('mm-button', className)}
      onClick={leave}
    >
      <Icon name="leave" />
      {children ?? <span>{m.leave}</span>}
    </button>
  );
});
