import type { MeetingEndReason } from '@mentara/meetings-core/protocol';
import type { MeetingRecord } from '../store/room-store';
import type { ServerContext } from './context';
import { meetingRoom, participantRoom } from './rooms';
import { KeyedTimers } from './timers';

/**
 * Meeting lifecycle: `waiting` → `active` (start policy) → `ended` (host, scheduled end, or
 * empty for `emptyMeetingTimeoutMs`). Timers are per node; the store's compare-and-set
 * transitions make sure exactly one node announces each change.
 */
export class MeetingLifecycle {
  readonly #timers = new KeyedTimers();
  #ctx: ServerContext | undefined;

  /** Binds the context (created after the lifecycle, since the context holds it). */
  bind(ctx: ServerContext): void {
    this.#ctx = ctx;
  }

  get #c(): ServerContext {
    if (!this.#ctx) throw new Error('MeetingLifecycle used before bind()');
    return this.#ctx;
  }

  /** After a join: cancel the empty timer, arm the scheduled end, start if the policy says so. */
  async afterJoin(meeting: MeetingRecord, participantCount: number): Promise<void> {
    const { options, store, nsp } = this.#c;
    this.#timers.cancel(`empty:${meeting.meetingId}`);
    if (meeting.endsAt !== undefined) this.armScheduledEnd(meeting.meetingId, meeting.endsAt);
    const due = options.startPolicy === 'first-join' || participantCount >= 2;
    if (!due || meeting.status !== 'waiting') return;
    const started = await store.startMeeting(meeting.meetingId, options.now());
    if (started?.startedAt !== undefined) {
      nsp.to(meetingRoom(meeting.meetingId)).emit('meeting-started', {
        meetingId: meeting.meetingId,
        startedAt: started.startedAt,
      });
    }
  }

  /** Ends the meeting with reason `scheduled-end` at epoch ms `endsAt` (timer on this node). */
  armScheduledEnd(meetingId: string, endsAt: number): void {
    this.#timers.at(`end:${meetingId}`, endsAt, this.#c.options.now, () => {
      void this.end(meetingId, 'scheduled-end');
    });
  }

  /** After a leave: drop this node's scheduled-end timer when it has nobody left there; arm the empty timer. */
  async afterLeave(meetingId: string): Promise<void> {
    const { presence, store, options } = this.#c;
    if (!presence.has(meetingId)) this.#timers.cancel(`end:${meetingId}`);
    const remaining = await store.listParticipants(meetingId);
    if (remaining.length > 0) return;
    this.#timers.at(`empty:${meetingId}`, options.now() + options.emptyMeetingTimeoutMs, options.now, () => {
      void this.#onEmptyTimeout(meetingId);
    });
  }

  async #onEmptyTimeout(meetingId: string): Promise<void> {
    const { store, logger } = this.#c;
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
    const { store, nsp, options, presence, metrics, logger } = this.#c;
    this.#timers.cancel(`end:${meetingId}`);
    this.#timers.cancel(`empty:${meetingId}`);
    const endedAt = options.now();
    const removed = await store.endMeeting(meetingId, {
      reason,
      endedAt,
      retainMs: options.endedMeetingRetentionMs,
    });
    if (!removed) return false;
    const room = meetingRoom(meetingId);
    nsp.to(room).emit('meeting-ended', { meetingId, reason, endedAt });
    nsp.in(room).socketsLeave([room, ...removed.map((p) => participantRoom(p.id))]);
    for (const p of removed) if (p.nodeId === options.nodeId) metrics.left('meeting-ended');
    presence.clearMeeting(meetingId);
    logger.info({ meetingId, reason }, 'meeting ended');
    return true;
  }

  /** Stops every timer of this node. */
  close(): void {
    this.#timers.clear();
  }
}
