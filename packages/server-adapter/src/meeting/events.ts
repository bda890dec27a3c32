import type { MeetingEndReason, ParticipantLeftReason, ParticipantRole } from '@mentara/meetings-core/protocol';
import type { ParticipantRecord, WaitingRecord } from '../store/room-store';

/** Who took part, as an audit log or a webhook would record it (no routing data). */
export interface ParticipantSummary {
  participantId: string;
  userId: string;
  displayName: string;
  role: ParticipantRole;
  /** Epoch ms. */
  joinedAt: number;
}

/** Someone in a waiting room, as an audit log or a webhook would record it. */
export interface WaitingSummary {
  participantId: string;
  userId: string;
  displayName: string;
  role: ParticipantRole;
  /** Epoch ms they started waiting. */
  since: number;
}

/**
 * What happens to meetings, each announced exactly once across all nodes: by the node whose
 * store operation made it happen (the store's compare-and-set decides).
 */
export interface MeetingEventMap {
  /** Someone knocked: they are in the waiting room (hosts were told). */
  'participant-waiting': {
    meetingId: string;
    participant: WaitingSummary;
    /** The same user's earlier waiting entry (another socket) this one replaced. */
    replacedParticipantId?: string;
  };
  /** A host let someone in from the waiting room (`participant-joined` follows). */
  'participant-admitted': { meetingId: string; participant: ParticipantSummary; /** Participant id of the host. */ by: string };
  /** A host refused someone in the waiting room. */
  'participant-denied': { meetingId: string; participant: WaitingSummary; by: string; /** Epoch ms. */ deniedAt: number };
  /** Someone stopped waiting before a host decided (left, or disconnected). */
  'waiting-left': {
    meetingId: string;
    participant: WaitingSummary;
    reason: ParticipantLeftReason;
    /** Epoch ms. */
    leftAt: number;
    waitedMs: number;
  };
  /** A host removed someone; they cannot come back until the meeting ends (`participant-left` follows). */
  'participant-removed': { meetingId: string; participant: ParticipantSummary; by: string; /** Epoch ms. */ removedAt: number };
  /** A host locked or unlocked the meeting. */
  'meeting-locked': { meetingId: string; locked: boolean; by: string };
  /** A host moved the scheduled end. */
  'meeting-extended': { meetingId: string; /** Epoch ms of the new end. */ endsAt: number; by: string };
  'participant-joined': {
    meetingId: string;
    participant: ParticipantSummary;
    /** The stale session of the same user this join replaced (it also gets `participant-left`). */
    replacedParticipantId?: string;
  };
  'participant-left': {
    meetingId: string;
    participant: ParticipantSummary;
    reason: ParticipantLeftReason;
    /** Epoch ms. */
    leftAt: number;
    /** Time in the meeting. */
    durationMs: number;
  };
  'meeting-started': {
    meetingId: string;
    /** Epoch ms. */
    startedAt: number;
    /** Who was there when it started. */
    participants: ParticipantSummary[];
  };
  'meeting-ended': {
    meetingId: string;
    reason: MeetingEndReason;
    /** Epoch ms. */
    endedAt: number;
    /** Epoch ms; absent when the meeting never started (ended while waiting). */
    startedAt?: number;
    /** From start to end; absent when the meeting never started. */
    durationMs?: number;
    /** Who was still there when it ended (each also gets `participant-left`, reason `meeting-ended`). */
    participants: ParticipantSummary[];
  };
}

/** Name of a meeting event. */
export type MeetingEventName = keyof MeetingEventMap;

/** A subscriber; a returned promise is awaited by nobody, but its rejection is reported. */
export type MeetingEventListener<E extends MeetingEventName> = (event: MeetingEventMap[E]) => void | Promise<void>;

/**
 * The seam between what happens in meetings and who wants to know (metrics, logs, webhooks):
 * handlers and the lifecycle emit, subscribers listen, neither knows the other.
 */
export interface MeetingEvents {
  /** Subscribes; returns the unsubscribe function. */
  on<E extends MeetingEventName>(name: E, listener: MeetingEventListener<E>): () => void;
  /** Calls every subscriber of `name`, in subscription order; a failing one never stops the rest. */
  emit<E extends MeetingEventName>(name: E, event: MeetingEventMap[E]): void;
  /** Whether anyone subscribes to `name`: an event that needs a store read is built only then. */
  listens(name: MeetingEventName): boolean;
}

/** Creates an event bus; `onListenerError` hears every subscriber that throws or rejects. */
export function createMeetingEvents(onListenerError: (error: unknown, name: MeetingEventName) => void): MeetingEvents {
  const listeners = new Map<MeetingEventName, Set<MeetingEventListener<never>>>();
  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      const entry = listener as MeetingEventListener<never>;
      set.add(entry);
      return () => void set.delete(entry);
    },
    listens: (name) => (listeners.get(name)?.size ?? 0) > 0,
    emit(name, event) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          const result = (listener as MeetingEventListener<typeof name>)(event);
          if (result instanceof Promise) result.catch((error: unknown) => onListenerError(error, name));
        } catch (error) {
          onListenerError(error, name);
        }
      }
    },
  };
}

/** The summary of a participant record. */
export const toParticipantSummary = (p: ParticipantRecord): ParticipantSummary => ({
  participantId: p.id,
  userId: p.userId,
  displayName: p.displayName,
  role: p.role,
  joinedAt: p.joinedAt,
});

/** The summary of a waiting entry. */
export const toWaitingSummary = (w: WaitingRecord): WaitingSummary => ({
  participantId: w.id,
  userId: w.userId,
  displayName: w.displayName,
  role: w.role,
  since: w.since,
});

/** The `participant-left` event of a removed record. */
export const participantLeft = (
  p: ParticipantRecord,
  reason: ParticipantLeftReason,
  leftAt: number,
): MeetingEventMap['participant-left'] => ({
  meetingId: p.meetingId,
  participant: toParticipantSummary(p),
  reason,
  leftAt,
  durationMs: Math.max(0, leftAt - p.joinedAt),
});
