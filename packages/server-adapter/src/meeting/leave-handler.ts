import { ProtocolFailure } from '../errors';
import type { EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { MeetingLifecycle } from './lifecycle';
import type { LocalPresence } from './presence';
import { requireHost } from './require-session';

/** What the `leave-meeting` handler works with. */
export interface LeaveHandlerContext {
  presence: LocalPresence;
  lifecycle: Pick<MeetingLifecycle, 'end'>;
  leave(socket: MeetingsSocket, reason: 'left'): Promise<void>;
}

/**
 * `leave-meeting`: leaves the current meeting (or its waiting room); with `endForAll`, a host
 * ends it for everyone (`meeting-ended` reason `ended-by-host`). Anyone else asking to end gets
 * `forbidden` and stays.
 */
export async function handleLeave(ctx: LeaveHandlerContext, socket: MeetingsSocket, payload: EventPayload<'leave-meeting'>): Promise<null> {
  const session = socket.data.session;
  if (!session || (payload.meetingId !== undefined && payload.meetingId !== session.meetingId)) {
    throw new ProtocolFailure('not-in-meeting');
  }
  if (payload.endForAll) {
    requireHost(socket);
    socket.data.session = undefined;
    ctx.presence.remove(session.meetingId, session.participantId);
    await ctx.lifecycle.end(session.meetingId, 'ended-by-host');
    return null;
  }
  await ctx.leave(socket, 'left');
  return null;
}
