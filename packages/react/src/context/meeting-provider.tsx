import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  createMeetingClient,
  type MeetingClient,
  type MeetingClientOptions,
} from '@mentara/meetings-core';
import { MeetingClientContext } from './meeting-context';
import { joinCoordinatorFor } from './join-coordinator';
import { MessagesContext } from '../messages/messages-context';
import { mergeMessages, type MeetingMessagesInput } from '../messages/messages';

/** Props of `<MeetingProvider>`: pass a `client`, or `options` to have one created (and destroyed) for you. */
export interface MeetingProviderProps {
  /** A client you created and own (the provider never destroys it). */
  client?: MeetingClient;
  /** Options for a client the provider creates on first render and destroys on unmount. Read once. */
  options?: MeetingClientOptions;
  /**
   * Be in the meeting while mounted: joins on mount, leaves on unmount (serialised and ref-counted,
   * so StrictMode never double-joins). Set `false` for a lobby, then `true` to join. @default true
   */
  join?: boolean;
  /** Meeting to join; defaults to the client's `meetingId` option. */
  meetingId?: string;
  /** Name to join with (e.g. typed on a pre-join screen); wins over the client's `displayName` option. */
  displayName?: string;
  /** Replacements for user-visible strings; English defaults for the rest. */
  messages?: MeetingMessagesInput;
  children?: ReactNode;
}

/**
 * Makes a `MeetingClient` available to every hook and component below it.
 *
 * @example
 * <MeetingProvider options={{ serverUrl, meetingId, token }}>
 *   <ParticipantGrid />
 *   <ControlBar />
 * </MeetingProvider>
 */
export function MeetingProvider({ client: given, options, join = true, meetingId, displayName, messages, children }: MeetingProviderProps) {
  const owned = useOwnedClient(given ? undefined : options);
  const client = given ?? owned;
  if (!client) {
    throw new TypeError('<MeetingProvider> needs either a `client` or `options`.');
  }

  useEffect(() => {
    if (!join) {
      // The lobby: connect and authenticate now, so pressing Join only sends the join request.
      client.prepare().catch(() => undefined);
      return;
    }
    return joinCoordinatorFor(client).acquire(meetingId, displayName ? { displayName } : undefined);
  }, [client, join, meetingId, displayName]);

  const merged = useMemo(() => mergeMessages(messages), [messages]);
  return (
    <MeetingClientContext.Provider value={client}>
      <MessagesContext.Provider value={merged}>{children}</MessagesContext.Provider>
    </MeetingClientContext.Provider>
  );
}

/**
 * A client created from `options` on first render and destroyed after the provider unmounts.
 * Destruction is deferred by a macrotask so StrictMode's simulated unmount/remount keeps it.
 */
function useOwnedClient(options: MeetingClientOptions | undefined): MeetingClient | null {
  const [client] = useState(() => (options ? createMeetingClient(options) : null));
  useEffect(() => {
    if (!client) return;
    const holder = joinCoordinatorFor(client);
    mounts.set(client, (mounts.get(client) ?? 0) + 1);
    return () => {
      mounts.set(client, (mounts.get(client) ?? 1) - 1);
      setTimeout(() => {
        if ((mounts.get(client) ?? 0) > 0) return;
        void holder.settled().then(() => client.destroy());
      }, 0);
    };
  }, [client]);
  return client;
}

const mounts = new WeakMap<MeetingClient, number>();
