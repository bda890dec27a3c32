import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNodeClient, meshReady, startTestServer, waitForState, type NodeTestClient, type TestServer } from '../test-support/server-harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

it('builds a full 4-person mesh: every pair connected once, every remote audio+video received', async () => {
  const clients: NodeTestClient[] = ['Interpreter', 'Supervisor', 'Trainee', 'Dev'].map((name) => createNodeClient(server.url, name));
  try {
    // Everyone joins at the same moment: the initiator rule and early-signal buffer must cope.
    await Promise.all(clients.map((c) => c.client.join('four-people')));
    await Promise.all(clients.map((c, i) => waitForState(c.client, meshReady(3), 20_000, `mesh of ${i}`)));
    for (const { client } of clients) {
      const s = client.getSnapshot();
      expect(s.participantCount).toBe(4);
      expect(new Set(s.remoteParticipants.map((p) => p.id)).size).toBe(3);
      for (const p of s.remoteParticipants) {
        expect(p.stream?.getAudioTracks()).toHaveLength(1);
        expect(p.stream?.getVideoTracks()).toHaveLength(1);
      }
    }
    // Everyone sees the same set of people.
    const names = clients.map(({ client }) => client.getSnapshot().participants.map((p) => p.displayName).sort().join(','));
    expect(new Set(names).size).toBe(1);
    // Stats sampling runs: quality leaves 'unknown' once two samples exist.
    await waitForState(clients[0]!.client, (s) => s.remoteParticipants.every((p) => s.peerStats[p.id] !== undefined && p.quality !== 'unknown'), 8_000, 'stats');
    const first = clients[0]!.client.getSnapshot();
    const stats = first.peerStats[first.remoteParticipants[0]!.id]!;
    expect(stats.localCandidateType).toBe('host');
    expect(stats.inboundBitrate).toBeGreaterThan(0);
    // Everyone plays a tone: audio levels arrive and an active speaker is chosen among the remotes.
    const spoken = await waitForState(clients[0]!.client, (s) => s.activeSpeakerId !== null, 8_000, 'active speaker');
    expect(spoken.remotes[spoken.activeSpeakerId!]?.isSpeaking).toBe(true);
    expect(spoken.audioLevels[spoken.activeSpeakerId!]).toBeGreaterThan(0);
  } finally {
    clients.forEach((c) => c.client.destroy());
  }
  for (const c of clients) expect(c.devices.liveTracks).toBe(0);
});
