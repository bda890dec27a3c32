import { randomUUID } from 'node:crypto';
import type { JoinMeetingResult } from '@mentara/meetings-core/protocol';
import { resolveAccess, type MeetingAccess } from '../auth/access';
import { ProtocolFailure } from '../errors';
import type { EventContext, EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { MeetingRecord, ParticipantRecord } from '../store/room-store';
import { participantLeft, toParticipantSummary } from './events';
import { buildJoinedPayload } from './joined-payload';
import { dropReplacedWaiter, knock } from './knock';
import { meetingSettings, toParticipantInfo } from './participant-info';
import { acceptRejoinTicket } from './rejoin-ticket';
import { hostsRoom, meetingRoom, participantRoom } from './rooms';
import type { SessionContext } from './session-context';
import { cleanDisplayName } from './text-policy';

const DEFAULT_MEDIA = { microphone: false, camera: false, screen: false };

/** What the `join-meeting` handler works with. */
export interface JoinContext extends SessionContext {
  /** Leaves the socket's current meeting (one meeting per socket). */
  leave(socket: MeetingsSocket, reason: 'left'): Promise<void>;
}

/** The meeting, created on first use with the schedule and chat policy the identity carries. */
async function openMeeting(ctx: JoinContext, meetingId: string, access: MeetingAccess, now: number): Promise<MeetingRecord> {
  const meeting = await ctx.store.ensureMeeting({
    meetingId,
    createdAt: now,
    ...(access.startsAt !== undefined ? { startsAt: access.startsAt } : {}),
    ...(access.endsAt !== undefined ? { endsAt: access.endsAt } : {}),
    ...(access.chatHistory !== undefined ? { chatHistory: access.chatHistory } : {}),
  });
  if (meeting.status !== 'ended' && meeting.endsAt !== undefined && meeting.endsAt <= now) {
    await ctx.lifecycle.end(meetingId, 'scheduled-end');
    throw new ProtocolFailure('meeting-ended');
  }
  if (meeting.status === 'ended') throw new ProtocolFailure('meeting-ended');
  // The server owns the clock: a participant more than the margin early may come back then.
  const opensAt = meeting.startsAt === undefined ? undefined : meeting.startsAt - ctx.options.earlyJoinMarginMs;
  if (access.role !== 'host' && opensAt !== undefined && now < opensAt) {
    throw new ProtocolFailure('meeting-not-started', { startsAt: meeting.startsAt, retryAfterMs: opensAt - now });
  }
  return meeting;
}

/**
 * `join-meeting`: access and session-window checks, then in one atomic store step the seat (one
 * per user: the same user's other session is replaced; hosts outside the cap) — or, when the
 * meeting has a waiting room for this person and they were not let in before (within the grace),
 * a knock. The answer is the ack; `meeting-joined` is sent only to a client that asked for no ack.
 * Rejoining yields a NEW participant id; the others see `participant-left` (reason `replaced`)
 * for the old one first, so they rebuild the peer. Only a rejoin whose ticket names a meeting the
 * store has lost (a restart) takes its old id back, straight in, so the peers keep their links.
 */
export async function handleJoin(
  ctx: JoinContext,
  socket: MeetingsSocket,
  payload: EventPayload<'join-meeting'>,
  event: EventContext,
): Promise<JoinMeetingResult> {
  const { store, options, rooms } = ctx;
  const { meetingId } = payload;
  const user = socket.data.user;
  const access = await resolveAccess(user, meetingId, options.authorize);
  if (!access) throw new ProtocolFailure('meeting-not-found');
  const now = ctx.clock();
  const meeting = await openMeeting(ctx, meetingId, access, now);

  // One meeting per socket: joining another (or the same again) leaves the current one first.
  await ctx.leave(socket, 'left');

  // A verified name (token, hook) wins; the client's choice only fills in when there is none.
  const displayName = cleanDisplayName(user.displayName) ?? cleanDisplayName(payload.displayName) ?? 'Guest';
  const isHost = access.role === 'host';
  const resumed = await acceptRejoinTicket(ctx, payload.rejoinTicket, meeting, user.userId, now);
  const record: ParticipantRecord = {
    id: resumed?.participantId ?? randomUUID(),
    userId: user.userId,
    displayName,
    role: access.role,
    media: payload.media ?? DEFAULT_MEDIA,
    ready: false,
    joinedAt: now,
    meetingId,
    nodeId: options.nodeId,
    socketId: socket.id,
  };
  const waits = !resumed && !isHost && access.waitingRoom !== false && meetingSettings(meeting, options).waitingRoom;
  const result = await store.addParticipant(record, {
    maxParticipants: options.limits.maxParticipants,
    admit: waits ? 'returning' : 'direct',
    graceMs: options.admittedGraceMs,
    now,
  });
  if (!result.ok && result.reason === 'not-admitted') return knock(ctx, socket, record, meeting, event);
  if (!result.ok) throw new ProtocolFailure(result.reason);

  const room = meetingRoom(meetingId);
  if (result.replaced) {
    const stale = result.replaced;
    rooms.toMeeting(meetingId).emit('participant-left', { participantId: stale.id, reason: 'replaced' });
    // The stale socket may live on another node: remove it from the rooms through the adapter.
    rooms.detach(meetingId, stale.id);
    if (stale.nodeId === options.nodeId) ctx.presence.remove(meetingId, stale.id);
    ctx.events.emit('participant-left', participantLeft(stale, 'replaced', now));
  }
  if (result.replacedWaiting) dropReplacedWaiter(ctx, result.replacedWaiting);

  socket.join([room, participantRoom(record.id), ...(isHost ? [hostsRoom(meetingId)] : [])]);
  socket.data.session = { meetingId, participantId: record.id, userId: user.userId, displayName, role: access.role };
  ctx.presence.add(meetingId, record.id);
  if (ctx.events.listens('participant-joined')) {
    ctx.events.emit('participant-joined', {
      meetingId,
      participant: toParticipantSummary(result.participant),
      ...(result.replaced ? { replacedParticipantId: result.replaced.id } : {}),
    });
  }
  socket.to(room).emit('participant-joined', { participant: toParticipantInfo(result.participant) });

  const joined = await buildJoinedPayload(ctx, meeting, result.participant, result.admittedAt);
  // The answer carries the payload once: as the ack, or as the event when no ack was asked for.
  if (!event.acknowledged) socket.emit('meeting-joined', joined);
  // People waiting for a host learn that one is here (and the others see it too).
  if (isHost) rooms.toEveryone(meetingId).except(participantRoom(record.id)).emit('meeting-updated', { meeting: joined.meeting, serverTime: joined.serverTime });
  // Queued behind this event, so the joiner gets its answer before `meeting-started`.
  event.defer(() => ctx.lifecycle.afterJoin(meeting, result.others.length + 1));
  return { admission: 'admitted', ...joined };
}
