import { ProtocolFailure } from '../errors';
import type { EventContext, EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { AdmitTarget } from '../store/room-store';
import { toParticipantSummary, toWaitingSummary } from './events';
import { buildJoinedPayload } from './joined-payload';
import { toParticipantInfo } from './participant-info';
import { requireHost } from './require-session';
import type { SessionContext } from './session-context';

/**
 * `admit-participant` (hosts): lets one waiting person in, or everyone (`all`), longest waiting
 * first and as many as there are seats; `meeting-full` when nobody could be let in. Each one's
 * socket joins the meeting room through the adapter (wherever it lives) and gets the full
 * `meeting-joined`; the others get `participant-joined`, the hosts `participant-admitted`.
 */
export async function handleAdmit(
  ctx: SessionContext,
  socket: MeetingsSocket,
  payload: EventPayload<'admit-participant'>,
  event: EventContext,
): Promise<{ admitted: string[] }> {
  const host = requireHost(socket);
  const { store, rooms, options } = ctx;
  const { meetingId } = host;
  const target: AdmitTarget = 'all' in payload ? { all: true } : { participantId: payload.participantId };
  const result = await store.admitWaiting(meetingId, target, { maxParticipants: options.limits.maxParticipants, now: ctx.clock() });
  if (result.admitted.length === 0) {
    if (result.full) throw new ProtocolFailure('meeting-full');
    if ('participantId' in target) throw new ProtocolFailure('participant-not-found');
    return { admitted: [] };
  }
  const meeting = await store.getMeeting(meetingId);
  if (!meeting) throw new ProtocolFailure('meeting-ended');
  for (const { participant, admittedAt } of result.admitted) {
    rooms.admit(meetingId, participant.id);
    // Read after the socket is in the meeting room: later changes reach it as events.
    const joined = await buildJoinedPayload(ctx, meeting, participant, admittedAt);
    rooms.toParticipant(participant.id).emit('meeting-joined', joined);
    rooms.toMeetingExcept(meetingId, participant.id).emit('participant-joined', { participant: toParticipantInfo(participant) });
    rooms.toHosts(meetingId).emit('participant-admitted', { participantId: participant.id, by: host.participantId });
    const summary = toParticipantSummary(participant);
    ctx.events.emit('participant-admitted', { meetingId, participant: summary, by: host.participantId });
    ctx.events.emit('participant-joined', { meetingId, participant: summary });
  }
  event.defer(async () => ctx.lifecycle.afterJoin(meeting, (await store.listParticipants(meetingId)).length));
  return { admitted: result.admitted.map(({ participant }) => participant.id) };
}

/**
 * `deny-participant` (hosts): the waiting person gets `participant-denied` and is out (rooms
 * left); hosts get it too. The denial counts towards the user's cool-down and `maxDenials`.
 */
export async function handleDeny(ctx: SessionContext, socket: MeetingsSocket, payload: EventPayload<'deny-participant'>): Promise<null> {
  const host = requireHost(socket);
  const { meetingId } = host;
  const deniedAt = ctx.clock();
  const entry = await ctx.store.denyWaiting(meetingId, payload.participantId, deniedAt);
  if (!entry) throw new ProtocolFailure('participant-not-found');
  ctx.rooms.toParticipant(entry.id).emit('participant-denied', { participantId: entry.id });
  ctx.rooms.toHosts(meetingId).emit('participant-denied', { participantId: entry.id });
  ctx.rooms.detach(meetingId, entry.id);
  ctx.events.emit('participant-denied', { meetingId, participant: toWaitingSummary(entry), by: host.participantId, deniedAt });
  return null;
}
