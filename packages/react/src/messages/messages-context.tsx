import { createContext, useContext } from 'react';
import { defaultMessages, type MeetingMessages } from './messages';

/** Holds the merged messages; English defaults when no provider sets them. */
export const MessagesContext = createContext<MeetingMessages>(defaultMessages);

/** The user-visible strings in effect (merged `messages` prop over English defaults). */
export function useMessages(): MeetingMessages {
  return useContext(MessagesContext);
}
