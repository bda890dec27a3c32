import type { MeetingSnapshot, Participant } from '@mentara/meetings-core';
import { useMeeting } from './use-meeting';
import { findParticipant } from '../utils/find-participant';

const selectActiveSpeaker = (s: MeetingSnapshot) =>
  s.activeSpeakerId === null ? null : findParticipant(s, s.activeSpeakerId);

/** The participant currently speaking the most, or `null`. */
export function useActiveSpeaker(): Participant | null {
  return useMeeting(selectActiveSpeaker);
}
