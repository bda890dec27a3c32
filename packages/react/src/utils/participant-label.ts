import type { MeetingSnapshot } from '@mentara/meetings-core';
import { findParticipant } from './find-participant';

const key = (name: string) => name.normalize('NFC').toLocaleLowerCase();

/**
 * The name to show for a participant, telling people with the same name apart: the first
 * remote "Client" to join is "Client", the next "Client (2)". Your own name is never numbered
 * (it is shown with "(You)"). `null` for someone not in the meeting. Internal: not exported by the package.
 */
export function participantLabel(s: MeetingSnapshot, participantId: string, guest: string): string | null {
  const participant = findParticipant(s, participantId);
  if (!participant) return null;
  const name = participant.displayName.trim() || guest;
  if (participant.isLocal) return name;
  let earlier = 0;
  for (const other of s.remoteParticipants) {
    if (other.id === participantId) break;
    if (key(other.displayName.trim() || guest) === key(name)) earlier += 1;
  }
  return earlier === 0 ? name : `${name} (${earlier + 1})`;
}
