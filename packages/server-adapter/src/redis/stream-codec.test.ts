import { MessageType, type ClusterMessage } from 'socket.io-adapter';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeBatch, encodeEntry, goesThroughStream } from './stream-codec';

const opts = { rooms: ['m:1'], except: [], flags: {} };
const broadcast: ClusterMessage = { uid: 'node-a', nsp: '/meetings', type: MessageType.BROADCAST, data: { opts, packet: { type: 2, data: ['chat-message', { text: 'hi' }], nsp: '/meetings' } } };

describe('stream entries', () => {
  it('round-trips a message with its stamp, in the field layout earlier releases wrote', () => {
    const fields = encodeEntry(broadcast, [1_700_000_000_000, 7]);
    expect(fields.slice(0, 6)).toEqual(['uid', 'node-a', 'nsp', '/meetings', 'type', '3']);
    expect(JSON.parse(fields[7] as string)).toMatchObject({ mtSeq: [1_700_000_000_000, 7], opts });
    expect(decodeEntry(fields)).toEqual({ uid: 'node-a', nsp: '/meetings', messages: [broadcast], stamp: [1_700_000_000_000, 7] });
  });

  it('round-trips several messages of one adapter in one entry, in order, and voids a malformed one', () => {
    const join: ClusterMessage = { uid: 'node-a', nsp: '/meetings', type: MessageType.SOCKETS_JOIN, data: { opts, rooms: ['m:2'] } };
    const fields = encodeBatch([broadcast, join, broadcast], [1_700_000_000_000, 12]);
    expect(fields.slice(0, 4)).toEqual(['uid', 'node-a', 'nsp', '/meetings']);
    // No `type` field: a reader of an earlier release skips the entry (and then sees the gap).
    expect(fields).not.toContain('type');
    expect(decodeEntry(fields)).toEqual({ uid: 'node-a', nsp: '/meetings', messages: [broadcast, join, broadcast], stamp: [1_700_000_000_000, 12] });
    expect(() => encodeBatch([], [1, 1])).toThrow();
    const malformed = ['uid', 'x', 'nsp', '/', 'batch', JSON.stringify({ mtSeq: [1, 2], messages: [[3, { a: 1 }], ['3', {}]] })];
    expect(decodeEntry(malformed)).toBeUndefined();
    expect(decodeEntry(['uid', 'x', 'nsp', '/', 'batch', JSON.stringify({ messages: [[3]] })])).toBeUndefined();
    expect(decodeEntry(['uid', 'x', 'nsp', '/', 'batch', 'gqRkYXRh'])).toBeUndefined();
  });

  it('reads entries without a stamp, and skips foreign or binary ones', () => {
    expect(decodeEntry(['uid', 'x', 'nsp', '/', 'type', '4', 'data', '{"rooms":["r"],"opts":{}}'])).toEqual({
      uid: 'x',
      nsp: '/',
      messages: [{ uid: 'x', nsp: '/', type: 4, data: { rooms: ['r'], opts: {} } }],
    });
    expect(decodeEntry(['uid', 'x', 'nsp', '/', 'type', '3', 'data', 'gqRkYXRh'])).toBeUndefined();
    expect(decodeEntry(['something', 'else'])).toBeUndefined();
  });

  it('sends requests that expect answers over pub/sub, everything else through the stream', () => {
    expect(goesThroughStream(broadcast)).toBe(true);
    expect(goesThroughStream({ ...broadcast, data: { ...broadcast.data, requestId: 'r1' } } as ClusterMessage)).toBe(false);
    expect(goesThroughStream({ uid: 'a', nsp: '/', type: MessageType.FETCH_SOCKETS, data: { opts, requestId: 'r2' } })).toBe(false);
    expect(goesThroughStream({ uid: 'a', nsp: '/', type: MessageType.SERVER_SIDE_EMIT, data: { packet: ['x'] } })).toBe(false);
    expect(goesThroughStream({ uid: 'a', nsp: '/', type: MessageType.SOCKETS_LEAVE, data: { opts, rooms: ['m:1'] } })).toBe(true);
  });
});
