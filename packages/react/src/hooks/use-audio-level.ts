import { useMeeting } from './use-meeting';

/**
 * A remote participant's audio level, 0–1 (smoothed; 0 while silent or unknown). Only the calling
 * component re-renders as the level moves — about twice a second while they speak — never the
 * participant lists. Your own microphone: `useStreamAudioLevel(localStream)`.
 *
 * @example
 * const level = useAudioLevel(participantId)
 * return <meter min={0} max={1} value={level} />
 */
export function useAudioLevel(participantId: string): number {
  return useMeeting((s) => s.audioLevels[participantId] ?? 0);
}
