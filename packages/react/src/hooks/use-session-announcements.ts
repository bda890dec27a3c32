import { useRef } from 'react';
import { useMeetingClient } from '../context/meeting-context';
import { formatMessage } from '../messages/messages';
import { useMessages } from '../messages/messages-context';
import { formatClock } from '../utils/session-time';
import { useMeetingEvent } from './use-meeting-event';

/**
 * What the session flow says in the polite live region (`LiveAnnouncer`): someone knocked
 * (hosts), you entered the waiting room, your host arrived, you were let in, denied or removed,
 * a host muted you, the session was locked or unlocked, five minutes are left, the end moved.
 * Each comes from one client event, so it is said once. `announce` is called with the text.
 */
export function useSessionAnnouncements(announce: (text: string) => void, enabled = true): void {
  const client = useMeetingClient();
  const m = useMessages();
  // The end as last announced: `meeting-updated` also fires for a host arriving or a lock.
  const endsAt = useRef(client.getSnapshot().meeting?.endsAt);
  const hostPresent = useRef(client.getSnapshot().meeting?.hostPresent);
  const locked = useRef(client.getSnapshot().meeting?.locked);
  // The server may say it twice (`meeting-locked`, then a `meeting-updated` with the flag): once is enough.
  const lockChanged = (now: boolean) => {
    if (locked.current === now) return;
    const known = locked.current !== undefined;
    locked.current = now;
    if (known) say(now ? m.announceLocked : m.announceUnlocked);
  };
  const say = (text: string) => enabled && announce(text);

  useMeetingEvent('participant-waiting', ({ participant }) => say(formatMessage(m.announceWaiting, { name: participant.displayName || m.guest })));
  useMeetingEvent('admission-changed', ({ admission, previous }) => {
    if (admission === 'waiting') say(m.announceWaitingRoom);
    // Only after waiting: someone who goes straight in was not "let in".
    else if (admission === 'admitted' && previous === 'waiting') say(m.announceAdmitted);
    else if (admission === 'denied') say(m.deniedTitle);
    else if (admission === 'removed') say(m.removedTitle);
  });
  useMeetingEvent('mute-requested', ({ source, byName }) =>
    say(formatMessage(source === 'camera' ? m.hostTurnedOffCamera : m.hostMutedMicrophone, { name: byName || m.hostBadge })),
  );
  useMeetingEvent('meeting-locked', ({ locked: now }) => lockChanged(now));
  useMeetingEvent('meeting-ending-soon', () => client.getSnapshot().admission === 'admitted' && say(m.announceEndingSoon));
  useMeetingEvent('meeting-updated', ({ meeting }) => {
    const s = client.getSnapshot();
    if (s.admission === 'waiting' && meeting.hostPresent && hostPresent.current === false) say(m.announceHostArrived);
    hostPresent.current = meeting.hostPresent;
    lockChanged(meeting.locked);
    const previous = endsAt.current;
    endsAt.current = meeting.endsAt;
    if (meeting.endsAt !== undefined && previous !== undefined && meeting.endsAt !== previous && s.admission === 'admitted') {
      say(formatMessage(m.announceExtended, { time: formatClock(meeting.endsAt) }));
    }
  });
  // A (re)join brings the meeting without a `meeting-updated`: start from what it says.
  useMeetingEvent('admission-changed', () => {
    const meeting = client.getSnapshot().meeting;
    endsAt.current = meeting?.endsAt;
    hostPresent.current = meeting?.hostPresent;
    locked.current = meeting?.locked;
  });
}
