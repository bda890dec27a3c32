import type {
  ChatHistoryPolicy,
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

/**
 * Someone in the waiting room: the participant record they will have once a host lets them in
 * (`joinedAt` is set on admission), and since when they wait.
 */
export interface WaitingRecord extends ParticipantRecord {
  /** Epoch ms they started waiting; kept when the same user knocks again (reload, second tab). */
  since: number;
}

/** A chat message as the store keeps it. */
export interface ChatRecord extends ChatMessage {
  /** User id of the sender: `clientMessageId` de-duplication is per sender. Never sent to clients. */
  senderUserId: string;
}

/** A meeting as the store keeps it. */
export interface MeetingRecord {
  meetingId: string;
  status: MeetingStatus;
  /** Epoch ms the record was created (first join or `createMeeting`). */
  createdAt: number;
  /** Epoch ms of the scheduled start, when there is one (participants may come a margin early). */
  startsAt?: number;
  startedAt?: number;
  /** Epoch ms of the scheduled end, when there is one (hosts may extend it). */
  endsAt?: number;
  endedAt?: number;
  endReason?: MeetingEndReason;
  /** Nobody new may join or knock; hosts still can, people already waiting may still be let in. */
  locked: boolean;
  /** Whether participants wait until a host lets them in; absent: the server's `waitingRoom` option. */
  waitingRoom?: boolean;
  /** Whether people who join later read the chat from before they came; absent: the server's `chatHistory` option. */
  chatHistory?: ChatHistoryPolicy;
}

/** Initial values for a meeting record that does not exist yet. */
export interface MeetingInit {
  meetingId: string;
  createdAt: number;
  startsAt?: number;
  endsAt?: number;
  /** Absent: the server's `waitingRoom` option decides. */
  waitingRoom?: boolean;
  /** Absent: the server's `chatHistory` option decides. */
  chatHistory?: ChatHistoryPolicy;
}

/** Options of the atomic add-with-cap. */
export interface AddParticipantOptions {
  /**
   * Refuse a non-host when the meeting already holds this many non-host participants (not
   * counting a session of the same user, which the add replaces). Hosts never count and are
   * never refused for it.
   */
  maxParticipants: number;
  /**
   * `'direct'`: add (a host, or nobody waits in this meeting for this person).
   * `'returning'`: add only when the same user is in the meeting now (another socket) or was let
   * in and left less than `graceMs` ago; otherwise refuse with `not-admitted` (they knock instead).
   * @default 'direct'
   */
  admit?: 'direct' | 'returning';
  /** How long after leaving a user who was let in still goes straight back in. @default 0 */
  graceMs?: number;
  /** Epoch ms now. @default record.joinedAt */
  now?: number;
}

/** Why the store refused to add a participant. */
export type AddParticipantRefusal =
  | 'meeting-full'
  | 'meeting-ended'
  | 'meeting-not-found'
  | 'meeting-locked'
  | 'removed-from-meeting'
  | 'not-admitted';

/** Result of {@link RoomStore.addParticipant}. */
export type AddParticipantResult =
  | {
      ok: true;
      participant: ParticipantRecord;
      /** Everyone else in the meeting after the add, oldest first. */
      others: ParticipantRecord[];
      /** The session of the same user that was replaced (one seat per user), when there was one. */
      replaced?: ParticipantRecord;
      /** The same user's waiting entry, dropped because they are in now. */
      replacedWaiting?: WaitingRecord;
      /** Epoch ms this user was first let into this meeting (kept across reconnects). */
      admittedAt: number;
    }
  | { ok: false; reason: AddParticipantRefusal };

/** Options of {@link RoomStore.knock}. */
export interface KnockOptions {
  /** Epoch ms now. */
  now: number;
  /** A user who stopped waiting less than this long ago keeps their place (`since`). */
  graceMs: number;
  /** After a denial, the same user is refused for this long. */
  denialCooldownMs: number;
  /** After this many denials, the user is refused until the meeting ends. */
  maxDenials: number;
}

/** Why the store refused a knock. */
export type KnockRefusal = 'meeting-not-found' | 'meeting-ended' | 'meeting-locked' | 'removed-from-meeting' | 'admission-denied';

/** Result of {@link RoomStore.knock}. */
export type KnockResult =
  | {
      ok: true;
      entry: WaitingRecord;
      /** The same user's previous waiting entry (another socket), which this one replaced. */
      replaced?: WaitingRecord;
    }
  | {
      ok: false;
      reason: KnockRefusal;
      /** `admission-denied` during the cool-down after a denial: when knocking may work again. */
      retryAfterMs?: number;
    };

/** Whom {@link RoomStore.admitWaiting} lets in. */
export type AdmitTarget = { participantId: string } | { all: true };

/** Result of {@link RoomStore.admitWaiting}. */
export interface AdmitResult {
  /** Who was let in, longest waiting first, with the time each was first let in. */
  admitted: Array<{ participant: ParticipantRecord; admittedAt: number }>;
  /** Whether someone asked for stayed waiting because there was no seat. */
  full: boolean;
}

/** Mutable fields of a participant. */
export interface ParticipantPatch {
  media?: MediaState;
  ready?: boolean;
}

/** What {@link RoomStore.openAndAddParticipant} decides besides what `addParticipant` does. */
export interface OpenAndAddOptions {
  /** As in {@link AddParticipantOptions}. */
  maxParticipants: number;
  /** As in {@link AddParticipantOptions}. */
  graceMs: number;
  /** Epoch ms now. */
  now: number;
  /** A participant who is not a host and comes more than this many ms before `startsAt` is refused (`meeting-not-started`). */
  earlyJoinMarginMs: number;
  /** Whether this person goes through the meeting's waiting room when it has one (not a host, and their token does not waive it). */
  mayWait: boolean;
  /** Whether a meeting without its own `waitingRoom` setting has one (the server's default). */
  waitingRoomDefault: boolean;
  /**
   * The start policy as a head count: when the seat brings a `waiting` meeting to this many
   * participants (hosts included), the same step starts it (`waiting → active` at `now`, as
   * `startMeeting` does) and says so in `started`. Absent: starting is left to `startMeeting`.
   */
  startAt?: number;
}

/** Why opening the meeting refused a join before any seat was taken. */
export type OpeningRefusal = 'scheduled-end' | 'meeting-ended' | 'meeting-not-started';

/** The meeting as it was opened, and what became of the seat. */
export interface OpenAndAddResult {
  /** The meeting record after opening (created, or with the schedule filled in). */
  meeting: MeetingRecord;
  result: AddParticipantResult | { ok: false; reason: OpeningRefusal };
  /** This step started the meeting (`startAt` reached): `meeting` is the started record. */
  started?: boolean;
}

/** What {@link RoomStore.readMeetingView} includes besides the meeting and its participants. */
export interface MeetingViewOptions {
  /** The chat history, oldest first. */
  chat: boolean;
  /** The waiting room, longest waiting first. */
  waiting: boolean;
}

/** A meeting as one read sees it: what a join answer is built from. */
export interface MeetingView {
  /** The record, or `undefined` when the meeting is unknown. */
  meeting: MeetingRecord | undefined;
  /** Participants, oldest first. */
  participants: ParticipantRecord[];
  /** Chat history, oldest first; empty unless asked for. */
  chat: ChatRecord[];
  /** The waiting room, longest waiting first; empty unless asked for. */
  waiting: WaitingRecord[];
}

/**
 * Where meeting state lives. Every method may answer synchronously or with a promise, so one
 * server works unchanged on the in-memory store (single node) and on a shared store such as
 * Redis (several nodes). Every mutation must be atomic with respect to other nodes.
 *
 * Besides the meeting record, participants and chat, a store keeps the session flow per meeting:
 * the waiting list (one entry per user), and per user when they were first let in and when they
 * left (the grace period), whether a host removed them, and their denials. Ending a meeting
 * clears all of it; only the tombstone stays.
 */
export interface RoomStore {
  /**
   * Creates the meeting record when it does not exist (unlocked; `waitingRoom` and `chatHistory`
   * only when `init` has them). An existing record that is not ended gets the `startsAt` /
   * `endsAt` of `init` it does not have yet; nothing else changes. Returns the record.
   */
  ensureMeeting(init: MeetingInit): MaybePromise<MeetingRecord>;
  /** The meeting record, or `undefined` when unknown (or its ended tombstone expired). */
  getMeeting(meetingId: string): MaybePromise<MeetingRecord | undefined>;
  /** Sets or clears the scheduled end of a meeting that is not ended. */
  setMeetingEndsAt(meetingId: string, endsAt: number | undefined): MaybePromise<MeetingRecord | undefined>;
  /**
   * Moves the scheduled end of a meeting that is not ended `byMs` later: from the current end,
   * or from `now` when it has none or it has passed. Atomic, so two hosts extending both count.
   */
  extendMeeting(meetingId: string, byMs: number, now: number): MaybePromise<MeetingRecord | undefined>;
  /** Locks or unlocks a meeting that is not ended. */
  setMeetingLocked(meetingId: string, locked: boolean): MaybePromise<MeetingRecord | undefined>;
  /**
   * Compare-and-set `waiting → active`. Returns the record when THIS call started the meeting,
   * `undefined` otherwise (already active, ended, or unknown) — so exactly one node announces it.
   */
  startMeeting(meetingId: string, startedAt: number): MaybePromise<MeetingRecord | undefined>;
  /**
   * Compare-and-set `* → ended`: removes every participant, the waiting list, the chat history
   * and every user's standing (removals, denials), and keeps a tombstone for `retainMs` so the
   * meeting cannot be joined again. Returns the removed participants when THIS call ended the
   * meeting, `undefined` when it was already ended or unknown.
   */
  endMeeting(
    meetingId: string,
    end: { reason: MeetingEndReason; endedAt: number; retainMs: number },
  ): MaybePromise<ParticipantRecord[] | undefined>;
  /** Forgets a meeting entirely (record, participants, waiting list, chat, standings). */
  deleteMeeting(meetingId: string): MaybePromise<void>;

  /**
   * Atomically: checks the meeting exists and is not ended, that the user was not removed from
   * it, whether they may come in (`admit`), the lock (only users who were let in and are within
   * the grace pass it, and hosts), and the cap (hosts exempt); then replaces any session of the
   * same user (one seat per user) and adds the participant.
   */
  addParticipant(record: ParticipantRecord, options: AddParticipantOptions): MaybePromise<AddParticipantResult>;
  /**
   * Optional: `ensureMeeting` and `addParticipant` in one atomic step (one round trip on a
   * networked store), with the checks the server makes between them: a meeting whose scheduled
   * end has passed (`scheduled-end`, nothing added: the server ends it), an ended one
   * (`meeting-ended`), a participant too early for its `startsAt` (`meeting-not-started`), and
   * whether the person goes through the waiting room (`admit: 'returning'` when `mayWait` and the
   * meeting's `waitingRoom`, else the default, says so). Without it the server makes the two calls.
   */
  openAndAddParticipant?(init: MeetingInit, record: ParticipantRecord, options: OpenAndAddOptions): MaybePromise<OpenAndAddResult>;
  /**
   * Removes a participant; returns the removed record, or `undefined` when it was not there.
   * With `leftAt`, their user goes straight back in during the grace period from then.
   */
  removeParticipant(meetingId: string, participantId: string, leftAt?: number): MaybePromise<ParticipantRecord | undefined>;
  /**
   * Removes a participant and bars their user from the meeting until it ends (joining and
   * knocking answer `removed-from-meeting`). Returns the removed record.
   */
  banParticipant(meetingId: string, participantId: string): MaybePromise<ParticipantRecord | undefined>;
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
   * Atomically puts someone in the waiting room: refuses when the meeting is unknown, ended or
   * locked, when the user was removed, or was denied too often or too recently; replaces the
   * same user's entry (keeping `since`, also when they stopped waiting within the grace).
   */
  knock(record: ParticipantRecord, options: KnockOptions): MaybePromise<KnockResult>;
  /** The waiting room, longest waiting first. */
  listWaiting(meetingId: string): MaybePromise<WaitingRecord[]>;
  /** Takes someone out of the waiting room (they left or disconnected); returns the entry. */
  leaveWaiting(meetingId: string, participantId: string, leftAt: number): MaybePromise<WaitingRecord | undefined>;
  /**
   * Atomically lets waiting people in, longest waiting first, as many as there are seats
   * (`maxParticipants` non-hosts); the lock does not stop it. Nothing when the meeting is ended.
   */
  admitWaiting(meetingId: string, target: AdmitTarget, options: { maxParticipants: number; now: number }): MaybePromise<AdmitResult>;
  /** Refuses a waiting person: removes the entry and counts the denial (with its time) for their user. */
  denyWaiting(meetingId: string, participantId: string, now: number): MaybePromise<WaitingRecord | undefined>;
  /** Every waiting entry whose socket lives on `nodeId` (to clean up after that node died). */
  listWaitingByNode(nodeId: string): MaybePromise<WaitingRecord[]>;

  /**
   * Appends a chat message and trims the history to the newest `maxHistory` messages.
   * Returns `false` when the meeting is unknown or ended (the message is not stored).
   */
  appendChat(meetingId: string, message: ChatRecord, maxHistory: number): MaybePromise<boolean>;
  /** Chat history, oldest first. */
  listChat(meetingId: string): MaybePromise<ChatRecord[]>;
  /**
   * Optional: the meeting record, its participants and, as asked, its chat history and waiting
   * room in one read — one round trip on a networked store, for the answer every join waits on.
   * Without it the server makes the four reads above.
   */
  readMeetingView?(meetingId: string, include: MeetingViewOptions): MaybePromise<MeetingView>;

  /** Releases timers and connections the store holds. Idempotent. */
  close(): MaybePromise<void>;
}
