import { forwardRef, useState, type HTMLAttributes } from 'react';
import { useMeetingClient } from '../context/meeting-context';
import { useMeetingEvent } from '../hooks/use-meeting-event';
import { useSessionAnnouncements } from '../hooks/use-session-announcements';
import { findParticipant } from '../utils/find-participant';
import { useMessages } from '../messages/messages-context';
import { formatMessage } from '../messages/messages';
import { cx } from '../utils/class-names';

/** Props of `<LiveAnnouncer>`. */
export interface LiveAnnouncerProps extends HTMLAttributes<HTMLDivElement> {
  /** Announce chat messages from others. @default true */
  announceChat?: boolean;
  /**
   * Announce the session flow: someone waiting (hosts), waiting room, let in / denied / removed,
   * a host muted you, lock changes, five minutes left, a new end time. @default true
   */
  announceSession?: boolean;
}

/**
 * A visually hidden polite live region that tells screen-reader users when someone joins or
 * leaves, reads out chat messages from others, and says what happens in the session flow
 * (waiting room, host actions, lock, time running out).
 */
export const LiveAnnouncer = forwardRef<HTMLDivElement, LiveAnnouncerProps>(function LiveAnnouncer(
  { announceChat = true, announceSession = true, className, ...rest },
  ref,
) {
  const client = useMeetingClient();
  const m = useMessages();
  const [text, setText] = useState('');
  // Names of people present, so a leave can still be announced by name after they are gone.
  const [names] = useState(
    () => new Map(client.getSnapshot().remoteParticipants.map((p) => [p.id, p.displayName || m.guest])),
  );

  useMeetingEvent('participant-joined', ({ participant }) => {
    const name = participant.displayName || m.guest;
    names.set(participant.id, name);
    setText(formatMessage(m.announceJoined, { name }));
  });
  useMeetingEvent('participant-left', ({ participantId }) => {
    const name = names.get(participantId) ?? findParticipant(client.getSnapshot(), participantId)?.displayName ?? m.guest;
    names.delete(participantId);
    setText(formatMessage(m.announceLeft, { name }));
  });
  useSessionAnnouncements(setText, announceSession);
  useMeetingEvent('joined', () => {
    for (const p of client.getSnapshot().remoteParticipants) names.set(p.id, p.displayName || m.guest);
  });
  useMeetingEvent('chat-message', ({ message }) => {
    if (!announceChat || message.from === client.getSnapshot().localParticipant?.id) return;
    setText(formatMessage(m.announceChat, { name: message.fromName, text: message.text }));
  });

  return (
    <div ref={ref} aria-live="polite" aria-atomic="true" {...rest} className={cx('mm-visually-hidden', className)}>
      {text}
    </div>
  );
});
