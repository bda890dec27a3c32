import { forwardRef, type HTMLAttributes } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { useMediaToggle } from '../hooks/use-media-toggle';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<PresentingBanner>`. */
export type PresentingBannerProps = HTMLAttributes<HTMLDivElement>;

const selectSharing = (s: MeetingSnapshot) => s.media.screen.enabled;

/**
 * While you share your screen: "You are presenting your screen to everyone" with a Stop
 * button — shown instead of your own screen at full size (which would mirror itself endlessly).
 * Renders nothing while you are not sharing.
 */
export const PresentingBanner = forwardRef<HTMLDivElement, PresentingBannerProps>(function PresentingBanner(
  { className, ...rest },
  ref,
) {
  const sharing = useMeeting(selectSharing);
  const { disable, pending } = useMediaToggle('screen');
  const m = useMessages();
  if (!sharing) return null;
  return (
    <div ref={ref} role="status" {...rest} className={cx('mm-presenting', className)}>
      <Icon name="screen" />
      <span className="mm-presenting__text">{m.presentingBanner}</span>
      <button
        type="button"
        className="mm-button"
        data-variant="danger"
        disabled={pending}
        onClick={() => void disable().catch(() => undefined)}
      >
        {m.stopPresenting}
      </button>
    </div>
  );
});
