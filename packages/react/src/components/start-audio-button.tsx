import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { useAudioPlayback } from '../hooks/use-audio-playback';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<StartAudioButton>`. */
export type StartAudioButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick'>;

/**
 * Shown only while the browser blocks audio autoplay; a click resumes playback.
 * Renders nothing otherwise.
 */
export const StartAudioButton = forwardRef<HTMLButtonElement, StartAudioButtonProps>(function StartAudioButton(
  { className, children, ...rest },
  ref,
) {
  const { blocked, startAudio } = useAudioPlayback();
  const m = useMessages();
  if (!blocked) return null;
  return (
    <button
      ref={ref}
      type="button"
      data-variant="primary"
      data-state="blocked"
      {...rest}
      className={cx('mm-button', className)}
      onClick={() => void startAudio().catch(() => undefined)}
    >
      {children ?? m.startAudio}
    </button>
  );
});
