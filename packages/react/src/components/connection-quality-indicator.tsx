import { forwardRef, type HTMLAttributes } from 'react';
import { useConnectionQuality } from '../hooks/use-connection';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<ConnectionQualityIndicator>`. */
export interface ConnectionQualityIndicatorProps extends HTMLAttributes<HTMLSpanElement> {
  /** Whose link to show; the local participant when omitted. */
  participantId?: string;
}

/** Three signal bars with `data-state="unknown|good|fair|poor|lost"` and a spoken label. */
export const ConnectionQualityIndicator = forwardRef<HTMLSpanElement, ConnectionQualityIndicatorProps>(
  function ConnectionQualityIndicator({ participantId, className, ...rest }, ref) {
    const quality = useConnectionQuality(participantId);
    const label = useMessages().quality[quality];
    return (
      <span
        ref={ref}
        role="img"
        aria-label={label}
        title={label}
        data-state={quality}
        {...rest}
        className={cx('mm-quality', className)}
      >
        <span className="mm-quality__bar" />
        <span className="mm-quality__bar" />
        <span className="mm-quality__bar" />
      </span>
    );
  },
);
