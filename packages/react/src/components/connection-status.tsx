import { forwardRef, type HTMLAttributes } from 'react';
import { useConnectionState } from '../hooks/use-connection';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<ConnectionStatus>`. */
export interface ConnectionStatusProps extends HTMLAttributes<HTMLDivElement> {
  /**
   * `inline`: always shown; `toast`: a floating notice shown only while not connected
   * ("Reconnecting…"). @default 'inline'
   */
  variant?: 'inline' | 'toast';
}

/** The meeting connection state as text in a polite `role="status"` region, `data-state` for styling. */
export const ConnectionStatus = forwardRef<HTMLDivElement, ConnectionStatusProps>(function ConnectionStatus(
  { variant = 'inline', className, ...rest },
  ref,
) {
  const state = useConnectionState();
  const text = useMessages().connectionState[state];
  const hidden = variant === 'toast' && (state === 'connected' || state === 'idle');
  return (
    <div
      ref={ref}
      role="status"
      data-state={state}
      data-variant={variant}
      {...rest}
      className={cx('mm-status', className)}
    >
      {hidden ? null : text}
    </div>
  );
});
