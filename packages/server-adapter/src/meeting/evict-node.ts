import type { MeetingsLogger } from '../observability/logger';
import type { ResolvedOptions } from '../options';
import type { RoomStore } from '../store/room-store';
import { participantLeft, toWaitingSummary, type MeetingEvents } from './events';
import { announceMeeting } from './joined-payload';
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
  options: Pick<ResolvedOptions, 'limits' | 'waitingRoom' | 'chatHistory'>;
}

/**
 * Removes every participant record held by `nodeId` — a server node that died or restarted —
 * telling the others `participant-left` (reason `disconnected`); they keep the grace period to
 * come straight back through another node. Waiting entries of that node leave the waiting room
 * (hosts get `participant-left`). Returns how many participants were removed.
 * With a shared store, run it for a node whose heartbeat stopped; each node also runs it for its
 * own id at start-up, clearing records a previous run with the same `nodeId` left behind.
 */
export async function evictNode(ctx: EvictContext, nodeId: string): Promise<number> {
  const stale = await ctx.store.listParticipantsByNode(nodeId);
  let removed = 0;
  const meetings = new Set<string>();
  /** Meetings that lost a host: their waiting rooms learn whether one is left. */
  const hostless = new Set<string>();
  for (const p of stale) {
    const now = ctx.clock();
    const record = await ctx.store.removeParticipant(p.meetingId, p.id, now);
    if (!record) continue;
    removed += 1;
    meetings.add(p.meetingId);
    ctx.rooms.toMeeting(p.meetingId).emit('participant-left', { participantId: p.id, reason: 'disconnected' });
    ctx.events.emit('participant-left', participantLeft(record, 'disconnected', now));
    if (record.role === 'host') hostless.add(p.meetingId);
  }
  for (const w of await ctx.store.listWaitingByNode(nodeId)) {
    const now = ctx.clock();
    const entry = await ctx.store.leaveWaiting(w.meetingId, w.id, now);
    if (!entry) continue;
    meetings.add(w.meetingId);
    ctx.rooms.toHosts(w.meetingId).emit('participant-left', { participantId: w.id, reason: 'disconnected' });
    ctx.events.emit('waiting-left', { meetingId: w.meetingId, participant: toWaitingSummary(entry), reason: 'disconnected', leftAt: now, waitedMs: Math.max(0, now - entry.since) });
  }
  for (const meetingId of hostless) await announceMeeting(ctx, meetingId);
  for (const meetingId of meetings) await ctx.lifecycle.afterLeave(meetingId);
  if (removed > 0) ctx.logger.warn({ nodeId, removed }, 'evicted participants of a gone node');
  return removed;
}
