import type { ConnectionQuality, ConnectionState, MeetingError, MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from './use-meeting';
import { findParticipant } from '../utils/find-participant';

const selectConnection = (s: MeetingSnapshot) => s.connection;
const selectError = (s: MeetingSnapshot) => s.error;

/** `idle | connecting | connected | reconnecting | disconnected | failed`. */
export function useConnectionState(): ConnectionState {
  return useMeeting(selectConnection);
}

/**
 * Link quality of a participant, or of the local participant when no id is given.
 * `unknown` until the first stats sample (or when the participant is not there).
 */
export function useConnectionQuality(participantId?: string): ConnectionQuality {
  return useMeeting((s) => {
    const participant = participantId === undefined ? s.localParticipant : findParticipant(s, participantId);
    return participant?.quality ?? 'unknown';
  });
}

/** The most recent meeting error (cleared when the condition resolves), or `null`. */
export function useMeetingError(): MeetingError | null {
  return useMeeting(selectError);
}
