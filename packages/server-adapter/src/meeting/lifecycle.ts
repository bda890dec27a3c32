import type { MeetingEndReason } from '@mentara/meetings-core/protocol';
import type { MeetingsLogger } from '../observability/logger';
import type { ResolvedOptions } from '../options';
import type { MeetingRecord, RoomStore } from '../store/room-store';
import { participantLeft, toParticipantSummary, type MeetingEvents } from './events';
import type { LocalPresence } from './presence';
import type { RoomEmitter } from './room-emitter';
import { KeyedTimers } from './timers';

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
 * transitions make sure exactly one node announces each change.
 */
export class MeetingLifecycle {
  readonly #timers = new KeyedTimers();
  readonly #deps: LifecycleDeps;

  constructor(deps: LifecycleDeps) {
    this.#deps = deps;
  }

  /** After a join: cancel the empty timer, arm the scheduled end, start if the policy says so. */
  async afterJoin(meeting: MeetingRecord, participantCount: number): Promise<void> {
    const { options, store, rooms, events, clock } = this.#deps;
    const { meetingId } = meeting;
    this.#timers.cancel(`empty:${meetingId}`);
    if (meeting.endsAt !== undefined) this.armScheduledEnd(meetingId, meeting.endsAt);
    const due = options.startPolicy === 'first-join' || participantCount >= 2;
    if (!due || meeting.status !== 'waiting') return;
    const started = await store.startMeeting(meetingId, clock());
    if (started?.startedAt === undefined) return;
    const { startedAt } = started;
    rooms.toMeeting(meetingId).emit('meeting-started', { meetingId, startedAt });
    const present = await store.listParticipants(meetingId);
    events.emit('meeting-started', { meetingId, startedAt, participants: present.map(toParticipantSummary) });
  }

  /** Ends the meeting with reason `scheduled-end` at epoch ms `endsAt` (timer on this node). */
  armScheduledEnd(meetingId: string, endsAt: number): void {
    this.#timers.at(`end:${meetingId}`, endsAt, this.#deps.clock, () => {
      void this.end(meetingId, 'scheduled-end');
    });
  }

  /** After a leave: drop this node's scheduled-end timer when it has nobody left there; arm the empty timer. */
  async afterLeave(meetingId: string): Promise<void> {
    const { presence, store, options, clock } = this.#deps;
    if (!presence.has(meetingId)) this.#timers.cancel(`end:${meetingId}`);
    const remaining = await store.listParticipants(meetingId);
    if (remaining.length > 0) return;
    this.#timers.at(`empty:${meetingId}`, clock() + options.emptyMeetingTimeoutMs, clock, () => {
      void this.#onEmptyTimeout(meetingId);
    });
  }

  async #onEmptyTimeout(meetingId: string): Promise<void> {
    const { store, logger } = this.#deps;
    try {
      if ((await store.listParticipants(meetingId)).length > 0) return;
      const meeting = await store.getMeeting(meetingId);
      // A meeting that never started is simply forgotten, so it can still be joined later.
      if (meeting?.status === 'waiting') await store.deleteMeeting(meetingId);
      else if (meeting?.status === 'active') await this.end(meetingId, 'empty');
    } catch (error) {
      logger.error({ err: error, meetingId }, 'empty-meeting check failed');
    }
  }

  /**
   * Ends a meeting for everyone: `meeting-ended` to the meeting room, every socket removed from
   * its rooms (on every node). Returns `false` when it was already ended or unknown.
   */
  async end(meetingId: string, reason: MeetingEndReason): Promise<boolean> {
    const { store, rooms, events, presence, options, clock } = this.#deps;
    this.#timers.cancel(`end:${meetingId}`);
    this.#timers.cancel(`empty:${meetingId}`);
    const endedAt = clock();
    const removed = await store.endMeeting(meetingId, { reason, endedAt, retainMs: options.endedMeetingRetentionMs });
    if (!removed) return false;
    rooms.toMeeting(meetingId).emit('meeting-ended', { meetingId, reason, endedAt });
    rooms.evacuate(meetingId, removed.map((p) => p.id));
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

  /** Stops every timer of this node. */
  close(): void {
    this.#timers.clear();
  }
}
