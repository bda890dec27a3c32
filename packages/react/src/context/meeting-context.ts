import { createContext, useContext } from 'react';
import { MeetingError, type MeetingClient } from '@mentara/meetings-core';

/** The client of the nearest `<MeetingProvider>`. */
export const MeetingClientContext = createContext<MeetingClient | null>(null);

/**
 * The `MeetingClient` of the nearest `<MeetingProvider>`.
 *
 * @throws MeetingError `invalid-state` when called outside a provider.
 */
export function useMeetingClient(): MeetingClient {
  const client = useContext(MeetingClientContext);
  if (!client) {
    throw new MeetingError('invalid-state', 'Meeting hooks and components must be used inside <MeetingProvider>.');
  }
  return client;
}
