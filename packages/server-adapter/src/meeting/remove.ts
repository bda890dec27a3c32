import type { ParticipantRecord } from '../store/room-store';
import { participantLeft, toParticipantSummary } from './events';
import type { SessionContext } from './session-context';

/** Who removes someone when it is not a host in the meeting: the server's own API (REST, `meetings.removeParticipant`). */
export const SERVER_ACTOR = 'server';

/**
 * Takes a participant out of a meeting for good, on whichever node their socket lives: they get
 * `participant-removed`, the others `participant-left` (reason `removed`), their socket leaves
 * the rooms, and their user cannot join or knock again until the meeting ends. One path for the
 * host control (`remove-participant`) and the server API. Returns the removed record, or
 * `undefined` when they were not in the meeting.
 */
export async function removeFromMeeting(
  ctx: Pick<SessionContext, 'store' | 'rooms' | 'presence' | 'events' | 'clock'> & { options: { nodeId: string } },
  meetingId: string,
  participantId: string,
  by: string,
): Promise<ParticipantRecord | undefined> {
  const { store, rooms } = ctx;
  const removed = await store.banParticipant(meetingId, participantId);
  if (!removed) return undefined;
  rooms.toParticipant(removed.id).emit('participant-removed', { participantId: removed.id, by });
  rooms.toMeetingExcept(meetingId, removed.id).emit('participant-left', { participantId: removed.id, reason: 'removed' });
  rooms.detach(meetingId, removed.id);
  if (removed.nodeId === ctx.options.nodeId) ctx.presence.remove(meetingId, removed.id);
  const removedAt = ctx.clock();
  ctx.events.emit('participant-removed', { meetingId, participant: toParticipantSummary(removed), by, removedAt });
  ctx.events.emit('participant-left', participantLeft(removed, 'removed', removedAt));
  return removed;
}
