import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { startRedisServer, type TestRedisServer } from '../../../../tests/multinode/support/redis-server';
import { runRoomStoreContract } from '../store/room-store.contract';
import { RedisRoomStore } from './redis-store';

let server: TestRedisServer;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  server = await startRedisServer();
  client = createClient({ url: server.url });
  await client.connect();
});

afterAll(async () => {
  await client?.quit();
  await server?.stop();
});

runRoomStoreContract('RedisRoomStore', () => new RedisRoomStore({ client, keyPrefix: `test:${process.pid}:` }));

describe('RedisRoomStore specifics', () => {
  const store = () => new RedisRoomStore({ client, keyPrefix: `specific:${process.pid}:`, meetingTtlMs: 200 });
  const record = (meetingId: string, id: string, nodeId = 'node-x') => ({
    id,
    userId: `user-${id}`,
    displayName: 'Zoë ✓ "quoted" / slash',
    role: 'participant' as const,
    media: { microphone: true, camera: false, screen: false },
    ready: false,
    joinedAt: 1_790_000_000_123,
    meetingId,
    nodeId,
    socketId: `s-${id}`,
  });

  it('round-trips names and epoch milliseconds through the Lua updates unchanged', async () => {
    const s = store();
    await s.ensureMeeting({ meetingId: 'unicode', createdAt: 1_790_000_000_000 });
    await s.addParticipant(record('unicode', 'p1'), { maxParticipants: 6 });
    const updated = await s.updateParticipant('unicode', 'p1', { ready: true });
    expect(updated).toEqual({ ...record('unicode', 'p1'), ready: true });
    expect((await s.startMeeting('unicode', 1_790_000_000_999))?.startedAt).toBe(1_790_000_000_999);
  });

  it('forgets a meeting nobody touched for meetingTtlMs', async () => {
    const s = store();
    await s.ensureMeeting({ meetingId: 'idle', createdAt: 1 });
    await s.addParticipant(record('idle', 'p1'), { maxParticipants: 6 });
    await new Promise((r) => setTimeout(r, 400));
    expect(await s.getMeeting('idle')).toBeUndefined();
    expect(await s.listParticipants('idle')).toEqual([]);
    // The node index drops members whose meeting expired.
    expect(await s.listParticipantsByNode('node-x')).toEqual([]);
  });

  it('moves a replaced session out of its old node index', async () => {
    const s = store();
    await s.ensureMeeting({ meetingId: 'moved', createdAt: 1 });
    await s.addParticipant(record('moved', 'old', 'node-dead'), { maxParticipants: 6 });
    await s.addParticipant({ ...record('moved', 'new', 'node-alive'), userId: 'user-old' }, { maxParticipants: 6 });
    expect(await s.listParticipantsByNode('node-dead')).toEqual([]);
    expect((await s.listParticipantsByNode('node-alive')).map((p) => p.id)).toEqual(['new']);
  });

  it('refuses use after close with a clear error', async () => {
    const s = store();
    s.close();
    await expect(s.getMeeting('x')).rejects.toThrow('RedisRoomStore is closed');
  });
});
