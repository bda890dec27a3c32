import type { MeetingSnapshot, Participant } from '@mentara/meetings-core';
import { useMeeting } from './use-meeting';
import { findParticipant } from '../utils/find-participant';
import { shallowEqual } from '../utils/shallow-equal';

const selectParticipants = (s: MeetingSnapshot) => s.participants;
const selectIds = (s: MeetingSnapshot) => s.participants.map((p) => p.id);
const selectLocal = (s: MeetingSnapshot) => s.localParticipant;

/**
 * Everyone in the meeting, local first, then remotes in join order. Re-renders when someone
 * joins, leaves or changes what a list shows (media, speaking, link state) — not with audio level
 * or statistics samples (`useAudioLevel`, `usePeerStats`).
 */
export function useParticipants(): readonly Participant[] {
  return useMeeting(selectParticipants);
}

/** Participant ids in display order; re-renders only when someone joins or leaves. */
export function useParticipantIds(): readonly string[] {
  return useMeeting(selectIds, shallowEqual);
}

/** One participant (local or remote) by id, or `null`; re-renders only when that participant changes. */
export function useParticipant(participantId: string): Participant | null {
  return useMeeting((s) => findParticipant(s, participantId));
}

/** The local participant once joined, else `null`. */
export function useLocalParticipant(): Participant | null {
  return useMeeting(selectLocal);
}
