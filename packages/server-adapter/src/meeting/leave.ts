import type { ParticipantLeftReason } from '@mentara/meetings-core/protocol';
import type { ResolvedOptions } from '../options';
import type { MeetingsSocket } from '../socket/types';
import type { RoomStore } from '../store/room-store';
import { participantLeft, toWaitingSummary, type MeetingEvents } from './events';
import { announceMeeting } from './joined-payload';
import type { MeetingLifecycle } from './lifecycle';
import type { LocalPresence } from './presence';
import type { RoomEmitter } from './room-emitter';
import { hostsRoom, meetingRoom, participantRoom, waitingRoom } from './rooms';

/** What leaving a meeting works with. */
export interface LeaveContext {
  store: RoomStore;
  rooms: RoomEmitter;
  presence: LocalPresence;
  events: MeetingEvents;
  lifecycle: Pick<MeetingLifecycle, 'afterLeave'>;
  clock: () => number;
  options: Pick<ResolvedOptions, 'limits' | 'waitingRoom' | 'chatHistory'>;
}

/**
 * Takes the socket out of its meeting: removes the record (their user keeps the grace period to
 * come straight back), leaves the rooms, tells the others `participant-left` — or, for someone
 * in the waiting room, drops their entry and tells the hosts only. When the last host goes,
 * everyone (waiting room included) gets `meeting-updated`. Idempotent — a session already removed
 * elsewhere (ended meeting, replaced, denied, removed) is just forgotten locally.
 */
export async function leaveCurrentMeeting(ctx: LeaveContext, socket: MeetingsSocket, reason: ParticipantLeftReason): Promise<void> {
  const session = socket.data.session;
  if (!session) return;
  socket.data.session = undefined;
  const { meetingId, participantId } = session;
  for (const room of [meetingRoom(meetingId), participantRoom(participantId), hostsRoom(meetingId), waitingRoom(meetingId)]) socket.leave(room);
  ctx.presence.remove(meetingId, participantId);
  const now = ctx.clock();
  const removed = await ctx.store.removeParticipant(meetingId, participantId, now);
  if (removed) {
    ctx.rooms.toMeeting(meetingId).emit('participant-left', { participantId, reason });
    ctx.events.emit('participant-left', participantLeft(removed, reason, now));
    if (removed.role === 'host') await announceMeeting(ctx, meetingId);
  } else {
    const waited = await ctx.store.leaveWaiting(meetingId, participantId, now);
    if (waited) {
      ctx.rooms.toHosts(meetingId).emit('participant-left', { participantId, reason });
      ctx.events.emit('waiting-left', { meetingId, participant: toWaitingSummary(waited), reason, leftAt: now, waitedMs: Math.max(0, now - waited.since) });
    }
  }
  await ctx.lifecycle.afterLeave(meetingId);
}
