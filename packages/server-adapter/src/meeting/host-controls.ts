import type { MeetingInfo } from '@mentara/meetings-core/protocol';
import { ProtocolFailure } from '../errors';
import type { EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import { toMeetingInfo } from './participant-info';
import { removeFromMeeting } from './remove';
import { requireHost } from './require-session';
import type { SessionContext } from './session-context';

/**
 * `remove-participant` (hosts): the person gets `participant-removed`, is taken out of the rooms
 * (on whichever node), the others get `participant-left` (reason `removed`), and their user
 * cannot join or knock again until the meeting ends. A host cannot remove a host (or themself).
 */
export async function handleRemove(ctx: SessionContext, socket: MeetingsSocket, payload: EventPayload<'remove-participant'>): Promise<null> {
  const host = requireHost(socket);
  const target = await ctx.store.getParticipant(host.meetingId, payload.participantId);
  if (!target) throw new ProtocolFailure('participant-not-found');
  if (target.role === 'host') throw new ProtocolFailure('forbidden');
  const removed = await removeFromMeeting(ctx, host.meetingId, target.id, host.participantId);
  if (!removed) throw new ProtocolFailure('participant-not-found');
  return null;
}

/**
 * `request-mute` (hosts): `mute-requested` to that person only. Cooperative in a peer-to-peer
 * mesh: their client turns the source off and says who asked; turning it back on is their choice.
 */
export async function handleRequestMute(ctx: SessionContext, socket: MeetingsSocket, payload: EventPayload<'request-mute'>): Promise<null> {
  const host = requireHost(socket);
  const target = await ctx.store.getParticipant(host.meetingId, payload.participantId);
  if (!target) throw new ProtocolFailure('participant-not-found');
  ctx.rooms.toParticipant(target.id).emit('mute-requested', { source: payload.source, by: host.participantId, byName: host.displayName });
  return null;
}

/**
 * `lock-meeting` (hosts): `meeting-locked` to everyone in the meeting and its waiting room. While
 * locked nobody new may join or knock; hosts still can, and people already waiting may be let in.
 */
export async function handleLock(ctx: SessionContext, socket: MeetingsSocket, payload: EventPayload<'lock-meeting'>): Promise<MeetingInfo> {
  const host = requireHost(socket);
  const { meetingId } = host;
  const record = await ctx.store.setMeetingLocked(meetingId, payload.locked);
  if (!record) throw new ProtocolFailure('meeting-ended');
  ctx.rooms.toEveryone(meetingId).emit('meeting-locked', { locked: record.locked, by: host.participantId });
  ctx.events.emit('meeting-locked', { meetingId, locked: record.locked, by: host.participantId });
  // The caller is a host in the meeting.
  return toMeetingInfo(record, true, ctx.options);
}

/**
 * `extend-meeting` (hosts): the new end is the old end (or now) plus `minutes`. Every node's
 * scheduled-end timer re-reads the end when it fires; this node re-arms at once.
 * `meeting-updated` (with the server's clock) to everyone in the meeting and its waiting room.
 */
export async function handleExtend(ctx: SessionContext, socket: MeetingsSocket, payload: EventPayload<'extend-meeting'>): Promise<MeetingInfo> {
  const host = requireHost(socket);
  const { meetingId } = host;
  const record = await ctx.store.extendMeeting(meetingId, payload.minutes * 60_000, ctx.clock());
  if (!record?.endsAt) throw new ProtocolFailure('meeting-ended');
  ctx.lifecycle.armScheduledEnd(meetingId, record.endsAt);
  const meeting = toMeetingInfo(record, true, ctx.options);
  ctx.rooms.toEveryone(meetingId).emit('meeting-updated', { meeting, serverTime: ctx.clock() });
  ctx.events.emit('meeting-extended', { meetingId, endsAt: record.endsAt, by: host.participantId });
  return meeting;
}
