import type { MeetingHostControls, MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from './use-meeting';

const selectIsHost = (s: MeetingSnapshot) => s.role === 'host' && s.admission === 'admitted';

/**
 * What a host can do (`client.host`: admit, admitAll, deny, remove, requestMute, setLocked,
 * extend, endForAll) — or `null` when this person is not a host in the session, so host-only UI
 * renders nothing for everyone else. The server enforces the role regardless.
 *
 * @example
 * const host = useHostControls()
 * return host ? <button onClick={() => void host.extend(15)}>+15 min</button> : null
 */
export function useHostControls(): MeetingHostControls | null {
  const client = useMeetingClient();
  const isHost = useMeeting(selectIsHost);
  return isHost ? client.host : null;
}
