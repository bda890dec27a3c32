import { afterAll, beforeAll, expect, it } from 'vitest';
import { meshReady, useTestServer, waitForState } from '../test-support/server-harness';
import { bytesReceived, localUfrag, recordingTransports, startRelayPath, type RelayPath } from '../test-support/relay-path';
import type { PeerTransport } from './transport';

// The media path of a live call is cut (100 % loss on both relays), then restored. The link
// must first try an ICE restart on the same connection, and only rebuild if that fails.
// No timing is asserted here: `npm run bench:recovery` prints the recovery times.

const fixture = useTestServer();
let path: RelayPath;
beforeAll(async () => {
  path = await startRelayPath();
});
afterAll(async () => {
  await path?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once RTP keeps arriving on the transport `latest()` returns (checked every 200 ms). */
async function mediaFlows(latest: () => PeerTransport | undefined, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = await bytesReceived(latest());
  let rising = 0;
  while (Date.now() < until) {
    await sleep(200);
    const now = await bytesReceived(latest());
    rising = now > last ? rising + 1 : 0;
    last = now;
    if (rising >= 3) return;
  }
  throw new Error('media did not flow again');
}

async function relayCall(meetingId: string, extra: { iceRestart?: boolean } = {}) {
  const sides = await Promise.all(
    ['Therapist', 'Client'].map(async (name) => {
      const { link, iceServers } = await path.endpoint(`${meetingId}-${name}`);
      const transports = recordingTransports();
      const { client } = fixture.node(name, {
        iceServers,
        relayOnly: true,
        peerTransport: transports.factory,
        peerReconnection: { initialDelayMs: 200, ...extra },
      });
      return { name, link, client, made: transports.made };
    }),
  );
  for (const side of sides) await side.client.join(meetingId);
  await Promise.all(sides.map((s) => waitForState(s.client, meshReady(1), 20_000, `${s.name} connected`)));
  await Promise.all(sides.map((s) => mediaFlows(() => s.made.at(-1), 10_000)));
  const reconnecting = () =>
    Promise.race(sides.map((s) => waitForState(s.client, (snap) => snap.remoteParticipants[0]?.peerState === 'reconnecting', 60_000, `${s.name} reconnecting`)));
  return { sides, reconnecting, block: (loss: number) => sides.forEach((s) => s.link.set({ loss })) };
}

it('recovers a blocked media path with an ICE restart on the same connection, not a rebuild', async () => {
  const { sides, reconnecting, block } = await relayCall('ice-restart');
  const ufrags = sides.map((s) => localUfrag(s.made[0]));
  block(1);
  await reconnecting();
  block(0);
  await Promise.all(sides.map((s) => waitForState(s.client, meshReady(1), 30_000, `${s.name} back`)));
  await Promise.all(sides.map((s) => mediaFlows(() => s.made.at(-1), 20_000)));
  // Still the first connection on both sides, now with new ICE credentials.
  for (const [i, side] of sides.entries()) {
    expect(side.made, side.name).toHaveLength(1);
    expect(side.made[0]!.destroyed).toBe(false);
    expect(localUfrag(side.made[0])).not.toBe(ufrags[i]);
  }
}, 120_000);

it('rebuilds the connection when the path stays blocked through the ICE restart, and recovers once it is back', async () => {
  const { sides, reconnecting, block } = await relayCall('ice-restart-fails');
  block(1);
  await reconnecting();
  // Blocked until the restart gave up and a second connection was started.
  await waitForState(sides[0]!.client, () => sides.some((s) => s.made.length > 1), 60_000, 'a rebuild');
  block(0);
  await Promise.all(sides.map((s) => waitForState(s.client, meshReady(1), 60_000, `${s.name} back`)));
  await Promise.all(sides.map((s) => mediaFlows(() => s.made.at(-1), 30_000)));
  for (const side of sides) expect(side.made.length, side.name).toBeGreaterThan(1);
}, 180_000);
