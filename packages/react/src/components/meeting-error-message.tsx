import { forwardRef, type HTMLAttributes } from 'react';
import { useMeetingError } from '../hooks/use-connection';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<MeetingErrorMessage>`. */
export type MeetingErrorMessageProps = HTMLAttributes<HTMLParagraphElement>;

/**
 * The current meeting error as a plain-language recovery hint in a `role="alert"` paragraph
 * (`data-code` carries the error code). Renders nothing when there is no error.
 */
export const MeetingErrorMessage = forwardRef<HTMLParagraphElement, MeetingErrorMessageProps>(
  function MeetingErrorMessage({ className, ...rest }, ref) {
    const error = useMeetingError();
    const m = useMessages();
    if (!error) return null;
    return (
      <p ref={ref} role="alert" data-code={error.code} {...rest} className={cx('mm-error', className)}>
        {m.errors[error.code] ?? error.hint}
      </p>
    );
  },
);
