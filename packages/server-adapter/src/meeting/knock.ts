import type { JoinMeetingResult } from '@mentara/meetings-core/protocol';
import { ProtocolFailure } from '../errors';
import { publicLimits } from '../options';
import type { EventContext } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { MeetingRecord, ParticipantRecord, WaitingRecord } from '../store/room-store';
import { toWaitingSummary } from './events';
import { hasHost, toMeetingInfo, toWaitingParticipant } from './participant-info';
import { participantRoom, waitingRoom } from './rooms';
import type { SessionContext } from './session-context';

/**
 * The same user's other socket was waiting and a newer one took its place: it is out (told, and
 * taken out of its rooms on whichever node), and hosts drop its entry.
 */
export function dropReplacedWaiter(ctx: Pick<SessionContext, 'rooms' | 'presence' | 'options'>, replaced: WaitingRecord): void {
  const { meetingId, id } = replaced;
  ctx.rooms.toHosts(meetingId).emit('participant-left', { participantId: id, reason: 'replaced' });
  ctx.rooms.toParticipant(id).emit('participant-left', { participantId: id, reason: 'replaced' });
  ctx.rooms.detach(meetingId, id);
  if (replaced.nodeId === ctx.options.nodeId) ctx.presence.remove(meetingId, id);
}

/**
 * Puts a joining participant in the meeting's waiting room: one entry per user (a reload or a
 * second tab replaces the entry and keeps its place), refused while locked, after a removal,
 * or for a while after a denial. The socket joins only its own room and the waiting room, so it
 * receives nothing of the meeting — no roster, chat, media state or signals — until a host lets
 * it in. Hosts get `participant-waiting`.
 */
export async function knock(
  ctx: SessionContext,
  socket: MeetingsSocket,
  record: ParticipantRecord,
  meeting: MeetingRecord,
  event: EventContext,
): Promise<JoinMeetingResult> {
  const { store, rooms, options } = ctx;
  const { meetingId } = record;
  const now = record.joinedAt;
  const result = await store.knock(record, {
    now,
    graceMs: options.admittedGraceMs,
    denialCooldownMs: options.denialCooldownMs,
    maxDenials: options.maxDenials,
  });
  if (!result.ok) {
    const later = result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs, recoverable: true } : {};
    throw new ProtocolFailure(result.reason, later);
  }
  const { entry, replaced } = result;
  if (replaced) dropReplacedWaiter(ctx, replaced);

  socket.join([participantRoom(entry.id), waitingRoom(meetingId)]);
  socket.data.session = { meetingId, participantId: entry.id, userId: entry.userId, displayName: entry.displayName, role: entry.role };
  ctx.presence.add(meetingId, entry.id);
  const self = toWaitingParticipant(entry);
  rooms.toHosts(meetingId).emit('participant-waiting', { participant: self });
  ctx.events.emit('participant-waiting', {
    meetingId,
    participant: toWaitingSummary(entry),
    ...(replaced ? { replacedParticipantId: replaced.id } : {}),
  });

  const [fresh, present] = await Promise.all([store.getMeeting(meetingId), store.listParticipants(meetingId)]);
  const current = fresh ?? meeting;
  event.defer(async () => ctx.lifecycle.afterKnock(current));
  return {
    admission: 'waiting',
    meeting: toMeetingInfo(current, hasHost(present), options),
    self,
    limits: publicLimits(options.limits),
    serverTime: ctx.clock(),
  };
}
