import type {
  AdmitResult,
  AdmitTarget,
  KnockOptions,
  KnockRefusal,
  KnockResult,
  ParticipantRecord,
  WaitingRecord,
} from '../store/room-store';
import type { RedisCommandClient } from './redis-client';
import type { RedisKeys } from './redis-keys';
import { ADMIT_WAITING, BAN_PARTICIPANT, DENY_WAITING, KNOCK, LEAVE_WAITING, LIST_WAITING_BY_NODE } from './redis-waiting.scripts';

const parse = <T>(json: string): T => JSON.parse(json) as T;
const parseOptional = <T>(reply: unknown): T | undefined => (typeof reply === 'string' && reply !== '' ? parse<T>(reply) : undefined);
/** Longest waiting first (ties by id), as `listWaiting` answers. */
export const bySince = (a: WaitingRecord, b: WaitingRecord): number => a.since - b.since || (a.id < b.id ? -1 : 1);

/** What the session flow part of the Redis room store works with. */
export interface RedisWaitingContext {
  client: RedisCommandClient;
  keys: RedisKeys;
  /** Idle TTL of a meeting's keys, ms, as a string. */
  ttl: string;
}

/**
 * The waiting room, admission, denials and removals of {@link RedisRoomStore}: one Lua script
 * each (see `redis-waiting.scripts.ts`), so they hold across nodes.
 */
export const redisWaiting = {
  async knock({ client, keys, ttl }: RedisWaitingContext, record: ParticipantRecord, o: KnockOptions): Promise<KnockResult> {
    const m = record.meetingId;
    const [status, first, second] = (await KNOCK.run(client, [keys.meeting(m), keys.waiting(m), keys.people(m)], [
      JSON.stringify(record),
      record.userId,
      record.nodeId,
      String(o.now),
      String(o.graceMs),
      String(o.denialCooldownMs),
      String(o.maxDenials),
      ttl,
      keys.prefix,
      m,
    ])) as string[];
    if (status !== 'ok') {
      return { ok: false, reason: status as KnockRefusal, ...(first ? { retryAfterMs: Number(first) } : {}) };
    }
    const replaced = parseOptional<WaitingRecord>(second);
    return { ok: true, entry: parse<WaitingRecord>(first as string), ...(replaced ? { replaced } : {}) };
  },

  async listWaiting({ client, keys }: RedisWaitingContext, meetingId: string): Promise<WaitingRecord[]> {
    const reply = (await client.sendCommand(['HVALS', keys.waiting(meetingId)])) as string[];
    return reply.map((v) => parse<WaitingRecord>(v)).sort(bySince);
  },

  async leaveWaiting({ client, keys }: RedisWaitingContext, meetingId: string, participantId: string, leftAt: number): Promise<WaitingRecord | undefined> {
    const reply = await LEAVE_WAITING.run(client, [keys.waiting(meetingId), keys.people(meetingId)], [
      participantId,
      String(leftAt),
      keys.prefix,
      meetingId,
    ]);
    return parseOptional(reply);
  },

  async admitWaiting(
    { client, keys, ttl }: RedisWaitingContext,
    meetingId: string,
    target: AdmitTarget,
    o: { maxParticipants: number; now: number },
  ): Promise<AdmitResult> {
    const m = meetingId;
    const [full, ...pairs] = (await ADMIT_WAITING.run(
      client,
      [keys.meeting(m), keys.participants(m), keys.order(m), keys.waiting(m), keys.people(m)],
      ['all' in target ? '' : target.participantId, String(o.maxParticipants), String(o.now), ttl, keys.prefix, m],
    )) as string[];
    const admitted: AdmitResult['admitted'] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      admitted.push({ participant: parse<ParticipantRecord>(pairs[i] as string), admittedAt: Number(pairs[i + 1]) });
    }
    return { admitted, full: full === '1' };
  },

  async denyWaiting({ client, keys }: RedisWaitingContext, meetingId: string, participantId: string, now: number): Promise<WaitingRecord | undefined> {
    const m = meetingId;
    const reply = await DENY_WAITING.run(client, [keys.meeting(m), keys.waiting(m), keys.people(m)], [participantId, String(now), keys.prefix, m]);
    return parseOptional(reply);
  },

  async banParticipant({ client, keys }: RedisWaitingContext, meetingId: string, participantId: string): Promise<ParticipantRecord | undefined> {
    const m = meetingId;
    const reply = await BAN_PARTICIPANT.run(
      client,
      [keys.meeting(m), keys.participants(m), keys.order(m), keys.waiting(m), keys.people(m)],
      [participantId, keys.prefix, m],
    );
    return parseOptional(reply);
  },

  async listWaitingByNode({ client, keys }: RedisWaitingContext, nodeId: string): Promise<WaitingRecord[]> {
    const reply = (await LIST_WAITING_BY_NODE.run(client, [keys.nodeWaiting(nodeId)], [keys.prefix, nodeId])) as string[];
    return reply.map((v) => parse<WaitingRecord>(v)).sort(bySince);
  },
};
