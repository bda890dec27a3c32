import type { ParticipantLeftReason } from '@mentara/meetings-core/protocol';
import type { MeetingsSocket } from '../socket/types';
import type { RoomStore } from '../store/room-store';
import { participantLeft, type MeetingEvents } from './events';
import type { MeetingLifecycle } from './lifecycle';
import type { LocalPresence } from './presence';
import type { RoomEmitter } from './room-emitter';
import { meetingRoom, participantRoom } from './rooms';

/** What leaving a meeting works with. */
export interface LeaveContext {
  store: RoomStore;
  rooms: RoomEmitter;
  presence: LocalPresence;
  events: MeetingEvents;
  lifecycle: Pick<MeetingLifecycle, 'afterLeave'>;
  clock: () => number;
}

/**
 * Takes the socket's participant out of its meeting: removes the record, leaves the rooms,
 * tells the others `participant-left`. Idempotent — a session already removed elsewhere (ended
 * meeting, replaced by a rejoin) is just forgotten locally.
 */
export async function leaveCurrentMeeting(
  ctx: LeaveContext,
  socket: MeetingsSocket,
  reason: ParticipantLeftReason,
): Promise<void> {
  const session = socket.data.session;
  if (!session) return;
  socket.data.session = undefined;
  const { meetingId, participantId } = session;
  socket.leave(meetingRoom(meetingId));
  socket.leave(participantRoom(participantId));
  ctx.presence.remove(meetingId, participantId);
  const removed = await ctx.store.removeParticipant(meetingId, participantId);
  if (removed) {
    ctx.rooms.toMeeting(meetingId).emit('participant-left', { participantId, reason });
    ctx.events.emit('participant-left', participantLeft(removed, reason, ctx.clock()));
  }
  await ctx.lifecycle.afterLeave(meetingId);
}
