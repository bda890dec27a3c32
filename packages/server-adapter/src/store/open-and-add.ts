import { isThenable } from '../socket/serial-queue';
import type { MaybePromise, MeetingInit, MeetingRecord, OpenAndAddOptions, OpenAndAddResult, OpeningRefusal, ParticipantRecord, RoomStore } from './room-store';

/**
 * Why a meeting just opened refuses `role` at `now`, or `undefined`: its scheduled end has passed
 * (the caller ends it), it has ended, or a participant who is not a host is earlier than
 * `earlyJoinMarginMs` before its start. The server owns the clock.
 */
export function openingRefusal(meeting: MeetingRecord, role: ParticipantRecord['role'], now: number, earlyJoinMarginMs: number): OpeningRefusal | undefined {
  if (meeting.status !== 'ended' && meeting.endsAt !== undefined && meeting.endsAt <= now) return 'scheduled-end';
  if (meeting.status === 'ended') return 'meeting-ended';
  if (role !== 'host' && meeting.startsAt !== undefined && now < meeting.startsAt - earlyJoinMarginMs) return 'meeting-not-started';
  return undefined;
}

/** `next(value)`, after `value` settles when it is a promise: a store that answers at once costs no promise. */
const then = <T, R>(value: MaybePromise<T>, next: (settled: T) => MaybePromise<R>): MaybePromise<R> =>
  isThenable(value) ? Promise.resolve(value).then(next) : next(value as T);

/**
 * Opens the meeting and takes the seat: in one step when the store offers it
 * ({@link RoomStore.openAndAddParticipant}), otherwise `ensureMeeting`, the same checks, then
 * `addParticipant` and, when the seat reaches `startAt`, `startMeeting`. A store that ignores
 * `startAt` (written before it) never reports `started`: the server then starts the meeting
 * with `startMeeting` after the join, as before. With a store that answers synchronously (the
 * in-memory one) the answer is too, without a promise per step.
 */
export function openAndAddParticipant(
  store: RoomStore,
  init: MeetingInit,
  record: ParticipantRecord,
  options: OpenAndAddOptions,
): MaybePromise<OpenAndAddResult> {
  if (store.openAndAddParticipant) return store.openAndAddParticipant(init, record, options);
  return then(store.ensureMeeting(init), (meeting): MaybePromise<OpenAndAddResult> => {
    const refusal = openingRefusal(meeting, record.role, options.now, options.earlyJoinMarginMs);
    if (refusal) return { meeting, result: { ok: false, reason: refusal } };
    const waits = options.mayWait && (meeting.waitingRoom ?? options.waitingRoomDefault);
    const seat = store.addParticipant(record, {
      maxParticipants: options.maxParticipants,
      admit: waits ? 'returning' : 'direct',
      graceMs: options.graceMs,
      now: options.now,
    });
    return then(seat, (result): MaybePromise<OpenAndAddResult> => {
      if (!result.ok || options.startAt === undefined || meeting.status !== 'waiting' || result.others.length + 1 < options.startAt) return { meeting, result };
      return then(store.startMeeting(meeting.meetingId, options.now), (started) => (started ? { meeting: started, result, started: true } : { meeting, result }));
    });
  });
}
