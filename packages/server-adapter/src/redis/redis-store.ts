import type { MeetingEndReason } from '@mentara/meetings-core/protocol';
import type {
  AddParticipantOptions,
  AddParticipantRefusal,
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
  OpenAndAddOptions,
  OpenAndAddResult,
  OpeningRefusal,
  ParticipantPatch,
  ParticipantRecord,
  RoomStore,
  WaitingRecord,
} from '../store/room-store';
import { initialMeetingRecord } from '../store/meeting-record';
import type { RedisCommandClient } from './redis-client';
import { redisKeys, type RedisKeys } from './redis-keys';
import { ADD_PARTICIPANT, OPEN_AND_ADD, REMOVE_PARTICIPANT } from './redis-seat.scripts';
import {
  APPEND_CHAT,
  DELETE_MEETING,
  END_MEETING,
  ENSURE_MEETING,
  EXTEND_MEETING,
  LIST_BY_NODE,
  LIST_PARTICIPANTS,
  READ_MEETING_VIEW,
  SET_ENDS_AT,
  SET_LOCKED,
  START_MEETING,
  UPDATE_PARTICIPANT,
} from './redis-store.scripts';
import { bySince, redisWaiting, type RedisWaitingContext } from './redis-waiting';

/** Options of {@link RedisRoomStore}. */
export interface RedisRoomStoreOptions {
  /** A connected Redis client (node-redis v5 as is; see {@link RedisCommandClient} for ioredis). */
  client: RedisCommandClient;
  /**
   * Prefix of every key. Give each deployment sharing one Redis its own.
   * @default "mentara:meetings:"
   */
  keyPrefix?: string;
  /**
   * A meeting nobody touched (no join, no chat, no state change) for this long is forgotten, so a
   * crashed deployment never leaves meetings in Redis for ever. Every write refreshes it.
   * @default 86_400_000 (24 hours, the lifetime of a meeting token)
   */
  meetingTtlMs?: number;
}

const parse = <T>(json: string): T => JSON.parse(json) as T;
const parseOptional = <T>(reply: unknown): T | undefined => (typeof reply === 'string' && reply !== '' ? parse<T>(reply) : undefined);
const parseList = <T>(reply: unknown): T[] => (Array.isArray(reply) ? (reply as string[]).map((v) => parse<T>(v)) : []);

/** ADD_PARTICIPANT's reply as a result (`participant` is the caller's own record: what was stored is its JSON). */
function addResult(record: ParticipantRecord, reply: string[]): AddParticipantResult {
  const [status, replaced, replacedWaiting, admittedAt, ...others] = reply;
  if (status !== 'ok') return { ok: false, reason: status as AddParticipantRefusal };
  const added: AddParticipantResult = { ok: true, participant: record, others: others.map((v) => parse<ParticipantRecord>(v)), admittedAt: Number(admittedAt) };
  if (replaced) added.replaced = parse<ParticipantRecord>(replaced);
  if (replacedWaiting) added.replacedWaiting = parse<WaitingRecord>(replacedWaiting);
  return added;
}

/**
 * A {@link RoomStore} in Redis, shared by every server node of a deployment. Each mutation is one
 * Lua script, so the participant cap, one seat per user, admission, start-once and end-once hold
 * across nodes.
 * `close()` leaves the client connected: the caller created it and closes it.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const client = createClient({ url: process.env.REDIS_URL });
 * await client.connect();
 * attachMeetings(io, { store: new RedisRoomStore({ client }) });
 * ```
 */
export class RedisRoomStore implements RoomStore {
  readonly #client: RedisCommandClient;
  readonly #keys: RedisKeys;
  readonly #ttl: string;
  #closed = false;

  constructor(options: RedisRoomStoreOptions) {
    this.#client = options.client;
    this.#keys = redisKeys(options.keyPrefix);
    const ttl = options.meetingTtlMs ?? 86_400_000;
    if (!Number.isInteger(ttl) || ttl <= 0) throw new RangeError('meetingTtlMs must be a positive integer');
    this.#ttl = String(ttl);
  }

  /** The six keys of one meeting, in the order the scripts expect. */
  #meetingKeys(meetingId: string): string[] {
    const k = this.#keys;
    const m = meetingId;
    return [k.meeting(m), k.participants(m), k.order(m), k.chat(m), k.waiting(m), k.people(m)];
  }

  #commands(): RedisCommandClient {
    if (this.#closed) throw new Error('RedisRoomStore is closed');
    return this.#client;
  }

  #waiting(): RedisWaitingContext {
    return { client: this.#commands(), keys: this.#keys, ttl: this.#ttl };
  }

  async ensureMeeting(init: MeetingInit): Promise<MeetingRecord> {
    const reply = await ENSURE_MEETING.run(this.#commands(), [this.#keys.meeting(init.meetingId)], [
      JSON.stringify(initialMeetingRecord(init)),
      this.#ttl,
      init.startsAt === undefined ? '' : String(init.startsAt),
      init.endsAt === undefined ? '' : String(init.endsAt),
    ]);
    return parse<MeetingRecord>(reply as string);
  }

  async getMeeting(meetingId: string): Promise<MeetingRecord | undefined> {
    return parseOptional(await this.#commands().sendCommand(['HGET', this.#keys.meeting(meetingId), 'record']));
  }

  async setMeetingEndsAt(meetingId: string, endsAt: number | undefined): Promise<MeetingRecord | undefined> {
    const reply = await SET_ENDS_AT.run(this.#commands(), [this.#keys.meeting(meetingId)], [
      endsAt === undefined ? '' : String(endsAt),
    ]);
    return parseOptional(reply);
  }

  async extendMeeting(meetingId: string, byMs: number, now: number): Promise<MeetingRecord | undefined> {
    return parseOptional(await EXTEND_MEETING.run(this.#commands(), [this.#keys.meeting(meetingId)], [String(byMs), String(now)]));
  }

  async setMeetingLocked(meetingId: string, locked: boolean): Promise<MeetingRecord | undefined> {
    return parseOptional(await SET_LOCKED.run(this.#commands(), [this.#keys.meeting(meetingId)], [locked ? '1' : '0']));
  }

  async startMeeting(meetingId: string, startedAt: number): Promise<MeetingRecord | undefined> {
    const reply = await START_MEETING.run(this.#commands(), [this.#keys.meeting(meetingId)], [String(startedAt)]);
    return parseOptional(reply);
  }

  async endMeeting(
    meetingId: string,
    end: { reason: MeetingEndReason; endedAt: number; retainMs: number },
  ): Promise<ParticipantRecord[] | undefined> {
    const reply = await END_MEETING.run(this.#commands(), this.#meetingKeys(meetingId), [
      end.reason,
      String(end.endedAt),
      String(Math.max(1, Math.ceil(end.retainMs))),
      this.#keys.prefix,
      meetingId,
    ]);
    return Array.isArray(reply) ? parseList<ParticipantRecord>(reply) : undefined;
  }

  async deleteMeeting(meetingId: string): Promise<void> {
    await DELETE_MEETING.run(this.#commands(), this.#meetingKeys(meetingId), [this.#keys.prefix, meetingId]);
  }

  async addParticipant(record: ParticipantRecord, options: AddParticipantOptions): Promise<AddParticipantResult> {
    const reply = (await ADD_PARTICIPANT.run(this.#commands(), this.#meetingKeys(record.meetingId), this.#addArgs(record, options))) as string[];
    return addResult(record, reply);
  }

  async openAndAddParticipant(init: MeetingInit, record: ParticipantRecord, options: OpenAndAddOptions): Promise<OpenAndAddResult> {
    const reply = (await OPEN_AND_ADD.run(this.#commands(), this.#meetingKeys(record.meetingId), [
      ...this.#addArgs(record, { maxParticipants: options.maxParticipants, graceMs: options.graceMs, now: options.now }),
      JSON.stringify(initialMeetingRecord(init)),
      init.startsAt === undefined ? '' : String(init.startsAt),
      init.endsAt === undefined ? '' : String(init.endsAt),
      String(options.earlyJoinMarginMs),
      options.waitingRoomDefault ? '1' : '0',
      options.mayWait ? '1' : '0',
      options.startAt === undefined ? '' : String(options.startAt),
    ])) as string[];
    const [opened, started, ...rest] = reply;
    const meeting = parse<MeetingRecord>(opened as string);
    const [status] = rest;
    if (status === 'scheduled-end' || status === 'meeting-not-started') return { meeting, result: { ok: false, reason: status as OpeningRefusal } };
    return { meeting, result: addResult(record, rest), ...(started === '1' ? { started: true } : {}) };
  }

  /** ADD_PARTICIPANT's ARGV. */
  #addArgs(record: ParticipantRecord, options: AddParticipantOptions): string[] {
    return [
      JSON.stringify(record),
      record.id,
      record.userId,
      record.nodeId,
      String(options.maxParticipants),
      options.admit ?? 'direct',
      String(options.graceMs ?? 0),
      String(options.now ?? record.joinedAt),
      this.#ttl,
      this.#keys.prefix,
      record.meetingId,
      record.role,
    ];
  }


  async removeParticipant(meetingId: string, participantId: string, leftAt?: number): Promise<ParticipantRecord | undefined> {
    const k = this.#keys;
    const reply = await REMOVE_PARTICIPANT.run(
      this.#commands(),
      [k.participants(meetingId), k.order(meetingId), k.people(meetingId)],
      [participantId, k.prefix, meetingId, leftAt === undefined ? '' : String(leftAt)],
    );
    return parseOptional(reply);
  }

  banParticipant(meetingId: string, participantId: string): Promise<ParticipantRecord | undefined> {
    return redisWaiting.banParticipant(this.#waiting(), meetingId, participantId);
  }

  async getParticipant(meetingId: string, participantId: string): Promise<ParticipantRecord | undefined> {
    return parseOptional(await this.#commands().sendCommand(['HGET', this.#keys.participants(meetingId), participantId]));
  }

  async listParticipants(meetingId: string): Promise<ParticipantRecord[]> {
    const reply = await LIST_PARTICIPANTS.run(
      this.#commands(),
      [this.#keys.participants(meetingId), this.#keys.order(meetingId)],
      [],
    );
    return parseList(reply);
  }

  async updateParticipant(
    meetingId: string,
    participantId: string,
    patch: ParticipantPatch,
  ): Promise<ParticipantRecord | undefined> {
    const reply = await UPDATE_PARTICIPANT.run(this.#commands(), [this.#keys.participants(meetingId)], [
      participantId,
      patch.media ? JSON.stringify(patch.media) : '',
      patch.ready === undefined ? '' : patch.ready ? '1' : '0',
    ]);
    return parseOptional(reply);
  }

  async listParticipantsByNode(nodeId: string): Promise<ParticipantRecord[]> {
    const reply = await LIST_BY_NODE.run(this.#commands(), [this.#keys.nodeParticipants(nodeId)], [this.#keys.prefix]);
    return parseList<ParticipantRecord>(reply).sort((a, b) => a.joinedAt - b.joinedAt);
  }

  knock(record: ParticipantRecord, options: KnockOptions): Promise<KnockResult> {
    return redisWaiting.knock(this.#waiting(), record, options);
  }

  listWaiting(meetingId: string): Promise<WaitingRecord[]> {
    return redisWaiting.listWaiting(this.#waiting(), meetingId);
  }

  leaveWaiting(meetingId: string, participantId: string, leftAt: number): Promise<WaitingRecord | undefined> {
    return redisWaiting.leaveWaiting(this.#waiting(), meetingId, participantId, leftAt);
  }

  admitWaiting(meetingId: string, target: AdmitTarget, options: { maxParticipants: number; now: number }): Promise<AdmitResult> {
    return redisWaiting.admitWaiting(this.#waiting(), meetingId, target, options);
  }

  denyWaiting(meetingId: string, participantId: string, now: number): Promise<WaitingRecord | undefined> {
    return redisWaiting.denyWaiting(this.#waiting(), meetingId, participantId, now);
  }

  listWaitingByNode(nodeId: string): Promise<WaitingRecord[]> {
    return redisWaiting.listWaitingByNode(this.#waiting(), nodeId);
  }

  async appendChat(meetingId: string, message: ChatRecord, maxHistory: number): Promise<boolean> {
    const reply = await APPEND_CHAT.run(this.#commands(), [this.#keys.meeting(meetingId), this.#keys.chat(meetingId)], [
      JSON.stringify(message),
      String(Math.max(1, Math.floor(maxHistory))),
      this.#ttl,
    ]);
    return Number(reply) === 1;
  }

  async listChat(meetingId: string): Promise<ChatRecord[]> {
    return parseList(await this.#commands().sendCommand(['LRANGE', this.#keys.chat(meetingId), '0', '-1']));
  }

  async readMeetingView(meetingId: string, include: MeetingViewOptions): Promise<MeetingView> {
    const k = this.#keys;
    const reply = (await READ_MEETING_VIEW.run(
      this.#commands(),
      [k.meeting(meetingId), k.participants(meetingId), k.order(meetingId), k.chat(meetingId), k.waiting(meetingId)],
      [include.chat ? '1' : '0', include.waiting ? '1' : '0'],
    )) as [string, string[], string[], string[]];
    const [meeting, participants, chat, waiting] = reply;
    return {
      meeting: parseOptional<MeetingRecord>(meeting),
      participants: parseList<ParticipantRecord>(participants),
      chat: parseList<ChatRecord>(chat),
      waiting: parseList<WaitingRecord>(waiting).sort(bySince),
    };
  }

  close(): void {
    this.#closed = true;
  }
}
