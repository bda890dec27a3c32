import { useEffect, useState } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from './use-meeting';

const selectFromOthers = (s: MeetingSnapshot) => {
  const self = s.localParticipant?.id;
  let count = 0;
  for (const message of s.chat) if (message.from !== self) count += 1;
  return count;
};

/**
 * How many chat messages from others arrived since the chat was last open (`open`: whether
 * the person can see the chat now). Messages already there on joining count until first seen.
 *
 * @example
 * const unread = useUnreadChat(chatOpen)
 */
export function useUnreadChat(open: boolean): number {
  const fromOthers = useMeeting(selectFromOthers);
  const [seen, setSeen] = useState(0);
  useEffect(() => {
    // Open: everything is read. A new session (fewer messages than seen): start over.
    if (open || fromOthers < seen) setSeen(fromOthers);
  }, [open, fromOthers, seen]);
  return open ? 0 : Math.max(0, fromOthers - seen);
}
