import { MessageType, type ClusterMessage } from 'socket.io-adapter';
import type { SequenceStamp } from './stream-sequence';

/**
 * Field added to the data of every stream message: `[bootedAt, seq]` of the sending node. Kept
 * inside `data`, where earlier releases put it, so nodes of both releases can share a stream
 * during a rolling upgrade.
 */
const STAMP_FIELD = 'mtSeq';

/** Field of an entry that carries several messages of one adapter (see {@link encodeBatch}). */
const BATCH_FIELD = 'batch';

/**
 * A stream entry decoded: the cluster messages of one origin adapter in append order (one, or
 * several for a batch entry) and the stamp its origin put on the last of them.
 */
export interface StreamEntry {
  /** Adapter id of the origin. */
  uid: string;
  /** Socket.IO namespace. */
  nsp: string;
  messages: ClusterMessage[];
  stamp?: SequenceStamp;
}

/**
 * Whether a message goes through the stream (ordered, resumable after a reconnect): everything
 * but requests that expect answers (`fetchSockets`, `serverSideEmit`, broadcasts with an ack),
 * which go over pub/sub — a late answer is useless, and their timeouts report a loss.
 */
export const goesThroughStream = (message: ClusterMessage): boolean =>
  !(message.type === MessageType.SERVER_SIDE_EMIT || message.type === MessageType.FETCH_SOCKETS) &&
  !(message.type === MessageType.BROADCAST && message.data.requestId !== undefined);

/** The fields of a stream entry: `uid`, `nsp`, `type`, and `data` as JSON with the stamp in it. */
export function encodeEntry(message: ClusterMessage, stamp: SequenceStamp): string[] {
  const fields = ['uid', message.uid, 'nsp', message.nsp, 'type', String(message.type)];
  const data = 'data' in message ? { ...message.data, [STAMP_FIELD]: stamp } : { [STAMP_FIELD]: stamp };
  fields.push('data', JSON.stringify(data));
  return fields;
}

/** One message of a batch entry as JSON: `[type]` or `[type, data]`. */
export const batchItem = (message: ClusterMessage): string => JSON.stringify('data' in message ? [message.type, message.data] : [message.type]);

/**
 * The fields of one entry carrying several messages of one adapter (same `uid` and `nsp`), in
 * order: `uid`, `nsp`, and `batch` as JSON `{ mtSeq, messages: [[type, data?], …] }`, from the
 * messages already encoded by {@link batchItem}. `stamp` is that of the last message; the others
 * take the numbers before it. A node of an earlier release skips such an entry (it has no
 * `type`) and then reports the messages in it as a gap.
 */
export function encodeBatchItems(uid: string, nsp: string, items: readonly string[], stamp: SequenceStamp): string[] {
  if (items.length === 0) throw new Error('a batch entry needs at least one message');
  return ['uid', uid, 'nsp', nsp, BATCH_FIELD, `{"${STAMP_FIELD}":${JSON.stringify(stamp)},"messages":[${items.join(',')}]}`];
}

/** {@link encodeBatchItems} from the messages themselves. */
export function encodeBatch(messages: readonly ClusterMessage[], stamp: SequenceStamp): string[] {
  const first = messages[0];
  if (!first) throw new Error('a batch entry needs at least one message');
  return encodeBatchItems(first.uid, first.nsp, messages.map(batchItem), stamp);
}

const isStamp = (value: unknown): value is SequenceStamp =>
  Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number');

/** Decodes the flat field list of a stream entry; `undefined` for an entry that is not ours to read. */
export function decodeEntry(flat: readonly string[]): StreamEntry | undefined {
  const fields = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i] as string, flat[i + 1] as string);
  const uid = fields.get('uid');
  const nsp = fields.get('nsp');
  if (!uid || !nsp) return undefined;
  const batch = fields.get(BATCH_FIELD);
  if (batch !== undefined) return decodeBatch(uid, nsp, batch);
  const type = Number(fields.get('type'));
  if (!Number.isInteger(type)) return undefined;
  const raw = fields.get('data');
  // The meeting protocol is JSON only; anything else (a binary payload) is not ours to read.
  if (raw !== undefined && !raw.startsWith('{')) return undefined;
  const { [STAMP_FIELD]: stamp, ...data } = raw === undefined ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const message = { uid, nsp, type, ...(raw !== undefined && Object.keys(data).length > 0 ? { data } : {}) } as ClusterMessage;
  return isStamp(stamp) ? { uid, nsp, messages: [message], stamp } : { uid, nsp, messages: [message] };
}

function decodeBatch(uid: string, nsp: string, raw: string): StreamEntry | undefined {
  if (!raw.startsWith('{')) return undefined;
  const { [STAMP_FIELD]: stamp, messages } = JSON.parse(raw) as Record<string, unknown>;
  if (!Array.isArray(messages) || !isStamp(stamp)) return undefined;
  const decoded: ClusterMessage[] = [];
  for (const item of messages) {
    // Each item is [type] or [type, data]; a malformed one voids the entry (its seq then shows as a gap).
    if (!Array.isArray(item) || !Number.isInteger(item[0]) || (item.length > 1 && (typeof item[1] !== 'object' || item[1] === null))) return undefined;
    decoded.push({ uid, nsp, type: item[0] as number, ...(item.length > 1 ? { data: item[1] as object } : {}) } as ClusterMessage);
  }
  return decoded.length > 0 ? { uid, nsp, messages: decoded, stamp } : undefined;
}
