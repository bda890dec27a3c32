import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '@mentara/meetings-core/protocol';
import { ProtocolFailure } from '../errors';
import type { MeetingLimits } from '../options';
import type { EventContext, EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { ChatRecord, RoomStore } from '../store/room-store';
import { toChatMessage } from './participant-info';
import { requireAdmitted } from './require-session';
import { cleanChatText } from './text-policy';
import type { RoomEmitter } from './room-emitter';
import { meetingRoom } from './rooms';

/** What the `chat-message` handler works with. */
export interface ChatContext {
  store: RoomStore;
  rooms: RoomEmitter;
  clock: () => number;
  limits: Pick<MeetingLimits, 'maxChatLength' | 'chatHistory'>;
}

/**
 * `chat-message` (admitted only; a waiting person gets `not-admitted`): the server stamps id,
 * sender and time, stores it (bounded history) and sends it to the others in the meeting. The
 * sender gets the stored message in its acknowledgement — or, when it sent without one, as a
 * `chat-message` event like everyone else. A retry carrying the `clientMessageId` of a message
 * the SAME user stored is answered with that message and not delivered again; the same id from
 * another user is a new message (never someone else's).
 */
export async function handleChat(
  ctx: ChatContext,
  socket: MeetingsSocket,
  payload: EventPayload<'chat-message'>,
  event: EventContext,
): Promise<ChatMessage> {
  const session = requireAdmitted(socket);
  const text = cleanChatText(payload.text);
  if (text.length > ctx.limits.maxChatLength) throw new ProtocolFailure('payload-too-large');
  if (text.length === 0) throw new ProtocolFailure('invalid-payload');
  if (payload.clientMessageId !== undefined) {
    // A retry of a message already stored (its ack was lost): answer it again, deliver nothing.
    const history = await ctx.store.listChat(session.meetingId);
    const earlier = history.find((m) => m.clientMessageId === payload.clientMessageId && m.senderUserId === session.userId);
    if (earlier) return toChatMessage(earlier);
  }
  const message: ChatMessage = {
    id: randomUUID(),
    meetingId: session.meetingId,
    from: session.participantId,
    fromName: session.displayName,
    text,
    sentAt: ctx.clock(),
    ...(payload.clientMessageId !== undefined ? { clientMessageId: payload.clientMessageId } : {}),
  };
  const record: ChatRecord = { ...message, senderUserId: session.userId };
  const stored = await ctx.store.appendChat(session.meetingId, record, ctx.limits.chatHistory);
  if (!stored) throw new ProtocolFailure('meeting-ended');
  if (event.acknowledged) socket.to(meetingRoom(session.meetingId)).emit('chat-message', message);
  else ctx.rooms.toMeeting(session.meetingId).emit('chat-message', message);
  return message;
}
