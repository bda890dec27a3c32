import type { MeetingsLogger } from '../observability/logger';
import type { RoomStore } from '../store/room-store';
import { participantLeft, type MeetingEvents } from './events';
import type { MeetingLifecycle } from './lifecycle';
import type { RoomEmitter } from './room-emitter';

/** What evicting a node's participants works with. */
export interface EvictContext {
  store: RoomStore;
  rooms: RoomEmitter;
  events: MeetingEvents;
  lifecycle: Pick<MeetingLifecycle, 'afterLeave'>;
  logger: MeetingsLogger;
  clock: () => number;
}

/**
 * Removes every participant record held by `nodeId` — a server node that died or restarted —
 * telling the others `participant-left` (reason `disconnected`). Returns how many were removed.
 * With a shared store, run it for a node whose heartbeat stopped; each node also runs it for its
 * own id at start-up, clearing records a previous run with the same `nodeId` left behind.
 */
export async function evictNode(ctx: EvictContext, nodeId: string): Promise<number> {
  const stale = await ctx.store.listParticipantsByNode(nodeId);
  let removed = 0;
  const meetings = new Set<string>();
  for (const p of stale) {
    const record = await ctx.store.removeParticipant(p.meetingId, p.id);
    if (!record) continue;
    removed += 1;
    meetings.add(p.meetingId);
    ctx.rooms.toMeeting(p.meetingId).emit('participant-left', { participantId: p.id, reason: 'disconnected' });
    ctx.events.emit('participant-left', participantLeft(record, 'disconnected', ctx.clock()));
  }
  for (const meetingId of meetings) await ctx.lifecycle.afterLeave(meetingId);
  if (removed > 0) ctx.logger.warn({ nodeId, removed }, 'evicted participants of a gone node');
  return removed;
}
