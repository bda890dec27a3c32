import { admittedRecord, copyParticipant, findWaiting, markAdmitted, seatsTaken, standingOf, type MeetingEntry } from './memory-entry';
import type { AdmitResult, AdmitTarget, KnockOptions, KnockResult, ParticipantRecord, WaitingRecord } from './room-store';

/*
 * The waiting room of one in-memory meeting (a meeting that exists and, except for leaving, is
 * not ended): what `MemoryRoomStore` does in one synchronous step, so nothing interleaves.
 */

/** The waiting room, longest waiting first (the stored entries, not copies). */
export const waitingList = (entry: MeetingEntry): WaitingRecord[] => [...entry.waiting.values()].sort((a, b) => a.since - b.since);

/** Puts `record` in the waiting room, or says why not (see `RoomStore.knock`). */
export function knockInto(entry: MeetingEntry, record: ParticipantRecord, options: KnockOptions): KnockResult {
  const { now } = options;
  const standing = standingOf(entry, record.userId);
  if (standing.removed) return { ok: false, reason: 'removed-from-meeting' };
  if ((standing.denials ?? 0) >= options.maxDenials) return { ok: false, reason: 'admission-denied' };
  if (standing.deniedAt !== undefined && now - standing.deniedAt < options.denialCooldownMs) {
    return { ok: false, reason: 'admission-denied', retryAfterMs: standing.deniedAt + options.denialCooldownMs - now };
  }
  if (entry.record.locked) return { ok: false, reason: 'meeting-locked' };
  const replaced = entry.waiting.get(record.userId);
  // Their place is kept while they wait (another tab) and for the grace after they stopped (a reload).
  const keptPlace =
    standing.waitingSince !== undefined && (replaced || (standing.waitLeftAt !== undefined && now - standing.waitLeftAt <= options.graceMs));
  const since = keptPlace ? (standing.waitingSince as number) : now;
  standing.waitingSince = since;
  delete standing.waitLeftAt;
  const waiting: WaitingRecord = { ...copyParticipant(record), since };
  entry.waiting.set(record.userId, waiting);
  return { ok: true, entry: copyParticipant(waiting), ...(replaced ? { replaced: copyParticipant(replaced) } : {}) };
}

/** Takes someone out of the waiting room; their user keeps the place for the grace. */
export function leaveWaitingOf(entry: MeetingEntry, participantId: string, leftAt: number): WaitingRecord | undefined {
  const found = findWaiting(entry, participantId);
  if (!found) return undefined;
  entry.waiting.delete(found.userId);
  standingOf(entry, found.userId).waitLeftAt = leftAt;
  return copyParticipant(found);
}

/** Lets waiting people in, longest waiting first, as many as there are seats. */
export function admitFrom(entry: MeetingEntry, target: AdmitTarget, options: { maxParticipants: number; now: number }): AdmitResult {
  const chosen = 'all' in target ? waitingList(entry) : [findWaiting(entry, target.participantId)].filter((w): w is WaitingRecord => w !== undefined);
  const admitted: AdmitResult['admitted'] = [];
  let free = options.maxParticipants - seatsTaken(entry);
  for (const w of chosen) {
    if (w.role !== 'host' && free <= 0) return { admitted, full: true };
    if (w.role !== 'host') free -= 1;
    entry.waiting.delete(w.userId);
    const record = admittedRecord(w, options.now);
    entry.participants.set(record.id, record);
    admitted.push({ participant: copyParticipant(record), admittedAt: markAdmitted(entry, w.userId, options.now) });
  }
  return { admitted, full: false };
}

/** Refuses a waiting person and counts the denial for their user. */
export function denyFrom(entry: MeetingEntry, participantId: string, now: number): WaitingRecord | undefined {
  const found = findWaiting(entry, participantId);
  if (!found) return undefined;
  entry.waiting.delete(found.userId);
  const standing = standingOf(entry, found.userId);
  standing.denials = (standing.denials ?? 0) + 1;
  standing.deniedAt = now;
  delete standing.waitingSince;
  delete standing.waitLeftAt;
  return copyParticipant(found);
}
