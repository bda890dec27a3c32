import { forwardRef, type HTMLAttributes } from 'react';
import { useSpeakingWhileMuted } from '../hooks/use-speaking-while-muted';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<MutedSpeechHint>`. */
export interface MutedSpeechHintProps extends HTMLAttributes<HTMLDivElement> {
  /**
   * Listen for speech while muted (locally, never sent; see `useSpeakingWhileMuted`). `false`
   * never opens the microphone; `'always'` shows the hint regardless (stories, your own detection).
   * @default true
   */
  listen?: boolean | 'always';
  /** The shortcut that unmutes, appended to the hint, e.g. `Ctrl+D`. */
  shortcut?: string;
}

/**
 * "You are muted. Press Unmute to be heard." — appears when you talk while muted and fades a
 * few seconds after you stop. Announced politely once; renders an empty live region otherwise.
 */
export const MutedSpeechHint = forwardRef<HTMLDivElement, MutedSpeechHintProps>(function MutedSpeechHint(
  { listen = true, shortcut, className, ...rest },
  ref,
) {
  const detected = useSpeakingWhileMuted(listen === true);
  const m = useMessages();
  const shown = listen === 'always' || detected;
  return (
    <div ref={ref} role="status" {...rest} className={cx('mm-muted-hint', className)} data-state={shown ? 'shown' : 'hidden'}>
      {shown ? (
        <>
          <Icon name="microphoneOff" />
          <span>
            {m.mutedSpeechHint}
            {shortcut ? ` (${shortcut})` : ''}
          </span>
        </>
      ) : null}
    </div>
  );
});
