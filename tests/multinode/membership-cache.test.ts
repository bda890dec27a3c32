import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './support/cluster';
import { waitFor, type MeetingPeer } from './support/meeting-peer';

/**
 * The relay's membership cache on two nodes sharing one Redis: a node remembers which participants
 * of a meeting live on other nodes after one store read, and forgets one as soon as it is gone
 * anywhere, so a signal to someone who left is refused, not forwarded into the void.
 */
let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startCluster(2);
});

afterAll(async () => {
  await cluster?.stop();
});

const joinOn = (nodeIndex: number, userId: string, meetingId: string, role: 'host' | 'participant' = 'participant') =>
  cluster.join(nodeIndex, userId, meetingId, { role, peer: { media: { microphone: true, camera: true, screen: false } } });

const errorCodes = (peer: MeetingPeer): string[] => peer.errors.map((e) => (e as { code: string }).code);

describe('membership cache across nodes', () => {
  it('relays to cached remote members, sees later joiners, and refuses signals to someone who left on the other node', async () => {
    const meetingId = `m-${randomUUID()}`;
    const host = await joinOn(0, 'host-user', meetingId, 'host');
    const client = await joinOn(1, 'client-user', meetingId);
    await waitFor(() => host.roster.has(client.id), 5000, 'host sees the client');

    // The first signal fills node 1's cache from the store; the later ones are served from it.
    for (let i = 0; i < 5; i += 1) host.emit('webrtc-signal', { to: client.id, signal: { renegotiate: true }, connectionId: `c${i}` });
    await waitFor(() => client.signals.length === 5, 5000, 'five signals across nodes');
    expect(client.signals.map((s) => s.payload.connectionId)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(client.signals.every((s) => s.from === host.id)).toBe(true);

    // Someone joining node 2 after the cache was filled is reachable at once.
    const interpreter = await joinOn(1, 'interpreter-user', meetingId);
    host.emit('webrtc-signal', { to: interpreter.id, signal: { renegotiate: true } });
    await waitFor(() => interpreter.signals.length === 1, 5000, 'signal to a later joiner');

    // The client leaves on node 2: node 1 forgets it and refuses further signals to it.
    const clientId = client.id;
    expect((await client.leave()).ok).toBe(true);
    await waitFor(() => !host.roster.has(clientId), 5000, 'host sees the client leave');
    const received = client.signals.length;
    // The removal notice travels apart from the roster event; it lands within a few attempts.
    for (let attempt = 0; attempt < 40 && !errorCodes(host).includes('participant-not-found'); attempt += 1) {
      host.emit('webrtc-signal', { to: clientId, signal: { renegotiate: true } });
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(errorCodes(host)).toContain('participant-not-found');
    expect(client.signals.length).toBe(received);

    // The cache of the other members is untouched.
    host.emit('webrtc-signal', { to: interpreter.id, signal: { renegotiate: true } });
    await waitFor(() => interpreter.signals.length === 2, 5000, 'the interpreter is still reachable');
    interpreter.emit('webrtc-signal', { to: host.id, signal: { renegotiate: true } });
    await waitFor(() => host.signals.length === 1, 5000, 'and reaches the host back');
  });
});
