import type { ParticipantLeftReason } from '@mentara/meetings-core/protocol';
import type { MeetingsSocket } from '../socket/types';
import type { ServerContext } from './context';
import { meetingRoom, participantRoom } from './rooms';

/**
 * Takes the socket's participant out of its meeting: removes the record, leaves the rooms,
 * tells the others `participant-left`. Idempotent — a session already removed elsewhere (ended
 * meeting, replaced by a rejoin) is just forgotten locally.
 */
export async function leaveCurrentMeeting(
  ctx: ServerContext,
  socket: MeetingsSocket,
  reason: ParticipantLeftReason,
): Promise<void> {
  const session = socket.data.session;
  if (!session) return;
  socket.data.session = undefined;
  const { meetingId, participantId } = session;
  const room = meetingRoom(meetingId);
  socket.leave(room);
  socket.leave(participantRoom(participantId));
  ctx.presence.remove(meetingId, participantId);
  const removed = await ctx.store.removeParticipant(meetingId, participantId);
  if (removed) {
    ctx.nsp.to(room).emit('participant-left', { participantId, reason });
    ctx.metrics.left(reason);
    ctx.logger.info({ meetingId, participantId, reason }, 'participant left');
  }
  await ctx.lifecycle.afterLeave(meetingId);
}
