import type { ChatMessage, MeetingEndReason } from '@mentara/meetings-core/protocol';
import type {
  AddParticipantOptions,
  AddParticipantResult,
  MeetingInit,
  MeetingRecord,
  ParticipantPatch,
  ParticipantRecord,
  RoomStore,
} from './room-store';

interface MeetingEntry {
  record: MeetingRecord;
  /** Insertion order is join order. */
  participants: Map<string, ParticipantRecord>;
  chat: ChatMessage[];
  tombstoneTimer?: ReturnType<typeof setTimeout>;
}

/** Copies so callers can never mutate stored state by accident. */
const copyParticipant = (p: ParticipantRecord): ParticipantRecord => ({ ...p, media: { ...p.media } });
const copyMeeting = (m: MeetingRecord): MeetingRecord => ({ ...m });

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

  ensureMeeting(init: MeetingInit): MeetingRecord {
    let entry = this.#meetings.get(init.meetingId);
    if (!entry) {
      const record: MeetingRecord = {
        meetingId: init.meetingId,
        status: 'waiting',
        createdAt: init.createdAt,
        locked: false,
        ...(init.endsAt !== undefined ? { endsAt: init.endsAt } : {}),
      };
      entry = { record, participants: new Map(), chat: [] };
      this.#meetings.set(init.meetingId, entry);
    }
    return copyMeeting(entry.record);
  }

  getMeeting(meetingId: string): MeetingRecord | undefined {
    const entry = this.#meetings.get(meetingId);
    return entry ? copyMeeting(entry.record) : undefined;
  }

  setMeetingEndsAt(meetingId: string, endsAt: number | undefined): MeetingRecord | undefined {
    const entry = this.#meetings.get(meetingId);
    if (!entry || entry.record.status === 'ended') return undefined;
    if (endsAt === undefined) delete entry.record.endsAt;
    else entry.record.endsAt = endsAt;
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
    const entry = this.#meetings.get(meetingId);
    if (!entry || entry.record.status === 'ended') return undefined;
    const removed = [...entry.participants.values()];
    entry.participants.clear();
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
    const stale = options.replaceParticipantId
      ? entry.participants.get(options.replaceParticipantId)
      : undefined;
    const replaced = stale && stale.userId === record.userId ? stale : undefined;
    const count = entry.participants.size - (replaced ? 1 : 0);
    if (count >= options.maxParticipants) return { ok: false, reason: 'meeting-full' };
    if (replaced) entry.participants.delete(replaced.id);
    entry.participants.set(record.id, copyParticipant(record));
    const others = [...entry.participants.values()].filter((p) => p.id !== record.id).map(copyParticipant);
    return {
      ok: true,
      participant: copyParticipant(record),
      others,
      ...(replaced ? { replaced: copyParticipant(replaced) } : {}),
    };
  }

  removeParticipant(meetingId: string, participantId: string): ParticipantRecord | undefined {
    const entry = this.#meetings.get(meetingId);
    const found = entry?.participants.get(participantId);
    if (!entry || !found) return undefined;
    entry.participants.delete(participantId);
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

  appendChat(meetingId: string, message: ChatMessage, maxHistory: number): boolean {
    const entry = this.#meetings.get(meetingId);
    if (!entry || entry.record.status === 'ended') return false;
    entry.chat.push({ ...message });
    if (entry.chat.length > maxHistory) entry.chat.splice(0, entry.chat.length - maxHistory);
    return true;
  }

  listChat(meetingId: string): ChatMessage[] {
    return (this.#meetings.get(meetingId)?.chat ?? []).map((m) => ({ ...m }));
  }

  close(): void {
    for (const entry of this.#meetings.values()) if (entry.tombstoneTimer) clearTimeout(entry.tombstoneTimer);
    this.#meetings.clear();
  }
}
