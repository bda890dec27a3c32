import { randomUUID } from 'node:crypto';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { resolveAccess } from '../auth/access';
import { ProtocolFailure } from '../errors';
import { publicLimits, type ResolvedOptions } from '../options';
import type { EventContext, EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { ParticipantRecord, RoomStore } from '../store/room-store';
import { participantLeft, toParticipantSummary, type MeetingEvents } from './events';
import type { MeetingLifecycle } from './lifecycle';
import { toMeetingInfo, toParticipantInfo } from './participant-info';
import type { LocalPresence } from './presence';
import type { RoomEmitter } from './room-emitter';
import { meetingRoom, participantRoom } from './rooms';

const DEFAULT_MEDIA = { microphone: false, camera: false, screen: false };

/** What the `join-meeting` handler works with. */
export interface JoinContext {
  store: RoomStore;
  rooms: RoomEmitter;
  presence: LocalPresence;
  events: MeetingEvents;
  lifecycle: Pick<MeetingLifecycle, 'afterJoin' | 'end'>;
  /** Leaves the socket's current meeting (one meeting per socket). */
  leave(socket: MeetingsSocket, reason: 'left'): Promise<void>;
  clock: () => number;
  options: Pick<ResolvedOptions, 'authorize' | 'nodeId' | 'limits'>;
}

/**
 * `join-meeting`: access check, atomic add-with-cap (replacing the same user's stale session
 * when `previousParticipantId` names it), then `meeting-joined` to the joiner and
 * `participant-joined` to the others. Rejoining always yields a NEW participant id; the others
 * see `participant-left` (reason `replaced`) for the old one first, so they rebuild the peer.
 */
export async function handleJoin(
  ctx: JoinContext,
  socket: MeetingsSocket,
  payload: EventPayload<'join-meeting'>,
  event: EventContext,
): Promise<MeetingJoinedPayload> {
  const { store, options, rooms } = ctx;
  const { meetingId } = payload;
  const user = socket.data.user;
  const access = await resolveAccess(user, meetingId, options.authorize);
  if (!access) throw new ProtocolFailure('meeting-not-found');

  const now = ctx.clock();
  let meeting = await store.ensureMeeting({ meetingId, createdAt: now, ...(access.endsAt ? { endsAt: access.endsAt } : {}) });
  if (meeting.status !== 'ended' && meeting.endsAt === undefined && access.endsAt !== undefined) {
    meeting = (await store.setMeetingEndsAt(meetingId, access.endsAt)) ?? meeting;
  }
  if (meeting.status !== 'ended' && meeting.endsAt !== undefined && meeting.endsAt <= now) {
    await ctx.lifecycle.end(meetingId, 'scheduled-end');
    throw new ProtocolFailure('meeting-ended');
  }
  if (meeting.status === 'ended') throw new ProtocolFailure('meeting-ended');

  // One meeting per socket: joining another (or the same again) leaves the current one first.
  await ctx.leave(socket, 'left');

  // A verified name (token, hook) wins; the client's choice only fills in when there is none.
  const displayName = user.displayName ?? payload.displayName ?? 'Guest';
  const record: ParticipantRecord = {
    id: randomUUID(),
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
  const result = await store.addParticipant(record, {
    maxParticipants: options.limits.maxParticipants,
    ...(payload.previousParticipantId ? { replaceParticipantId: payload.previousParticipantId } : {}),
  });
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

  socket.join([room, participantRoom(record.id)]);
  socket.data.session = { meetingId, participantId: record.id, displayName };
  ctx.presence.add(meetingId, record.id);
  ctx.events.emit('participant-joined', {
    meetingId,
    participant: toParticipantSummary(result.participant),
    ...(result.replaced ? { replacedParticipantId: result.replaced.id } : {}),
  });

  const self = toParticipantInfo(result.participant);
  socket.to(room).emit('participant-joined', { participant: self });
  // The roster and chat are read only now, after the socket is in the room: whatever changes from
  // here on also reaches the joiner as an event, so nothing falls between the snapshot and the
  // events (the client applies events that overtake this answer after it).
  const [present, chat] = await Promise.all([store.listParticipants(meetingId), store.listChat(meetingId)]);
  const joined: MeetingJoinedPayload = {
    meeting: toMeetingInfo(meeting),
    self,
    participants: present.filter((p) => p.id !== record.id).map(toParticipantInfo),
    chat,
    limits: publicLimits(options.limits),
  };
  socket.emit('meeting-joined', joined);
  // Queued behind this event, so the joiner gets `meeting-joined` and its ack before `meeting-started`.
  event.defer(() => ctx.lifecycle.afterJoin(meeting, result.others.length + 1));
  return joined;
}
