import type { PeerStats } from '@mentara/meetings-core';
import { useMeeting } from './use-meeting';

/**
 * The latest `getStats` figures of the link to a remote participant (round-trip time, loss,
 * bitrates, resolution, frame rate, candidate types), or `null` before the first sample. Only
 * the calling component re-renders on each sample; `useConnectionQuality` gives the summary.
 *
 * @example
 * const stats = usePeerStats(participantId)
 * return <span>{stats?.rttMs ?? '–'} ms</span>
 */
export function usePeerStats(participantId: string): PeerStats | null {
  return useMeeting((s) => s.peerStats[participantId] ?? null);
}
