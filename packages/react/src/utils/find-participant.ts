import type { MeetingSnapshot, Participant } from '@mentara/meetings-core';

/** Looks a participant (local or remote) up by id in a snapshot. Internal: not exported by the package. */
export function findParticipant(s: MeetingSnapshot, participantId: string): Participant | null {
  if (s.localParticipant?.id === participantId) return s.localParticipant;
  return s.remotes[participantId] ?? null;
}
