import { ProtocolFailure } from '../errors';
import type { EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { RoomStore } from '../store/room-store';
import type { MeetingLifecycle } from './lifecycle';
import type { LocalPresence } from './presence';

/** What the `leave-meeting` handler works with. */
export interface LeaveHandlerContext {
  store: RoomStore;
  presence: LocalPresence;
  lifecycle: Pick<MeetingLifecycle, 'end'>;
  leave(socket: MeetingsSocket, reason: 'left'): Promise<void>;
}

/**
 * `leave-meeting`: leaves the current meeting; with `endForAll`, a host ends it for everyone
 * (`meeting-ended` reason `ended-by-host`). A non-host asking to end gets `forbidden` and stays.
 */
export async function handleLeave(
  ctx: LeaveHandlerContext,
  socket: MeetingsSocket,
  payload: EventPayload<'leave-meeting'>,
): Promise<null> {
  const session = socket.data.session;
  if (!session || (payload.meetingId !== undefined && payload.meetingId !== session.meetingId)) {
    throw new ProtocolFailure('not-in-meeting');
  }
  if (payload.endForAll) {
    const me = await ctx.store.getParticipant(session.meetingId, session.participantId);
    if (!me) throw new ProtocolFailure('not-in-meeting');
    if (me.role !== 'host') throw new ProtocolFailure('forbidden');
    socket.data.session = undefined;
    ctx.presence.remove(session.meetingId, session.participantId);
    await ctx.lifecycle.end(session.meetingId, 'ended-by-host');
    return null;
  }
  await ctx.leave(socket, 'left');
  return null;
}
