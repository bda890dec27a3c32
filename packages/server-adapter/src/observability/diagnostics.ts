/**
 * What one attached server holds right now, structure by structure: every per-meeting,
 * per-user and per-socket record it keeps in memory. With nobody connected and every meeting
 * ended and forgotten, each count is 0 — a count that stays above 0 then is a leak.
 *
 * @example
 * ```ts
 * const { sockets, rooms, storedMeetings } = meetings.diagnostics();
 * ```
 */
export interface MeetingsServerDiagnostics {
  /** Connected `/meetings` sockets on this node. */
  sockets: number;
  /** Socket.IO rooms of the namespace on this node (each socket's own room, meetings, hosts, waiting rooms, sessions). */
  rooms: number;
  /** Per-socket event lanes (ordering queues), one per connected socket. */
  socketLanes: number;
  /** Token-expiry timers, one per connected socket whose token expires. */
  tokenTimers: number;
  /** Per-user and per-address event and join budgets still held (idle, full ones are forgotten). */
  clientBudgets: number;
  /** Meetings with participants on this node. */
  localMeetings: number;
  /** Participant sessions on this node. */
  localParticipants: number;
  /** Scheduled-end and empty-meeting timers on this node. */
  meetingTimers: number;
  /** Meetings whose members on other nodes are cached (a shared store only). */
  remoteDirectory: number;
  /** Meeting rooms watched by joins in flight (from a join's seat step until its socket is in the room). */
  watchedRooms: number;
  /**
   * Meetings in the in-memory store, ended ones kept as tombstones for `endedMeetingRetentionMs`
   * included; `undefined` with any other store (its records live outside this process).
   */
  storedMeetings: number | undefined;
}
