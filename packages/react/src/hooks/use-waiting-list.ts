import type { MeetingSnapshot, WaitingParticipant } from '@mentara/meetings-core';
import { useMeeting } from './use-meeting';

const selectWaiting = (s: MeetingSnapshot) => s.waiting;

/**
 * Hosts: who is in the waiting room, longest waiting first (always empty for everyone else).
 * Let them in or refuse them with `useHostControls()`.
 *
 * @example
 * const waiting = useWaitingList()
 * return <p>{waiting.length} waiting</p>
 */
export function useWaitingList(): readonly WaitingParticipant[] {
  return useMeeting(selectWaiting);
}
