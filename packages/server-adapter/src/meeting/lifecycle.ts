import type { MeetingEndReason } from '@mentara/meetings-core/protocol';
import type { MeetingsLogger } from '../observability/logger';
import type { ResolvedOptions, StartPolicy } from '../options';
import type { MeetingRecord, ParticipantRecord, RoomStore } from '../store/room-store';
import { participantLeft, toParticipantSummary, type MeetingEvents } from './events';
import type { LocalPresence } from './presence';
import type { RoomEmitter } from './room-emitter';
import { KeyedTimers } from './timers';

/** Whether a meeting record carries settings of its own (from `createMeeting` or a token). */
const hasSettings = (m: MeetingRecord): boolean =>
  m.startsAt !== undefined || m.endsAt !== undefined || m.waitingRoom !== undefined || m.chatHistory !== undefined;

/** The start policy as a head count: the seat that brings a waiting meeting to it starts the meeting. */
export const startHeadCount = (policy: StartPolicy): number => (policy === 'first-join' ? 1 : 2);

/** What {@link MeetingLifecycle} works with. */
export interface LifecycleDeps {
  store: RoomStore;
  rooms: RoomEmitter;
  events: MeetingEvents;
  presence: LocalPresence;
  logger: MeetingsLogger;
  clock: () => number;
  options: Pick<ResolvedOptions, 'startPolicy' | 'emptyMeetingTimeoutMs' | 'endedMeetingRetentionMs'>;
}

/**
 * Meeting lifecycle: `waiting` → `active` (start policy) → `ended` (host, scheduled end, or
 * empty for `emptyMeetingTimeoutMs`). Timers are per node; the store's compare-and-set
 * transitions make sure exactly one node announces each change. The scheduled end is read from
 * the store when its timer fires, so a host extending the meeting on any node moves every node's end.
 */
export class MeetingLifecycle {
  readonly #timers = new KeyedTimers();
  readonly #deps: LifecycleDeps;

  constructor(deps: LifecycleDeps) {
    this.#deps = deps;
  }

  /**
   * After a join or an admission: cancel the empty timer, arm the scheduled end, start if the
   * policy says so (`participantCount` admitted people; one seat per user, so distinct users).
   * `startedWith`: the join's own store step started the meeting (`meeting` is the started record)
   * with these people in, so it is only announced.
   */
  async afterJoin(meeting: MeetingRecord, participantCount: number, startedWith?: readonly ParticipantRecord[]): Promise<void> {
    const { options, store, clock } = this.#deps;
    const { meetingId } = meeting;
    this.#timers.cancel(`empty:${meetingId}`);
    if (meeting.endsAt !== undefined) this.armScheduledEnd(meetingId, meeting.endsAt);
    if (startedWith && meeting.startedAt !== undefined) return this.#announceStart(meetingId, meeting.startedAt, startedWith);
    if (participantCount < startHeadCount(options.startPolicy) || meeting.status !== 'waiting') return;
    const started = await store.startMeeting(meetingId, clock());
    if (started?.startedAt !== undefined) await this.#announceStart(meetingId, started.startedAt);
  }

  /** `meeting-started` to the room, and to the server-side listeners with who is in. */
  async #announceStart(meetingId: string, startedAt: number, present?: readonly ParticipantRecord[]): Promise<void> {
    const { store, rooms, events } = this.#deps;
    rooms.toMeeting(meetingId).emit('meeting-started', { meetingId, startedAt });
    if (!events.listens('meeting-started')) return;
    // Without the join's roster, the server-side event's costs a store read (a round trip on Redis).
    const roster = present ?? (await store.listParticipants(meetingId));
    events.emit('meeting-started', { meetingId, startedAt, participants: roster.map(toParticipantSummary) });
  }

  /** After someone started waiting: the meeting is not empty, and its scheduled end holds for them too. */
  afterKnock(meeting: MeetingRecord): void {
    this.#timers.cancel(`empty:${meeting.meetingId}`);
    if (meeting.endsAt !== undefined) this.armScheduledEnd(meeting.meetingId, meeting.endsAt);
  }

  /**
   * At epoch ms `endsAt`, ends the meeting with reason `scheduled-end` (timer on this node) —
   * unless the end moved later meanwhile (extended on any node): then the timer re-arms for it.
   */
  armScheduledEnd(meetingId: string, endsAt: number): void {
    this.#timers.at(`end:${meetingId}`, endsAt, this.#deps.clock, () => {
      void this.#onScheduledEnd(meetingId);
    });
  }

  async #onScheduledEnd(meetingId: string): Promise<void> {
    const { store, logger, clock } = this.#deps;
    try {
      const meeting = await store.getMeeting(meetingId);
      if (!meeting || meeting.status === 'ended' || meeting.endsAt === undefined) return;
      if (meeting.endsAt > clock()) return this.armScheduledEnd(meetingId, meeting.endsAt);
      await this.end(meetingId, 'scheduled-end');
    } catch (error) {
      logger.error({ err: error, meetingId }, 'scheduled end failed');
    }
  }

  /**
   * After a leave: drop this node's scheduled-end timer when it has nobody left there; arm the
   * empty timer when nobody is in the meeting or its waiting room.
   */
  async afterLeave(meetingId: string): Promise<void> {
    const { presence, options, clock } = this.#deps;
    if (!presence.has(meetingId)) this.#timers.cancel(`end:${meetingId}`);
    if (!(await this.#isEmpty(meetingId))) return;
    this.#timers.at(`empty:${meetingId}`, clock() + options.emptyMeetingTimeoutMs, clock, () => {
      void this.#onEmptyTimeout(meetingId);
    });
  }

  /** Nobody in the meeting and nobody waiting for it (people waiting for a host keep it alive). */
  async #isEmpty(meetingId: string): Promise<boolean> {
    const { store } = this.#deps;
    if ((await store.listParticipants(meetingId)).length > 0) return false;
    return (await store.listWaiting(meetingId)).length === 0;
  }

  async #onEmptyTimeout(meetingId: string): Promise<void> {
    const { store, logger } = this.#deps;
    try {
      if (!(await this.#isEmpty(meetingId))) return;
      const meeting = await store.getMeeting(meetingId);
      // A meeting that never started is simply forgotten, so it can still be joined later —
      // unless it carries settings (registered with a schedule, waiting room or chat policy):
      // forgetting those would reopen it with the defaults. It ends at its scheduled end, or
      // expires with the store's own clean-up.
      if (meeting?.status === 'waiting' && !hasSettings(meeting)) await store.deleteMeeting(meetingId);
      else if (meeting?.status === 'active') await this.end(meetingId, 'empty');
    } catch (error) {
      logger.error({ err: error, meetingId }, 'empty-meeting check failed');
    }
  }

  /**
   * Ends a meeting for everyone: `meeting-ended` to the meeting and its waiting room, every
   * socket removed from its rooms (on every node). Returns `false` when it was already ended or unknown.
   */
  async end(meetingId: string, reason: MeetingEndReason): Promise<boolean> {
    const { store, rooms, events, presence, options, clock } = this.#deps;
    this.#timers.cancel(`end:${meetingId}`);
    this.#timers.cancel(`empty:${meetingId}`);
    const endedAt = clock();
    // Read first: ending clears the waiting list, and their sockets must leave their own rooms too.
    const waiting = await store.listWaiting(meetingId);
    const removed = await store.endMeeting(meetingId, { reason, endedAt, retainMs: options.endedMeetingRetentionMs });
    if (!removed) return false;
    rooms.toEveryone(meetingId).emit('meeting-ended', { meetingId, reason, endedAt });
    rooms.evacuate(meetingId, [...removed, ...waiting].map((p) => p.id));
    presence.clearMeeting(meetingId);
    for (const p of removed) events.emit('participant-left', participantLeft(p, 'meeting-ended', endedAt));
    // The tombstone keeps the start time; read only now, so a refused end costs nothing extra.
    const startedAt = (await store.getMeeting(meetingId))?.startedAt;
    events.emit('meeting-ended', {
      meetingId,
      reason,
      endedAt,
      ...(startedAt !== undefined ? { startedAt, durationMs: Math.max(0, endedAt - startedAt) } : {}),
      participants: removed.map(toParticipantSummary),
    });
    return true;
  }

  /** How many scheduled-end and empty-meeting timers are armed on this node. */
  get timerCount(): number {
    return this.#timers.size;
  }

  /** Stops every timer of this node. */
  close(): void {
    this.#timers.clear();
  }
}
