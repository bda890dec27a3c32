import { randomUUID } from 'node:crypto';
import type { JoinMeetingResult } from '@mentara/meetings-core/protocol';
import { resolveAccess, type MeetingAccess } from '../auth/access';
import { ProtocolFailure } from '../errors';
import { isThenable } from '../socket/serial-queue';
import type { EventContext, EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import { openAndAddParticipant, openingRefusal } from '../store/open-and-add';
import type { AddParticipantResult, MeetingInit, MeetingRecord, OpeningRefusal, ParticipantRecord } from '../store/room-store';
import { participantLeft, toParticipantSummary } from './events';
import { buildJoinedPayload, type SeatRoster } from './joined-payload';
import { dropReplacedWaiter, knock } from './knock';
import { startHeadCount } from './lifecycle';
import { meetingSettings, toParticipantInfo } from './participant-info';
import type { RosterMark } from './participant-directory';
import { acceptRejoinTicket } from './rejoin-ticket';
import type { RoomWatchHandle } from './room-watch';
import { hostsRoom, meetingRoom, participantRoom } from './rooms';
import type { SessionContext } from './session-context';
import { cleanDisplayName } from './text-policy';

const DEFAULT_MEDIA = { microphone: false, camera: false, screen: false };

const OPENING_REFUSALS: ReadonlySet<string> = new Set<OpeningRefusal>(['scheduled-end', 'meeting-ended', 'meeting-not-started']);
const isOpeningRefusal = (reason: string): reason is OpeningRefusal => OPENING_REFUSALS.has(reason);

/** What the `join-meeting` handler works with. */
export interface JoinContext extends SessionContext {
  /** Leaves the socket's current meeting (one meeting per socket). */
  leave(socket: MeetingsSocket, reason: 'left'): Promise<void>;
}

/** The meeting as the identity opens it: created on first use with its schedule and chat policy. */
function meetingInit(meetingId: string, access: MeetingAccess, now: number): MeetingInit {
  const init: MeetingInit = { meetingId, createdAt: now };
  if (access.startsAt !== undefined) init.startsAt = access.startsAt;
  if (access.endsAt !== undefined) init.endsAt = access.endsAt;
  if (access.chatHistory !== undefined) init.chatHistory = access.chatHistory;
  return init;
}

/** Throws the failure of a refused opening; a passed scheduled end first ends the meeting. */
async function refuseOpening(ctx: JoinContext, meeting: MeetingRecord, reason: OpeningRefusal, now: number): Promise<never> {
  if (reason === 'scheduled-end') {
    await ctx.lifecycle.end(meeting.meetingId, 'scheduled-end');
    throw new ProtocolFailure('meeting-ended');
  }
  if (reason === 'meeting-not-started') {
    const startsAt = meeting.startsAt as number;
    throw new ProtocolFailure('meeting-not-started', { startsAt, retryAfterMs: startsAt - ctx.options.earlyJoinMarginMs - now });
  }
  throw new ProtocolFailure(reason);
}

/** The meeting, created on first use, for a join that needs it before taking the seat (a rejoin ticket, or leaving another meeting first). */
async function openMeeting(ctx: JoinContext, meetingId: string, access: MeetingAccess, now: number): Promise<MeetingRecord> {
  const meeting = await ctx.store.ensureMeeting(meetingInit(meetingId, access, now));
  const refusal = openingRefusal(meeting, access.role, now, ctx.options.earlyJoinMarginMs);
  if (refusal) await refuseOpening(ctx, meeting, refusal, now);
  return meeting;
}

/**
 * `join-meeting`: access and session-window checks, then in one atomic store step the seat (one
 * per user: the same user's other session is replaced; hosts outside the cap) — or, when the
 * meeting has a waiting room for this person and they were not let in before (within the grace),
 * a knock. A socket in no meeting and without a rejoin ticket opens the meeting and takes the seat
 * in that same step (`openAndAddParticipant`: one round trip on Redis) and, when nothing reached the
 * meeting's room on this node until its socket is in it, is answered from that step's roster (no
 * second read; see `buildJoinedPayload`). The answer is the ack; `meeting-joined` is sent only to a client that asked for no ack.
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
  const seat: SeatWatch = {};
  try {
    return await join(ctx, socket, payload, event, seat);
  } finally {
    seat.watch?.stop();
  }
}

/** A join's seat step: whether it was the common one, and the watch on the meeting's room from before it until the socket is in the room. */
interface SeatWatch {
  /** The socket was in no meeting and had no rejoin ticket: it opened the meeting and took its seat in one step. */
  fresh?: boolean;
  watch?: RoomWatchHandle;
  mark?: RosterMark;
}

async function join(
  ctx: JoinContext,
  socket: MeetingsSocket,
  payload: EventPayload<'join-meeting'>,
  event: EventContext,
  seat: SeatWatch,
): Promise<JoinMeetingResult> {
  const { store, options, rooms } = ctx;
  const { meetingId } = payload;
  const user = socket.data.user;
  // Awaited only when they are promises (an `authorize` hook, a store over the network): with
  // neither, a join takes no promise hop before its answer.
  const accessing = resolveAccess(user, meetingId, options.authorize);
  const access = isThenable(accessing) ? await accessing : accessing;
  if (!access) throw new ProtocolFailure('meeting-not-found');
  const now = ctx.clock();
  // A verified name (token, hook) wins; the client's choice only fills in when there is none.
  const displayName = cleanDisplayName(user.displayName) ?? cleanDisplayName(payload.displayName) ?? 'Guest';
  const isHost = access.role === 'host';
  const recordWith = (id: string): ParticipantRecord => ({
    id,
    userId: user.userId,
    displayName,
    role: access.role,
    media: payload.media ?? DEFAULT_MEDIA,
    ready: false,
    joinedAt: now,
    meetingId,
    nodeId: options.nodeId,
    socketId: socket.id,
  });
  const mayWait = !isHost && access.waitingRoom !== false;

  let meeting: MeetingRecord;
  let record: ParticipantRecord;
  let result: AddParticipantResult;
  let startedHere = false;
  let tookIdBack = false;
  if (payload.rejoinTicket === undefined && !socket.data.session) {
    // The common join: opening the meeting and taking the seat are one store step (one round
    // trip on Redis).
    record = recordWith(randomUUID());
    // Whatever reaches the meeting's room from here until the socket is in it would be missing
    // from the roster the seat step returns; when nothing does, that roster is the answer's.
    seat.fresh = true;
    seat.watch = ctx.roomWatch?.watch(meetingRoom(meetingId));
    seat.mark = ctx.directory?.mark(meetingId);
    const opening = openAndAddParticipant(store, meetingInit(meetingId, access, now), record, {
      maxParticipants: options.limits.maxParticipants,
      graceMs: options.admittedGraceMs,
      now,
      earlyJoinMarginMs: options.earlyJoinMarginMs,
      mayWait,
      waitingRoomDefault: options.waitingRoom,
      // The seat that starts the meeting starts it in the same step: the answer says `active`.
      startAt: startHeadCount(options.startPolicy),
    });
    const opened = isThenable(opening) ? await opening : opening;
    meeting = opened.meeting;
    startedHere = opened.started === true;
    if (!opened.result.ok && isOpeningRefusal(opened.result.reason)) return refuseOpening(ctx, meeting, opened.result.reason, now);
    result = opened.result as AddParticipantResult;
  } else {
    meeting = await openMeeting(ctx, meetingId, access, now);
    // One meeting per socket: joining another (or the same again) leaves the current one first.
    await ctx.leave(socket, 'left');
    const resumed = await acceptRejoinTicket(ctx, payload.rejoinTicket, meeting, user.userId, now);
    record = recordWith(resumed?.participantId ?? randomUUID());
    tookIdBack = resumed !== undefined;
    const waits = !resumed && mayWait && meetingSettings(meeting, options).waitingRoom;
    result = await store.addParticipant(record, {
      maxParticipants: options.limits.maxParticipants,
      admit: waits ? 'returning' : 'direct',
      graceMs: options.admittedGraceMs,
      now,
    });
  }
  if (!result.ok && result.reason === 'not-admitted') return knock(ctx, socket, record, meeting, event);
  if (!result.ok) throw new ProtocolFailure(result.reason);
  // The id may have lived on another node before the store lost the meeting: nothing for it goes there now.
  if (tookIdBack) ctx.directory?.moved(meetingId, record.id);

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
  const seatRoster: SeatRoster | undefined = seat.watch?.quiet() ? { meeting, others: result.others, seatedAt: now, mark: seat.mark } : undefined;
  seat.watch?.stop();
  socket.data.session = { meetingId, participantId: record.id, userId: user.userId, displayName, role: access.role };
  ctx.presence.add(meetingId, record.id);
  if (ctx.events.listens('participant-joined')) {
    ctx.events.emit('participant-joined', {
      meetingId,
      participant: toParticipantSummary(result.participant),
      ...(result.replaced ? { replacedParticipantId: result.replaced.id } : {}),
    });
  }
  // A first join into a meeting nobody else was in at the seat: whoever comes later has this
  // person in their seat's roster, so the event would reach no one (on Redis it would still cost
  // every node a stream read). A rejoin still sends it: after a store loss, sockets of the meeting
  // may be in its room without a record.
  if (result.others.length > 0 || !seat.fresh) socket.to(room).emit('participant-joined', { participant: toParticipantInfo(result.participant) });

  const building = buildJoinedPayload(ctx, meeting, result.participant, result.admittedAt, seatRoster);
  const joined = isThenable(building) ? await building : building;
  // The answer carries the payload once: as the ack, or as the event when no ack was asked for.
  if (!event.acknowledged) socket.emit('meeting-joined', joined);
  // People waiting for a host learn that one is here (and the others see it too).
  if (isHost) rooms.toEveryone(meetingId).except(participantRoom(record.id)).emit('meeting-updated', { meeting: joined.meeting, serverTime: joined.serverTime });
  // Queued behind this event, so the joiner gets its answer before `meeting-started`.
  const present = result.others.length + 1;
  event.defer(() => ctx.lifecycle.afterJoin(meeting, present, startedHere ? [...result.others, result.participant] : undefined));
  return { admission: 'admitted', ...joined };
}
