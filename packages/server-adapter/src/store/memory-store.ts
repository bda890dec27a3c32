import type { MeetingEndReason } from '@mentara/meetings-core/protocol';
import { initialMeetingRecord } from './meeting-record';
import { copyMeeting, copyParticipant, isReturning, markAdmitted, seatsTaken, type MeetingEntry } from './memory-entry';
import { admitFrom, denyFrom, knockInto, leaveWaitingOf, waitingList } from './memory-waiting';
import type {
  AddParticipantOptions,
  AddParticipantResult,
  AdmitResult,
  AdmitTarget,
  ChatRecord,
  KnockOptions,
  KnockResult,
  MeetingInit,
  MeetingRecord,
  MeetingView,
  MeetingViewOptions,
  ParticipantPatch,
  ParticipantRecord,
  RoomStore,
  WaitingRecord,
} from './room-store';

/**
 * The reference {@link RoomStore}: everything in one process's memory. Suitable for a single
 * server node (the deployment guide's "< 50 concurrent meetings"); use a shared store for several.
 *
 * @example
 * ```ts
 * const store = new MemoryRoomStore();
 * attachMeetings(httpServer, { store, auth: { secret } });
 * ```
 */
export class MemoryRoomStore implements RoomStore {
  readonly #meetings = new Map<string, MeetingEntry>();

  /** The entry of a meeting that exists and is not ended. */
  #open(meetingId: string): MeetingEntry | undefined {
    const entry = this.#meetings.get(meetingId);
    return entry && entry.record.status !== 'ended' ? entry : undefined;
  }

  ensureMeeting(init: MeetingInit): MeetingRecord {
    let entry = this.#meetings.get(init.meetingId);
    if (!entry) {
      entry = { record: initialMeetingRecord(init), participants: new Map(), waiting: new Map(), people: new Map(), chat: [] };
      this.#meetings.set(init.meetingId, entry);
    } else if (entry.record.status !== 'ended') {
      // A schedule the first token did not carry fills in; an existing one is never overwritten.
      if (entry.record.startsAt === undefined && init.startsAt !== undefined) entry.record.startsAt = init.startsAt;
      if (entry.record.endsAt === undefined && init.endsAt !== undefined) entry.record.endsAt = init.endsAt;
    }
    return copyMeeting(entry.record);
  }

  getMeeting(meetingId: string): MeetingRecord | undefined {
    const entry = this.#meetings.get(meetingId);
    return entry ? copyMeeting(entry.record) : undefined;
  }

  setMeetingEndsAt(meetingId: string, endsAt: number | undefined): MeetingRecord | undefined {
    const entry = this.#open(meetingId);
    if (!entry) return undefined;
    if (endsAt === undefined) delete entry.record.endsAt;
    else entry.record.endsAt = endsAt;
    return copyMeeting(entry.record);
  }

  extendMeeting(meetingId: string, byMs: number, now: number): MeetingRecord | undefined {
    const entry = this.#open(meetingId);
    if (!entry) return undefined;
    entry.record.endsAt = Math.max(entry.record.endsAt ?? now, now) + byMs;
    return copyMeeting(entry.record);
  }

  setMeetingLocked(meetingId: string, locked: boolean): MeetingRecord | undefined {
    const entry = this.#open(meetingId);
    if (!entry) return undefined;
    entry.record.locked = locked;
    return copyMeeting(entry.record);
  }

  startMeeting(meetingId: string, startedAt: number): MeetingRecord | undefined {
    const entry = this.#meetings.get(meetingId);
    if (!entry || entry.record.status !== 'waiting') return undefined;
    entry.record.status = 'active';
    entry.record.startedAt = startedAt;
    return copyMeeting(entry.record);
  }

  endMeeting(
    meetingId: string,
    end: { reason: MeetingEndReason; endedAt: number; retainMs: number },
  ): ParticipantRecord[] | undefined {
    const entry = this.#open(meetingId);
    if (!entry) return undefined;
    const removed = [...entry.participants.values()];
    entry.participants.clear();
    entry.waiting.clear();
    entry.people.clear();
    entry.chat = [];
    entry.record.status = 'ended';
    entry.record.endedAt = end.endedAt;
    entry.record.endReason = end.reason;
    // The tombstone refuses late joins for a while, then the meeting is forgotten.
    entry.tombstoneTimer = setTimeout(() => {
      if (this.#meetings.get(meetingId) === entry) this.#meetings.delete(meetingId);
    }, end.retainMs);
    entry.tombstoneTimer.unref?.();
    return removed;
  }

  deleteMeeting(meetingId: string): void {
    const entry = this.#meetings.get(meetingId);
    if (entry?.tombstoneTimer) clearTimeout(entry.tombstoneTimer);
    this.#meetings.delete(meetingId);
  }

  addParticipant(record: ParticipantRecord, options: AddParticipantOptions): AddParticipantResult {
    const entry = this.#meetings.get(record.meetingId);
    if (!entry) return { ok: false, reason: 'meeting-not-found' };
    if (entry.record.status === 'ended') return { ok: false, reason: 'meeting-ended' };
    const { userId } = record;
    const now = options.now ?? record.joinedAt;
    if (entry.people.get(userId)?.removed) return { ok: false, reason: 'removed-from-meeting' };
    const isHost = record.role === 'host';
    const returning = isReturning(entry, userId, now, options.graceMs ?? 0);
    if (!isHost && options.admit === 'returning' && !returning) return { ok: false, reason: 'not-admitted' };
    if (!isHost && entry.record.locked && !returning) return { ok: false, reason: 'meeting-locked' };
    if (!isHost && seatsTaken(entry, userId) >= options.maxParticipants) return { ok: false, reason: 'meeting-full' };
    // One seat per user: any session of the same user is replaced (deleting while iterating a Map is safe).
    let replaced: ParticipantRecord | undefined;
    for (const p of entry.participants.values()) {
      if (p.userId !== userId || p.id === record.id) continue;
      entry.participants.delete(p.id);
      replaced = p;
    }
    const replacedWaiting = entry.waiting.get(userId);
    entry.waiting.delete(userId);
    const others: ParticipantRecord[] = [];
    for (const p of entry.participants.values()) if (p.id !== record.id) others.push(copyParticipant(p));
    entry.participants.set(record.id, copyParticipant(record));
    const admittedAt = markAdmitted(entry, userId, now);
    // The caller's own record back: the stored one is a copy, so nothing stored is shared.
    const added: AddParticipantResult = { ok: true, participant: record, others, admittedAt };
    if (replaced) added.replaced = copyParticipant(replaced);
    if (replacedWaiting) added.replacedWaiting = copyParticipant(replacedWaiting);
    return added;
  }

  removeParticipant(meetingId: string, participantId: string, leftAt?: number): ParticipantRecord | undefined {
    const entry = this.#meetings.get(meetingId);
    const found = entry?.participants.get(participantId);
    if (!entry || !found) return undefined;
    entry.participants.delete(participantId);
    const standing = entry.people.get(found.userId);
    if (standing && leftAt !== undefined) standing.leftAt = leftAt;
    return copyParticipant(found);
  }

  banParticipant(meetingId: string, participantId: string): ParticipantRecord | undefined {
    const entry = this.#open(meetingId);
    const found = entry?.participants.get(participantId);
    if (!entry || !found) return undefined;
    entry.participants.delete(participantId);
    entry.waiting.delete(found.userId);
    entry.people.set(found.userId, { removed: true });
    return copyParticipant(found);
  }

  getParticipant(meetingId: string, participantId: string): ParticipantRecord | undefined {
    const found = this.#meetings.get(meetingId)?.participants.get(participantId);
    return found ? copyParticipant(found) : undefined;
  }

  listParticipants(meetingId: string): ParticipantRecord[] {
    const entry = this.#meetings.get(meetingId);
    return entry ? [...entry.participants.values()].map(copyParticipant) : [];
  }

  updateParticipant(meetingId: string, participantId: string, patch: ParticipantPatch): ParticipantRecord | undefined {
    const found = this.#meetings.get(meetingId)?.participants.get(participantId);
    if (!found) return undefined;
    if (patch.media) found.media = { ...patch.media };
    if (patch.ready !== undefined) found.ready = patch.ready;
    return copyParticipant(found);
  }

  listParticipantsByNode(nodeId: string): ParticipantRecord[] {
    const out: ParticipantRecord[] = [];
    for (const entry of this.#meetings.values()) {
      for (const p of entry.participants.values()) if (p.nodeId === nodeId) out.push(copyParticipant(p));
    }
    return out;
  }

  knock(record: ParticipantRecord, options: KnockOptions): KnockResult {
    const entry = this.#meetings.get(record.meetingId);
    if (!entry) return { ok: false, reason: 'meeting-not-found' };
    if (entry.record.status === 'ended') return { ok: false, reason: 'meeting-ended' };
    return knockInto(entry, record, options);
  }

  listWaiting(meetingId: string): WaitingRecord[] {
    const entry = this.#meetings.get(meetingId);
    return entry ? waitingList(entry).map(copyParticipant) : [];
  }

  leaveWaiting(meetingId: string, participantId: string, leftAt: number): WaitingRecord | undefined {
    const entry = this.#meetings.get(meetingId);
    return entry && leaveWaitingOf(entry, participantId, leftAt);
  }

  admitWaiting(meetingId: string, target: AdmitTarget, options: { maxParticipants: number; now: number }): AdmitResult {
    const entry = this.#open(meetingId);
    return entry ? admitFrom(entry, target, options) : { admitted: [], full: false };
  }

  denyWaiting(meetingId: string, participantId: string, now: number): WaitingRecord | undefined {
    const entry = this.#open(meetingId);
    return entry && denyFrom(entry, participantId, now);
  }

  listWaitingByNode(nodeId: string): WaitingRecord[] {
    const out: WaitingRecord[] = [];
    for (const entry of this.#meetings.values()) {
      for (const w of entry.waiting.values()) if (w.nodeId === nodeId) out.push(copyParticipant(w));
    }
    return out;
  }

  appendChat(meetingId: string, message: ChatRecord, maxHistory: number): boolean {
    const entry = this.#open(meetingId);
    if (!entry) return false;
    entry.chat.push({ ...message });
    if (entry.chat.length > maxHistory) entry.chat.splice(0, entry.chat.length - maxHistory);
    return true;
  }

  listChat(meetingId: string): ChatRecord[] {
    return (this.#meetings.get(meetingId)?.chat ?? []).map((m) => ({ ...m }));
  }

  readMeetingView(meetingId: string, include: MeetingViewOptions): MeetingView {
    const entry = this.#meetings.get(meetingId);
    if (!entry) return { meeting: undefined, participants: [], chat: [], waiting: [] };
    return {
      meeting: copyMeeting(entry.record),
      participants: [...entry.participants.values()].map(copyParticipant),
      chat: include.chat ? entry.chat.map((m) => ({ ...m })) : [],
      waiting: include.waiting ? waitingList(entry).map(copyParticipant) : [],
    };
  }

  /**
   * How many meetings the store holds, ended ones kept as tombstones included (each forgotten
   * `endedMeetingRetentionMs` after it ended).
   */
  get size(): number {
    return this.#meetings.size;
  }

  close(): void {
    for (const entry of this.#meetings.values()) if (entry.tombstoneTimer) clearTimeout(entry.tombstoneTimer);
    this.#meetings.clear();
  }
}
