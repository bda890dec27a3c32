import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './support/cluster';
import { waitFor } from './support/meeting-peer';

let cluster: TestCluster;

beforeAll(async () => {
  // Kept chat history, so a later joiner's answer shows the history is shared across nodes.
  cluster = await startCluster(3, { env: { CHAT_HISTORY: 'all' } });
});

afterAll(async () => {
  await cluster?.stop();
});

const joinOn = (nodeIndex: number, userId: string, meetingId: string, role: 'host' | 'participant' = 'participant') =>
  cluster.join(nodeIndex, userId, meetingId, { role, peer: { media: { microphone: true, camera: true, screen: false } } });

/** A realistic SDP of about 4 KB. */
const sdp = (kind: string): string =>
  `v=0\r\no=- ${kind} 2 IN IP4 127.0.0.1\r\n` + 'a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0\r\n'.repeat(56);

describe('one meeting spanning three nodes', () => {
  it('shares join lists, signals, chat, media, readiness, start and end across nodes', async () => {
    const meetingId = `m-${randomUUID()}`;
    const host = await joinOn(0, 'host-user', meetingId, 'host');
    expect(host.meeting?.status).toBe('waiting');
    expect(host.roster.size).toBe(0);

    const bea = await joinOn(1, 'bea', meetingId);
    expect([...bea.roster.keys()]).toEqual([host.id]);
    await waitFor(() => host.roster.has(bea.id), 5000, 'host sees bea (node 2 → node 1)');
    // Two present → the meeting starts, announced once to everyone on both nodes.
    await waitFor(() => host.started !== undefined && bea.started !== undefined, 5000, 'meeting-started on both nodes');
    expect(host.started?.startedAt).toBe(bea.started?.startedAt);

    const cai = await joinOn(2, 'cai', meetingId);
    expect(cai.meeting?.status).toBe('active');
    expect([...cai.roster.keys()].sort()).toEqual([host.id, bea.id].sort());
    await waitFor(() => host.roster.has(cai.id) && bea.roster.has(cai.id), 5000, 'everyone sees cai');
    expect(host.rosterIds()).toEqual(bea.rosterIds());
    expect(bea.rosterIds()).toEqual(cai.rosterIds());

    // Signalling reaches exactly the addressed participant on another node, `from` stamped by the server.
    host.emit('webrtc-offer', { to: bea.id, sdp: { type: 'offer', sdp: sdp('offer') }, connectionId: 'c1' });
    bea.emit('webrtc-answer', { to: host.id, sdp: { type: 'answer', sdp: sdp('answer') }, connectionId: 'c1' });
    host.emit('webrtc-ice-candidate', {
      to: cai.id,
      candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 },
    });
    cai.emit('webrtc-signal', { to: bea.id, signal: { type: 'offer', sdp: sdp('signal') } });
    await waitFor(() => bea.signals.length === 2 && host.signals.length === 1 && cai.signals.length === 1, 5000, 'signals');
    expect(bea.signals.map((s) => [s.event, s.from]).sort()).toEqual(
      [
        ['webrtc-offer', host.id],
        ['webrtc-signal', cai.id],
      ].sort(),
    );
    expect(host.signals[0]).toMatchObject({ event: 'webrtc-answer', from: bea.id });
    expect((host.signals[0]!.payload.sdp as { sdp: string }).sdp).toBe(sdp('answer'));
    expect(cai.signals[0]).toMatchObject({ event: 'webrtc-ice-candidate', from: host.id });

    // Chat fans out to every node and is in the history of a later joiner.
    const sent = await bea.sendChat('hello from node 2', 'client-1');
    await waitFor(() => host.chat.some((m) => m.id === sent.id) && cai.chat.some((m) => m.id === sent.id), 5000, 'chat');

    // Media state and readiness propagate.
    await cai.toggleMedia('camera', false);
    await bea.setReady(true);
    await waitFor(
      () => host.roster.get(cai.id)?.media.camera === false && bea.roster.get(cai.id)?.media.camera === false,
      5000,
      'media change seen on nodes 1 and 2',
    );
    await waitFor(() => host.roster.get(bea.id)?.ready === true && cai.roster.get(bea.id)?.ready === true, 5000, 'ready');

    const coordinator = await joinOn(0, 'coordinator', meetingId);
    expect(coordinator.chat.map((m) => m.text)).toEqual(['hello from node 2']);
    expect(coordinator.roster.get(cai.id)?.media).toEqual({ microphone: true, camera: false, screen: false });
    expect(coordinator.roster.get(bea.id)?.ready).toBe(true);

    // The host ends the meeting for everyone on every node; nobody can join again.
    const ended = await host.leave(true);
    expect(ended.ok).toBe(true);
    await waitFor(() => [bea, cai, coordinator].every((p) => p.ended?.reason === 'ended-by-host'), 5000, 'meeting-ended everywhere');
    await expect(joinOn(2, 'intruder', meetingId)).rejects.toMatchObject({ code: 'meeting-ended' });
    // Nothing was misrouted: nobody received a signal meant for someone else.
    expect(coordinator.signals).toEqual([]);
  });

  it('holds the participant cap when joins race on three nodes', async () => {
    const meetingId = `m-${randomUUID()}`;
    const attempts = await Promise.allSettled(
      Array.from({ length: 9 }, (_, i) => joinOn(i % 3, `racer-${i}`, meetingId)),
    );
    const joined = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a) => a.status === 'rejected');
    expect(joined).toHaveLength(6);
    expect(refused.every((r) => (r.reason as { code?: string }).code === 'meeting-full')).toBe(true);
  });
});
