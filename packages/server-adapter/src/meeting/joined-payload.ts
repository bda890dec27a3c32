import type { MeetingJoinedPayload, MeetingUpdatedPayload } from '@mentara/meetings-core/protocol';
import { publicLimits, type ResolvedOptions } from '../options';
import { readMeetingView } from '../store/meeting-view';
import type { MeetingRecord, ParticipantRecord, RoomStore } from '../store/room-store';
import { chatForJoiner } from './join-chat';
import type { ParticipantDirectory } from './participant-directory';
import { hasHost, meetingSettings, toMeetingInfo, toParticipantInfo, toWaitingParticipant } from './participant-info';
import { issueRejoinTicket } from './rejoin-ticket';
import type { RoomEmitter } from './room-emitter';

/** What building a join answer works with. */
export interface JoinedPayloadContext {
  store: RoomStore;
  clock: () => number;
  options: Pick<ResolvedOptions, 'limits' | 'waitingRoom' | 'chatHistory'>;
  /** Learns from the roster in the answer where everyone is, for the relay (several nodes). */
  directory?: Pick<ParticipantDirectory, 'mark' | 'learn'>;
}

/**
 * The full `meeting-joined` payload of someone who is in: the meeting, everyone else, the chat
 * they may read (since `admittedAt` unless the meeting keeps `'all'`), the waiting list for
 * hosts, the server's clock and a rejoin ticket. Read after their socket is in the meeting room, so whatever
 * changes from then on also reaches them as an event.
 */
export async function buildJoinedPayload(
  ctx: JoinedPayloadContext & { options: Pick<ResolvedOptions, 'rejoinKey'> },
  fallback: MeetingRecord,
  self: ParticipantRecord,
  admittedAt: number,
): Promise<MeetingJoinedPayload> {
  const { store, options } = ctx;
  const { meetingId } = self;
  const isHost = self.role === 'host';
  const mark = ctx.directory?.mark(meetingId);
  const { meeting, participants: present, chat, waiting } = await readMeetingView(store, meetingId, { chat: true, waiting: isHost });
  if (mark) ctx.directory?.learn(meetingId, mark, present);
  const record = meeting ?? fallback;
  const now = ctx.clock();
  return {
    meeting: toMeetingInfo(record, hasHost(present), options),
    self: toParticipantInfo(self),
    participants: present.filter((p) => p.id !== self.id).map(toParticipantInfo),
    chat: chatForJoiner(chat, meetingSettings(record, options).chatHistory, admittedAt, options.limits.joinChatBytes),
    ...(isHost ? { waiting: waiting.map(toWaitingParticipant) } : {}),
    limits: publicLimits(options.limits),
    serverTime: now,
    rejoinTicket: issueRejoinTicket(options.rejoinKey, meetingId, self.userId, { participantId: self.id, admittedAt }, now),
  };
}

/** The meeting as it is now (no roster), for `meeting-updated`; `undefined` when it is gone or ended. */
export async function meetingUpdate(ctx: JoinedPayloadContext, meetingId: string): Promise<MeetingUpdatedPayload | undefined> {
  const { meeting, participants: present } = await readMeetingView(ctx.store, meetingId, { chat: false, waiting: false });
  if (!meeting || meeting.status === 'ended') return undefined;
  return { meeting: toMeetingInfo(meeting, hasHost(present), ctx.options), serverTime: ctx.clock() };
}

/** Tells everyone in the meeting and its waiting room what changed (e.g. a host came or went). */
export async function announceMeeting(ctx: JoinedPayloadContext & { rooms: RoomEmitter }, meetingId: string): Promise<void> {
  const update = await meetingUpdate(ctx, meetingId);
  if (update) ctx.rooms.toEveryone(meetingId).emit('meeting-updated', update);
}
