import type { ServerContext } from './context';
import { meetingRoom } from './rooms';

/**
 * Removes every participant record held by `nodeId` — a server node that died or restarted —
 * telling the others `participant-left` (reason `disconnected`). Returns how many were removed.
 * With a shared store, run it for a node whose heartbeat stopped; each node also runs it for its
 * own id at start-up, clearing records a previous run with the same `nodeId` left behind.
 */
export async function evictNode(ctx: ServerContext, nodeId: string): Promise<number> {
  const stale = await ctx.store.listParticipantsByNode(nodeId);
  let removed = 0;
  const meetings = new Set<string>();
  for (const p of stale) {
    if (!(await ctx.store.removeParticipant(p.meetingId, p.id))) continue;
    removed += 1;
    meetings.add(p.meetingId);
    ctx.nsp.to(meetingRoom(p.meetingId)).emit('participant-left', { participantId: p.id, reason: 'disconnected' });
    ctx.metrics.left('disconnected');
  }
  for (const meetingId of meetings) await ctx.lifecycle.afterLeave(meetingId);
  if (removed > 0) ctx.logger.warn({ nodeId, removed }, 'evicted participants of a gone node');
  return removed;
}
