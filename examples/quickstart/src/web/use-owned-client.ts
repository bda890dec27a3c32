import { useEffect, useState } from 'react';
import { createMeetingClient, type MeetingClient, type MeetingClientOptions } from '@mentara/meetings';

const pendingDestroy = new WeakMap<MeetingClient, number>();

/**
 * A meeting client created once from `options` and destroyed after the component unmounts.
 * Destruction waits a macrotask so React StrictMode's simulated unmount/remount keeps it.
 */
export function useOwnedMeetingClient(options: MeetingClientOptions): MeetingClient {
  const [client] = useState(() => createMeetingClient(options));
  useEffect(() => {
    window.clearTimeout(pendingDestroy.get(client));
    pendingDestroy.delete(client);
    return () => {
      pendingDestroy.set(
        client,
        window.setTimeout(() => {
          pendingDestroy.delete(client);
          client.destroy();
        }, 0),
      );
    };
  }, [client]);
  return client;
}
