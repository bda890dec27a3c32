import { useCallback, useMemo } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from './use-meeting';

const selectBlocked = (s: MeetingSnapshot) => s.audioPlaybackBlocked;

/** Whether the browser blocked audio autoplay, and `startAudio` to resume it from a click. */
export function useAudioPlayback(): { blocked: boolean; startAudio: () => Promise<void> } {
  const client = useMeetingClient();
  const blocked = useMeeting(selectBlocked);
  const startAudio = useCallback(() => client.startAudio(), [client]);
  return useMemo(() => ({ blocked, startAudio }), [blocked, startAudio]);
}
