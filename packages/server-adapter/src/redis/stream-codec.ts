import { MessageType, type ClusterMessage } from 'socket.io-adapter';
import type { SequenceStamp } from './stream-sequence';

/**
 * Field added to the data of every stream message: `[bootedAt, seq]` of the sending node. Kept
 * inside `data`, where earlier releases put it, so nodes of both releases can share a stream
 * during a rolling upgrade.
 */
const STAMP_FIELD = 'mtSeq';

/** A stream entry decoded: the cluster message and the stamp its origin put on it. */
export interface StreamEntry {
  message: ClusterMessage;
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

const isStamp = (value: unknown): value is SequenceStamp =>
  Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number');

/** Decodes the flat field list of a stream entry; `undefined` for an entry that is not ours to read. */
export function decodeEntry(flat: readonly string[]): StreamEntry | undefined {
  const fields = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i] as string, flat[i + 1] as string);
  const uid = fields.get('uid');
  const nsp = fields.get('nsp');
  const type = Number(fields.get('type'));
  if (!uid || !nsp || !Number.isInteger(type)) return undefined;
  const raw = fields.get('data');
  // The meeting protocol is JSON only; anything else (a binary payload) is not ours to read.
  if (raw !== undefined && !raw.startsWith('{')) return undefined;
  const { [STAMP_FIELD]: stamp, ...data } = raw === undefined ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const message = { uid, nsp, type, ...(raw !== undefined && Object.keys(data).length > 0 ? { data } : {}) } as ClusterMessage;
  return isStamp(stamp) ? { message, stamp } : { message };
}
