import type { MediaState } from '@mentara/meetings-core/protocol';
import { ProtocolFailure } from '../errors';
import type { EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { RoomStore } from '../store/room-store';
import { requireAdmitted } from './require-session';
import { meetingRoom } from './rooms';

/** What the media and readiness handlers work with. */
export interface MediaContext {
  store: RoomStore;
}

/** `toggle-media` (admitted only, else `not-admitted`): stores the new state, tells the others `participant-media-changed`, acks the full state. */
export async function handleToggleMedia(
  ctx: MediaContext,
  socket: MeetingsSocket,
  payload: EventPayload<'toggle-media'>,
): Promise<MediaState> {
  const { meetingId, participantId } = requireAdmitted(socket);
  const current = await ctx.store.getParticipant(meetingId, participantId);
  if (!current) throw new ProtocolFailure('not-in-meeting');
  const media = { ...current.media, [payload.source]: payload.enabled };
  const updated = await ctx.store.updateParticipant(meetingId, participantId, { media });
  if (!updated) throw new ProtocolFailure('not-in-meeting');
  socket.to(meetingRoom(meetingId)).emit('participant-media-changed', { participantId, media: updated.media });
  return updated.media;
}

/** `participant-ready` (admitted only): stores readiness and tells the others. */
export async function handleReady(
  ctx: MediaContext,
  socket: MeetingsSocket,
  payload: EventPayload<'participant-ready'>,
): Promise<null> {
  const { meetingId, participantId } = requireAdmitted(socket);
  const updated = await ctx.store.updateParticipant(meetingId, participantId, { ready: payload.ready });
  if (!updated) throw new ProtocolFailure('not-in-meeting');
  socket.to(meetingRoom(meetingId)).emit('participant-ready', { participantId, ready: updated.ready });
  return null;
}
