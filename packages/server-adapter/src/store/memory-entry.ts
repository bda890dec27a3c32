import type { ChatRecord, MeetingRecord, ParticipantRecord, WaitingRecord } from './room-store';

/**
 * Where one user stands with one meeting, beyond their current session: when they were first
 * let in, when they left (the grace period), whether a host removed them, their denials, and
 * their place in the waiting room across a reload.
 */
export interface Standing {
  /** Epoch ms they were first let in. */
  admittedAt?: number;
  /** Epoch ms their last session left (absent while they are in). */
  leftAt?: number;
  /** A host removed them: refused until the meeting ends. */
  removed?: boolean;
  denials?: number;
  /** Epoch ms of the last denial. */
  deniedAt?: number;
  /** Their place in the waiting room (`since`), kept while they wait and for the grace after. */
  waitingSince?: number;
  /** Epoch ms they stopped waiting without being let in or denied (left, disconnected). */
  waitLeftAt?: number;
}

/** Everything the in-memory store keeps about one meeting. */
export interface MeetingEntry {
  record: MeetingRecord;
  /** Insertion order is join order. */
  participants: Map<string, ParticipantRecord>;
  /** By user id: one entry per user. */
  waiting: Map<string, WaitingRecord>;
  /** By user id. */
  people: Map<string, Standing>;
  chat: ChatRecord[];
  tombstoneTimer?: ReturnType<typeof setTimeout>;
}

/** Copies so callers can never mutate stored state by accident. */
export const copyParticipant = <T extends ParticipantRecord>(p: T): T => ({ ...p, media: { ...p.media } });
export const copyMeeting = (m: MeetingRecord): MeetingRecord => ({ ...m });

/** The standing of `userId`, created empty when missing. */
export function standingOf(entry: MeetingEntry, userId: string): Standing {
  let standing = entry.people.get(userId);
  if (!standing) {
    standing = {};
    entry.people.set(userId, standing);
  }
  return standing;
}

/** Whether `userId` is in the meeting now, or was let in and left less than `graceMs` before `now`. */
export function isReturning(entry: MeetingEntry, userId: string, now: number, graceMs: number): boolean {
  for (const p of entry.participants.values()) if (p.userId === userId) return true;
  const s = entry.people.get(userId);
  if (s?.admittedAt === undefined) return false;
  return s.leftAt === undefined || now - s.leftAt <= graceMs;
}

/** Non-host participants, minus the sessions of `exceptUserId`. */
export function seatsTaken(entry: MeetingEntry, exceptUserId?: string): number {
  let count = 0;
  for (const p of entry.participants.values()) if (p.role !== 'host' && p.userId !== exceptUserId) count += 1;
  return count;
}

/** Marks `userId` as let in at `now` (the first time only) and in; returns their first admission time. */
export function markAdmitted(entry: MeetingEntry, userId: string, now: number): number {
  const standing = standingOf(entry, userId);
  standing.admittedAt ??= now;
  delete standing.leftAt;
  delete standing.waitingSince;
  delete standing.waitLeftAt;
  return standing.admittedAt;
}

/** The waiting entry whose participant id is `participantId`. */
export function findWaiting(entry: MeetingEntry, participantId: string): WaitingRecord | undefined {
  for (const w of entry.waiting.values()) if (w.id === participantId) return w;
  return undefined;
}

/** The participant record a waiting entry becomes on admission. */
export function admittedRecord(w: WaitingRecord, joinedAt: number): ParticipantRecord {
  const { since: _since, ...record } = w;
  return { ...record, media: { ...record.media }, joinedAt };
}
