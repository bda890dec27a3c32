import type {
  ChatMessage,
  MediaState,
  MeetingEndReason,
  MeetingStatus,
  ParticipantInfo,
} from '@mentara/meetings-core/protocol';

/** A value or a promise of it: the in-memory store answers synchronously, Redis asynchronously. */
export type MaybePromise<T> = T | Promise<T>;

/** One participant session as the store keeps it: the public record plus routing data. */
export interface ParticipantRecord extends ParticipantInfo {
  meetingId: string;
  /** Id of the server node holding this participant's socket (for cleanup after a node dies). */
  nodeId: string;
  /** Socket.IO socket id of the session. */
  socketId: string;
}

/** A meeting as the store keeps it. */
export interface MeetingRecord {
  meetingId: string;
  status: MeetingStatus;
  /** Epoch ms the record was created (first join or `createMeeting`). */
  createdAt: number;
  startedAt?: number;
  /** Epoch ms of the scheduled end, when there is one. */
  endsAt?: number;
  endedAt?: number;
  endReason?: MeetingEndReason;
  locked: boolean;
}

/** Initial values for a meeting record that does not exist yet. */
export interface MeetingInit {
  meetingId: string;
  createdAt: number;
  endsAt?: number;
}

/** Options of the atomic add-with-cap. */
export interface AddParticipantOptions {
  /** Refuse when the meeting already holds this many participants (not counting `replaceParticipantId`). */
  maxParticipants: number;
  /**
   * A stale session of the same user to remove in the same atomic step. Ignored unless that
   * record exists in the meeting and has the same `userId`.
   */
  replaceParticipantId?: string;
}

/** Result of {@link RoomStore.addParticipant}. */
export type AddParticipantResult =
  | {
      ok: true;
      participant: ParticipantRecord;
      /** Everyone else in the meeting after the add, oldest first. */
      others: ParticipantRecord[];
      /** The stale session that was removed, when one was replaced. */
      replaced?: ParticipantRecord;
    }
  | { ok: false; reason: 'meeting-full' | 'meeting-ended' | 'meeting-not-found' };

/** Mutable fields of a participant. */
export interface ParticipantPatch {
  media?: MediaState;
  ready?: boolean;
}

/**
 * Where meeting state lives. Every method may answer synchronously or with a promise, so one
 * server works unchanged on the in-memory store (single node) and on a shared store such as
 * Redis (several nodes). Every mutation must be atomic with respect to other nodes.
 */
export interface RoomStore {
  /** Creates the meeting record when it does not exist; returns the (possibly existing) record. */
  ensureMeeting(init: MeetingInit): MaybePromise<MeetingRecord>;
  /** The meeting record, or `undefined` when unknown (or its ended tombstone expired). */
  getMeeting(meetingId: string): MaybePromise<MeetingRecord | undefined>;
  /** Sets or clears the scheduled end of a meeting that is not ended. */
  setMeetingEndsAt(meetingId: string, endsAt: number | undefined): MaybePromise<MeetingRecord | undefined>;
  /**
   * Compare-and-set `waiting → active`. Returns the record when THIS call started the meeting,
   * `undefined` otherwise (already active, ended, or unknown) — so exactly one node announces it.
   */
  startMeeting(meetingId: string, startedAt: number): MaybePromise<MeetingRecord | undefined>;
  /**
   * Compare-and-set `* → ended`: removes every participant and the chat history, keeps a
   * tombstone for `retainMs` so the meeting cannot be joined again. Returns the removed
   * participants when THIS call ended the meeting, `undefined` when it was already ended or unknown.
   */
  endMeeting(
    meetingId: string,
    end: { reason: MeetingEndReason; endedAt: number; retainMs: number },
  ): MaybePromise<ParticipantRecord[] | undefined>;
  /** Forgets a meeting entirely (record, participants, chat). */
  deleteMeeting(meetingId: string): MaybePromise<void>;

  /**
   * Atomically: checks the meeting exists and is not ended, removes `replaceParticipantId`
   * when it belongs to the same user, checks the cap, and adds the participant.
   */
  addParticipant(record: ParticipantRecord, options: AddParticipantOptions): MaybePromise<AddParticipantResult>;
  /** Removes a participant; returns the removed record, or `undefined` when it was not there. */
  removeParticipant(meetingId: string, participantId: string): MaybePromise<ParticipantRecord | undefined>;
  getParticipant(meetingId: string, participantId: string): MaybePromise<ParticipantRecord | undefined>;
  /** Participants of a meeting, oldest first. */
  listParticipants(meetingId: string): MaybePromise<ParticipantRecord[]>;
  /** Applies a patch; returns the updated record, or `undefined` when the participant is gone. */
  updateParticipant(
    meetingId: string,
    participantId: string,
    patch: ParticipantPatch,
  ): MaybePromise<ParticipantRecord | undefined>;
  /** Every participant whose socket lives on `nodeId` (to clean up after that node died). */
  listParticipantsByNode(nodeId: string): MaybePromise<ParticipantRecord[]>;

  /**
   * Appends a chat message and trims the history to the newest `maxHistory` messages.
   * Returns `false` when the meeting is unknown or ended (the message is not stored).
   */
  appendChat(meetingId: string, message: ChatMessage, maxHistory: number): MaybePromise<boolean>;
  /** Chat history, oldest first. */
  listChat(meetingId: string): MaybePromise<ChatMessage[]>;

  /** Releases timers and connections the store holds. Idempotent. */
  close(): MaybePromise<void>;
}
