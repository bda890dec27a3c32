import { forwardRef, useId, type HTMLAttributes } from 'react';
import { useHostControls } from '../hooks/use-host-controls';
import { useMeetingEvent } from '../hooks/use-meeting-event';
import { useWaitingList } from '../hooks/use-waiting-list';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { playKnockSound } from '../utils/knock-sound';
import { Icon } from './icons';
import { AdmitAllButton, WaitingEntry } from './waiting-entry';

/** Props of `<AdmitQueue>`. */
export interface AdmitQueueProps extends HTMLAttributes<HTMLElement> {
  /**
   * Play a short, soft chime when someone knocks (generated with Web Audio; nothing is fetched;
   * silently skipped where audio cannot play). @default false
   */
  sound?: boolean;
  /** `inline` in the flow of your layout, or `toast` pinned to the top corner. @default 'inline' */
  variant?: 'inline' | 'toast';
  /** A BCP 47 locale for "waiting since" times. @default the browser's */
  locale?: string;
}

/**
 * For hosts, when someone knocks: "Client is waiting" with **Admit** and **Deny**, and **Admit all**
 * when more than one person waits. Renders nothing for everyone else or while nobody waits. It
 * never takes focus (a knock must not pull the host out of what they are doing): the buttons are
 * in the normal Tab order, and `<LiveAnnouncer>` says "Client is waiting to join". A failure (a
 * full session) is shown calmly next to the person. `data-count` is the number waiting.
 */
export const AdmitQueue = forwardRef<HTMLElement, AdmitQueueProps>(function AdmitQueue(
  { sound = false, variant = 'inline', locale, className, ...rest },
  ref,
) {
  const host = useHostControls();
  const waiting = useWaitingList();
  const m = useMessages();
  const titleId = useId();
  useMeetingEvent('participant-waiting', () => {
    if (sound) playKnockSound();
  });
  if (!host || waiting.length === 0) return null;
  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      {...rest}
      className={cx('mm-admit', className)}
      data-variant={variant}
      data-count={waiting.length}
    >
      <h2 id={titleId} className="mm-admit__title">
        <Icon name="person" />
        {m.waitingToJoin}
      </h2>
      <ul className="mm-admit__list">
        {waiting.map((person) => (
          <WaitingEntry key={person.id} person={person} host={host} locale={locale} />
        ))}
      </ul>
      {waiting.length > 1 ? <AdmitAllButton host={host} waiting={waiting} /> : null}
    </section>
  );
});
