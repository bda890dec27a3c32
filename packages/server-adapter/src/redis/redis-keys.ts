/**
 * Key layout of the Redis room store. Every key of one meeting shares the hash tag
 * `{meetingId}`, so a meeting's Lua scripts touch one slot; the per-node indexes and the
 * node registry are separate keys (standalone Redis or Sentinel; see docs/scaling.md).
 */
export interface RedisKeys {
  /** Hash: `record` (meeting JSON) and `joins` (join counter that orders participants). */
  meeting(meetingId: string): string;
  /** Hash: participant id → participant JSON. */
  participants(meetingId: string): string;
  /** Sorted set: participant id scored by join order. */
  order(meetingId: string): string;
  /** List of chat message JSON, oldest first. */
  chat(meetingId: string): string;
  /** Hash: user id → waiting entry JSON (one entry per user). */
  waiting(meetingId: string): string;
  /** Hash: user id → standing JSON (first admission, left at, removed, denials, place in the waiting room). */
  people(meetingId: string): string;
  /** Set of `meetingId \n participantId` for every participant whose socket lives on `nodeId`. */
  nodeParticipants(nodeId: string): string;
  /** Set of `meetingId \n userId` for every waiting entry whose socket lives on `nodeId`. */
  nodeWaiting(nodeId: string): string;
  /** Key with a TTL that exists while `nodeId` is alive. */
  nodeAlive(nodeId: string): string;
  /** Lock held by the node that sweeps a dead node. */
  nodeSweep(nodeId: string): string;
  /** Set of every node id that registered. */
  nodes(): string;
  /** The raw prefix, for Lua scripts that build keys themselves. */
  readonly prefix: string;
}

/** Default prefix of every key the store writes. */
export const DEFAULT_KEY_PREFIX = 'mentara:meetings:';

/** Builds the key layout for a prefix. */
export function redisKeys(prefix: string = DEFAULT_KEY_PREFIX): RedisKeys {
  const m = (meetingId: string): string => `${prefix}{${meetingId}}`;
  return {
    prefix,
    meeting: (id) => `${m(id)}:meeting`,
    participants: (id) => `${m(id)}:participants`,
    order: (id) => `${m(id)}:order`,
    chat: (id) => `${m(id)}:chat`,
    waiting: (id) => `${m(id)}:waiting`,
    people: (id) => `${m(id)}:people`,
    nodeParticipants: (nodeId) => `${prefix}node:${nodeId}:participants`,
    nodeWaiting: (nodeId) => `${prefix}node:${nodeId}:waiting`,
    nodeAlive: (nodeId) => `${prefix}node:${nodeId}:alive`,
    nodeSweep: (nodeId) => `${prefix}node:${nodeId}:sweep`,
    nodes: () => `${prefix}nodes`,
  };
}
