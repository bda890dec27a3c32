import { Adapter } from 'socket.io-adapter';
import { describe, expect, it } from 'vitest';
import type { MeetingsNamespace } from '../socket/types';
import type { ParticipantRecord } from '../store/room-store';
import { createMeetingEvents, participantLeft } from './events';
import { ParticipantDirectory } from './participant-directory';

const record = (id: string, nodeId: string): ParticipantRecord => ({
  id,
  userId: `user-${id}`,
  displayName: id,
  role: 'participant',
  media: { microphone: false, camera: false, screen: false },
  ready: false,
  joinedAt: 1,
  meetingId: 'm1',
  nodeId,
  socketId: `socket-${id}`,
});

/** A directory on node `a`; `severalNodes` gives it an adapter that reaches other nodes. Counts the store reads. */
function directoryOn(severalNodes: boolean) {
  const sent: unknown[][] = [];
  const adapter = { rooms: new Map(), serverSideEmit: severalNodes ? () => undefined : Adapter.prototype.serverSideEmit };
  const namespace = {
    adapter,
    sockets: new Map(),
    on: () => undefined,
    off: () => undefined,
    serverSideEmit: (...args: unknown[]) => void sent.push(args),
  } as unknown as MeetingsNamespace;
  const events = createMeetingEvents(() => undefined);
  const reads: string[] = [];
  const stored = new Map([['b1', record('b1', 'b')]]);
  const store = {
    getParticipant: async (_meetingId: string, participantId: string) => {
      reads.push(participantId);
      return stored.get(participantId);
    },
  };
  const directory = new ParticipantDirectory({ namespace, store, events, presence: { has: () => true }, nodeId: 'a' });
  return { directory, events, reads, sent };
}

describe('ParticipantDirectory: what a join answer teaches it', () => {
  it('caches the nodes of the roster in a join answer, so the first signals to them need no store read', async () => {
    const { directory, reads } = directoryOn(true);
    const mark = directory.mark('m1');
    expect(mark).toBeDefined();
    directory.learn('m1', mark!, [record('a1', 'a'), record('b1', 'b'), record('c1', 'c')]);
    expect(directory.remoteNode('m1', 'b1')).toBe('b');
    expect(directory.remoteNode('m1', 'c1')).toBe('c');
    expect(reads).toEqual([]);
    // Someone on this node is not a remote member: it is asked from the store (and not found there).
    expect(await directory.remoteNode('m1', 'a1')).toBeUndefined();
    expect(reads).toEqual(['a1']);
    directory.close();
  });

  it('does not cache a roster read across a removal, and forgets a cached member when it leaves', async () => {
    const { directory, events, reads } = directoryOn(true);
    const mark = directory.mark('m1')!;
    events.emit('participant-left', participantLeft(record('x1', 'b'), 'left', 2));
    directory.learn('m1', mark, [record('b1', 'b')]);
    expect(await directory.remoteNode('m1', 'b1')).toBe('b');
    expect(reads).toEqual(['b1']);

    const later = directory.mark('m1')!;
    directory.learn('m1', later, [record('b1', 'b'), record('c1', 'c')]);
    events.emit('participant-left', participantLeft(record('c1', 'c'), 'left', 3));
    expect(await directory.remoteNode('m1', 'c1')).toBeUndefined();
    expect(reads).toEqual(['b1', 'c1']);
    directory.close();
  });

  it('keeps nothing on a single node, where every participant is in its own rooms', () => {
    const { directory } = directoryOn(false);
    expect(directory.mark('m1')).toBeUndefined();
    expect(directory.cachedMeetings).toBe(0);
    directory.close();
  });
});

describe('ParticipantDirectory: where the adapter sends what goes to one participant', () => {
  it("names the node of a cached participant's room until the participant leaves, moves or the meeting ends", async () => {
    const { directory, events, sent } = directoryOn(true);
    directory.learn('m1', directory.mark('m1')!, [record('a1', 'a'), record('b1', 'b'), record('c1', 'c')]);
    expect(directory.nodeOfRoom('p:b1')).toBe('b');
    expect(directory.nodeOfRoom('p:c1')).toBe('c');
    // This node's own participants, other rooms and unknown ids: no node (the shared stream).
    expect(directory.nodeOfRoom('p:a1')).toBeUndefined();
    expect(directory.nodeOfRoom('m:m1')).toBeUndefined();
    expect(directory.nodeOfRoom('p:zz')).toBeUndefined();

    events.emit('participant-left', participantLeft(record('b1', 'b'), 'left', 2));
    expect(directory.nodeOfRoom('p:b1')).toBeUndefined();

    // A rejoin elsewhere that took the id back: forgotten here and on every other node.
    directory.moved('m1', 'c1');
    expect(directory.nodeOfRoom('p:c1')).toBeUndefined();
    expect(sent).toContainEqual(['mentara:participant-gone', 'm1', 'c1']);

    // Read again from the store (now on node b), then the meeting ends.
    expect(await directory.remoteNode('m1', 'b1')).toBe('b');
    expect(directory.nodeOfRoom('p:b1')).toBe('b');
    events.emit('meeting-ended', { meetingId: 'm1' } as never);
    expect(directory.nodeOfRoom('p:b1')).toBeUndefined();
    expect(directory.cachedMeetings).toBe(0);
    directory.close();
  });
});
