import type { MeetingJoinedPayload, MeetingUpdatedPayload } from '@mentara/meetings-core/protocol';
import { publicLimits, type ResolvedOptions } from '../options';
import { readMeetingView } from '../store/meeting-view';
import type { MeetingRecord, MeetingView, ParticipantRecord, RoomStore } from '../store/room-store';
import { chatForJoiner } from './join-chat';
import type { ParticipantDirectory, RosterMark } from './participant-directory';
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
 * What the seat step saw, when nothing reached the meeting's room on this node between it and the
 * joiner's socket joining that room: the meeting and everyone else were then as the store
 * returned them in the seat's one atomic step, and everything after reaches the joiner as events.
 */
export interface SeatRoster {
  meeting: MeetingRecord;
  others: readonly ParticipantRecord[];
  /** The `now` of the seat step: an admission at it has no chat to read yet (`'none'`). */
  seatedAt: number;
  /** The directory's mark taken before the seat step (several nodes). */
  mark?: RosterMark | undefined;
}

/**
 * The full `meeting-joined` payload of someone who is in: the meeting, everyone else, the chat
 * they may read (since `admittedAt` unless the meeting keeps `'all'`), the waiting list for
 * hosts, the server's clock and a rejoin ticket. Read after their socket is in the meeting room, so whatever
 * changes from then on also reaches them as an event — or, with `seen`, taken from the seat step
 * without a second read when that is the whole answer: not a host (no waiting list), first let in
 * by that step and a meeting that shows only chat since then (none yet). Answered at once (no
 * promise) when it comes from the seat step.
 */
export function buildJoinedPayload(
  ctx: JoinedPayloadContext & { options: Pick<ResolvedOptions, 'rejoinKey'> },
  fallback: MeetingRecord,
  self: ParticipantRecord,
  admittedAt: number,
  seen?: SeatRoster,
): MeetingJoinedPayload | Promise<MeetingJoinedPayload> {
  const fromSeat = seen && answersFromSeat(ctx, seen, self, admittedAt);
  if (fromSeat) return joinedPayload(ctx, fromSeat, fallback, self, admittedAt);
  return readView(ctx, self.meetingId, self.role === 'host').then((view) => joinedPayload(ctx, view, fallback, self, admittedAt));
}

/** The answer of {@link buildJoinedPayload} from the view it read or took from the seat step. */
function joinedPayload(
  ctx: JoinedPayloadContext & { options: Pick<ResolvedOptions, 'rejoinKey'> },
  view: MeetingView,
  fallback: MeetingRecord,
  self: ParticipantRecord,
  admittedAt: number,
): MeetingJoinedPayload {
  const { options } = ctx;
  const { meetingId } = self;
  const isHost = self.role === 'host';
  const { meeting, participants: present, chat, waiting } = view;
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

/** The seat step's view as the answer's, when it is the whole answer (see {@link buildJoinedPayload}). */
function answersFromSeat(ctx: JoinedPayloadContext, seen: SeatRoster, self: ParticipantRecord, admittedAt: number): MeetingView | undefined {
  if (self.role === 'host' || admittedAt < seen.seatedAt) return undefined;
  if (meetingSettings(seen.meeting, ctx.options).chatHistory !== 'none') return undefined;
  const participants = [...seen.others, self];
  if (seen.mark) ctx.directory?.learn(self.meetingId, seen.mark, participants);
  return { meeting: seen.meeting, participants, chat: [], waiting: [] };
}

/** The meeting read after the joiner's socket is in its room; the directory learns the roster's nodes. */
async function readView(ctx: JoinedPayloadContext, meetingId: string, isHost: boolean): Promise<MeetingView> {
  const mark = ctx.directory?.mark(meetingId);
  const view = await readMeetingView(ctx.store, meetingId, { chat: true, waiting: isHost });
  if (mark) ctx.directory?.learn(meetingId, mark, view.participants);
  return view;
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
