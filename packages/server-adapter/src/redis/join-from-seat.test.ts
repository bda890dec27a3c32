import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { startRedisServer, type TestRedisServer } from '../../../../tests/multinode/support/redis-server';
import { attachMeetings } from '../attach';
import { issueMeetingToken } from '../auth/issue-token';
import { silentLogger } from '../observability/logger';
import type { MeetingView, MeetingViewOptions, OpenAndAddResult } from '../store/room-store';
import { ack, nextEvent, openClient, TEST_SECRET, type TestClient } from '../test-utils/harness';
import { createRedisScaleOut } from './scale-out';

/**
 * Two nodes on one Redis: a join on node A answers from its seat step's roster unless something
 * reached the meeting's room on A — here, from node B through the stream — between the seat step
 * and A putting the joiner's socket in the room; then it reads the meeting again.
 */
let redis: TestRedisServer;
let client: ReturnType<typeof createClient>;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

beforeAll(async () => {
  redis = await startRedisServer();
  client = createClient({ url: redis.url });
  await client.connect();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await client?.quit();
  await redis?.stop();
});

/** One node: the scale-out's store counts its meeting reads and can hold a seat step after it decided. */
async function startNode(keyPrefix: string) {
  const scaleOut = createRedisScaleOut({ client, keyPrefix, logger: silentLogger });
  const http = createServer();
  const io = new Server(http, { adapter: scaleOut.adapter });
  const store = scaleOut.store;
  const meetings = attachMeetings(io, { store, nodeId: scaleOut.nodeId, auth: { secret: TEST_SECRET }, waitingRoom: false });
  await scaleOut.start(meetings);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const node = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    meetings,
    /** Messages this node broadcast through the stream. */
    published: () => scaleOut.stats().adapter.published,
    viewReads: 0, hold: undefined as Promise<void> | undefined, seated: () => {} };
  const read = store.readMeetingView.bind(store);
  store.readMeetingView = (meetingId: string, include: MeetingViewOptions): Promise<MeetingView> => {
    node.viewReads += 1;
    return read(meetingId, include);
  };
  const seat = store.openAndAddParticipant.bind(store);
  store.openAndAddParticipant = async (...args): Promise<OpenAndAddResult> => {
    const result = await seat(...args);
    const hold = node.hold;
    node.hold = undefined;
    if (hold) {
      node.seated();
      await hold;
    }
    return result;
  };
  cleanups.push(async () => {
    await meetings.close();
    io.close();
    await scaleOut.close();
  });
  return node;
}

const clients: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

async function connect(url: string, userId: string, meetingId: string, role: 'host' | 'participant' = 'participant'): Promise<TestClient> {
  const socket = await openClient(url, { token: await issueMeetingToken({ secret: TEST_SECRET, userId, displayName: userId, role, meetingId }) });
  clients.push(socket);
  return socket;
}

async function join(socket: TestClient, meetingId: string): Promise<MeetingJoinedPayload> {
  const result = await ack<MeetingJoinedPayload>(socket, 'join-meeting', { meetingId });
  if (!result.ok) throw new Error(`join failed: ${result.error.code}`);
  return result.data;
}

describe('a join on Redis answered from its seat step', () => {
  it('needs no second read when nothing reached the room, and reads again when an event from another node did', async () => {
    const keyPrefix = `seat-${randomUUID()}:`;
    const a = await startNode(keyPrefix);
    const b = await startNode(keyPrefix);
    const meetingId = randomUUID();

    const host = await connect(b.url, 'therapist', meetingId, 'host');
    const hostJoined = await join(host, meetingId);
    const interpreter = await connect(a.url, 'interpreter', meetingId);
    const interpreterJoined = await join(interpreter, meetingId);
    expect(a.viewReads).toBe(0);
    expect(interpreterJoined.participants.map((p) => p.id)).toEqual([hostJoined.self.id]);

    // The client joins on A; its seat step has decided (host's camera off) when the host, on B,
    // turns the camera on. A delivers that to the meeting's room (the interpreter gets it) before
    // the client's socket is in the room, so the client's answer must come from a second read.
    let release!: () => void;
    a.hold = new Promise<void>((resolve) => (release = resolve));
    const seated = new Promise<void>((resolve) => (a.seated = resolve));
    const clientSocket = await connect(a.url, 'client', meetingId);
    const answer = join(clientSocket, meetingId);
    await seated;
    const seenOnA = nextEvent(interpreter, 'participant-media-changed', 5000);
    expect(await ack(host, 'toggle-media', { source: 'camera', enabled: true })).toMatchObject({ ok: true });
    expect(await seenOnA).toMatchObject({ participantId: hostJoined.self.id, media: { camera: true } });
    release();
    const joined = await answer;
    expect(a.viewReads).toBe(1);
    const hostSeen = joined.participants.find((p) => p.id === hostJoined.self.id);
    expect(hostSeen?.media.camera).toBe(true);
    expect(joined.participants.map((p) => p.id)).toEqual([hostJoined.self.id, interpreterJoined.self.id]);
    expect(a.meetings.diagnostics().watchedRooms).toBe(0);

    // A quiet join on B answers from its seat step with everyone, media as the store has it.
    const family = await connect(b.url, 'family-member', meetingId);
    const familyJoined = await join(family, meetingId);
    expect(b.viewReads).toBe(1); // the host's own join (hosts read the waiting list)
    expect(familyJoined.participants).toEqual(joined.participants.concat(joined.self));
  });

  it('sends nothing through the stream for the first person in a meeting; the next one is announced to them', async () => {
    const keyPrefix = `seat-first-${randomUUID()}:`;
    const a = await startNode(keyPrefix);
    const b = await startNode(keyPrefix);
    const meetingId = randomUUID();
    const before = a.published();
    const first = await connect(a.url, 'client', meetingId);
    await join(first, meetingId);
    expect(a.published()).toBe(before);

    const announced = nextEvent(first, 'participant-joined', 5000);
    const second = await connect(b.url, 'interpreter', meetingId);
    const secondJoined = await join(second, meetingId);
    expect(secondJoined.participants.map((p) => p.displayName)).toEqual(['client']);
    expect((await announced).participant.id).toBe(secondJoined.self.id);
  });
});
