import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './support/cluster';
import { waitFor } from './support/meeting-peer';

let cluster: TestCluster;

beforeAll(async () => {
  // A tiny stream (≈50 entries, trimmed in steps of 10) so a node paused for a moment falls
  // further behind than the stream keeps: the overload that silently drops messages on pub/sub.
  cluster = await startCluster(2, { env: { STREAM_MAX_LEN: '50' }, redisArgs: ['--stream-node-max-entries', '10'] });
});

afterAll(async () => {
  await cluster?.stop();
});

const joinOn = (nodeIndex: number, userId: string, meetingId: string) => cluster.join(nodeIndex, userId, meetingId);

describe('a node that lags past the stream', () => {
  it('detects the lost messages, and its clients rejoin and recover the chat', async () => {
    const meetingId = `m-${randomUUID()}`;
    const writer = await joinOn(0, 'writer', meetingId);
    const reader = await joinOn(1, 'reader', meetingId);
    await waitFor(() => writer.roster.has(reader.id), 5000, 'writer sees reader');
    // Unrelated traffic on node 1 that fills the shared stream.
    const noiseMeeting = `m-${randomUUID()}`;
    const noise = await Promise.all(Array.from({ length: 4 }, (_, i) => joinOn(0, `noise-${i}`, noiseMeeting)));

    const lagging = cluster.nodes[1]!;
    lagging.pause();
    const texts = Array.from({ length: 80 }, (_, i) => `while-paused-${i}`);
    try {
      await Promise.all([
        (async () => {
          for (const text of texts) await writer.sendChat(text);
        })(),
        ...noise.map(async (peer, i) => {
          for (let n = 0; n < 80; n += 1) await peer.sendChat(`noise-${i}-${n}`);
        }),
      ]);
    } finally {
      lagging.resume();
    }

    // The gap is detected, the reader is told to rejoin, and the rejoin's history brings back every message.
    await waitFor(() => reader.rejoins >= 1, 10_000, 'reader rejoined after the gap');
    await waitFor(() => texts.every((t) => reader.chat.some((m) => m.text === t)), 5000, 'reader has every message');
    const stats = await lagging.stats();
    expect(stats.adapter.gaps).toBeGreaterThanOrEqual(1);
    expect(stats.adapter.missingMessages).toBeGreaterThan(0);
    expect(stats.resyncedSockets).toBeGreaterThanOrEqual(1);
    expect(lagging.warnings.some((line) => line.includes('Cross-node messages were lost'))).toBe(true);
    // The reader is still in the meeting with the writer, under its new id.
    await waitFor(() => writer.roster.has(reader.id) && reader.roster.has(writer.id), 5000, 'rosters agree after resync');
    expect(reader.errors).toEqual([]);
  });
});
