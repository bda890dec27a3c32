import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './support/cluster';
import { waitFor, type MeetingPeerOptions } from './support/meeting-peer';

/**
 * Signals between two nodes of three sharing one Redis: each goes to its target's node alone (that
 * node's own stream), so the third node reads none of them and the origin reads none back; the
 * meeting's broadcasts still reach every node.
 */
let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startCluster(3);
});

afterAll(async () => {
  await cluster?.stop();
});

const joinOn = (nodeIndex: number, userId: string, meetingId: string, role: 'host' | 'participant' = 'participant', resume?: MeetingPeerOptions['resume']) =>
  cluster.join(nodeIndex, userId, meetingId, { role, peer: { media: { microphone: true, camera: true, screen: false }, ...(resume ? { resume } : {}) } });

interface RoutingStats {
  routed: number;
  received: number;
  receivedDirect: number;
  gaps: number;
}
const stats = async (i: number): Promise<RoutingStats> => (await cluster.nodes[i]!.stats()).adapter as unknown as RoutingStats;
const allStats = (): Promise<RoutingStats[]> => Promise.all([0, 1, 2].map(stats));

describe('signals routed to their node', () => {
  it('sends a signal to the node of its target only, in order, while broadcasts reach every node', async () => {
    const meetingId = `m-${randomUUID()}`;
    const host = await joinOn(0, 'host-user', meetingId, 'host');
    const client = await joinOn(1, 'client-user', meetingId);
    // Someone of another meeting on the third node: it reads the shared stream like any node.
    const other = await joinOn(2, 'other-user', `m-${randomUUID()}`);
    await waitFor(() => host.roster.has(client.id), 5000, 'host sees the client');
    // Each node broadcasts once (a media change), which tells the others it reads its own stream.
    await other.toggleMedia('camera', false);
    await host.toggleMedia('camera', false);
    await waitFor(() => client.roster.get(host.id)?.media.camera === false, 5000, 'client sees the camera off');
    await new Promise((r) => setTimeout(r, 300));

    const before = await allStats();
    for (let i = 0; i < 40; i += 1) host.emit('webrtc-signal', { to: client.id, signal: { renegotiate: true }, connectionId: `h${i}` });
    for (let i = 0; i < 40; i += 1) client.emit('webrtc-signal', { to: host.id, signal: { renegotiate: true }, connectionId: `c${i}` });
    await waitFor(() => client.signals.length === 40 && host.signals.length === 40, 5000, 'eighty signals across nodes');
    expect(client.signals.map((s) => s.payload.connectionId)).toEqual(Array.from({ length: 40 }, (_, i) => `h${i}`));
    expect(host.signals.map((s) => s.payload.connectionId)).toEqual(Array.from({ length: 40 }, (_, i) => `c${i}`));
    const after = await allStats();

    expect(after[0]!.routed - before[0]!.routed).toBe(40);
    expect(after[1]!.routed - before[1]!.routed).toBe(40);
    expect(after[1]!.receivedDirect - before[1]!.receivedDirect).toBe(40);
    expect(after[0]!.receivedDirect - before[0]!.receivedDirect).toBe(40);
    // Each node read exactly the signals for it: none back, none on the third node.
    expect(after[0]!.received - before[0]!.received).toBe(40);
    expect(after[1]!.received - before[1]!.received).toBe(40);
    expect(after[2]!.received - before[2]!.received).toBe(0);

    // A broadcast of the meeting (chat) still goes through the shared stream, which every node reads.
    await client.sendChat('hello');
    await waitFor(() => host.received.includes('chat-message'), 5000, 'the chat message');
    for (let i = 0; i < 100 && (await stats(2)).received === after[2]!.received; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect((await stats(2)).received).toBeGreaterThan(after[2]!.received);
    for (const s of await allStats()) expect(s.gaps).toBe(0);
  });

  it('forgets where a participant was when a rejoin on another node takes its id back', async () => {
    const meetingId = `m-${randomUUID()}`;
    const host = await joinOn(0, 'host-user', meetingId, 'host');
    const client = await joinOn(1, 'client-user', meetingId);
    await waitFor(() => host.roster.has(client.id), 5000, 'host sees the client');
    await client.toggleMedia('camera', false); // node 2 says it reads its own stream
    await waitFor(() => host.roster.get(client.id)?.media.camera === false, 5000, 'host sees the camera off');
    // Node 1 learns the client is on node 2 and routes there.
    const routedBefore = (await stats(0)).routed;
    host.emit('webrtc-signal', { to: client.id, signal: { renegotiate: true }, connectionId: 'first' });
    await waitFor(() => client.signals.length === 1, 5000, 'the first signal');
    expect((await stats(0)).routed - routedBefore).toBe(1);

    // The store loses the meeting (as after Redis restarted empty); the client's page reloads on
    // node 3 and takes its id back with its ticket, while its old connection on node 2 lingers.
    const redis = createClient({ url: cluster.redis.url });
    await redis.connect();
    const keys = await redis.keys(`*{${meetingId}}*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(keys);
    await redis.quit();
    const reloaded = await joinOn(2, 'client-user', meetingId, 'participant', { participantId: client.id, rejoinTicket: client.rejoinTicket! });
    expect(reloaded.id).toBe(client.id);

    // Node 1 no longer sends it to node 2: the signal reaches the new connection on node 3.
    for (let attempt = 0; attempt < 40 && reloaded.signals.length === 0; attempt += 1) {
      host.emit('webrtc-signal', { to: client.id, signal: { renegotiate: true }, connectionId: `after-${attempt}` });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(reloaded.signals.length).toBeGreaterThan(0);
    expect(reloaded.signals[0]!.from).toBe(host.id);
  });
});
