import type { ConnectionState, MeetingSnapshot, Participant, PeerState } from './types';

/** The local participant's `peerState` mirrors the meeting connection. */
export function peerStateOfConnection(connection: ConnectionState): PeerState {
  switch (connection) {
    case 'idle':
      return 'new';
    case 'disconnected':
      return 'closed';
    default:
      return connection;
  }
}

function byJoinOrder(a: Participant, b: Participant): number {
  if (a.joinedAt !== b.joinedAt) return a.joinedAt - b.joinedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Recompute derived fields (`participants`, `remoteParticipants`, `participantCount`) when
 * `remotes` or `localParticipant` changed between `prev` and `next`. Called once per state
 * change, so `getSnapshot()` never allocates.
 */
export function withDerived(prev: MeetingSnapshot, next: MeetingSnapshot): MeetingSnapshot {
  if (next === prev) return prev;
  if (next.remotes === prev.remotes && next.localParticipant === prev.localParticipant) {
    return next;
  }
  const remoteParticipants =
    next.remotes === prev.remotes ? prev.remoteParticipants : Object.values(next.remotes).sort(byJoinOrder);
  const participants = next.localParticipant ? [next.localParticipant, ...remoteParticipants] : remoteParticipants;
  return { ...next, remoteParticipants, participants, participantCount: participants.length };
}
