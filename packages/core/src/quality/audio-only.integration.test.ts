import { expect, it } from 'vitest';
import { createSimplePeerTransport } from '../peers/simple-peer-transport';
import type { PeerTransport, PeerTransportFactory } from '../peers/transport';
import { meshReady, useTestServer, waitForState } from '../test-support/server-harness';

const fixture = useTestServer();
const node: typeof fixture.node = (name, extra) => fixture.node(name, extra);

/** Inbound video bytes on every connection of `transports`, read from getStats. */
async function videoBytesIn(transports: PeerTransport[]): Promise<number> {
  let bytes = 0;
  for (const t of transports) {
    const report = await t.connection?.getStats();
    report?.forEach((e: Record<string, unknown>) => {
      if (e.type === 'inbound-rtp' && (e.kind ?? e.mediaType) === 'video') bytes += Number(e.bytesReceived ?? 0);
    });
  }
  return bytes;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('audio only stops the camera video to the others without turning the camera off, tells them why, and resumes', async () => {
  const recorded = (list: PeerTransport[]): PeerTransportFactory => (o) => {
    const t = createSimplePeerTransport(o);
    list.push(t);
    return t;
  };
  const atTherapist: PeerTransport[] = [];
  const atClient: PeerTransport[] = [];
  const therapist = node('Therapist', { peerTransport: recorded(atTherapist) });
  const client = node('Client', { peerTransport: recorded(atClient) });
  await therapist.client.join('audio-only');
  await client.client.join('audio-only');
  await Promise.all([waitForState(therapist.client, meshReady(1)), waitForState(client.client, meshReady(1))]);
  const clientId = client.client.getSnapshot().localParticipant!.id;
  const videoChanges: string[] = [];
  therapist.client.on('peer-video-changed', ({ video }) => videoChanges.push(`${video.level}:${video.reason}`));

  await client.client.setAudioOnly(true);
  const told = await waitForState(therapist.client, (s) => s.links[clientId]?.receiving.level === 'paused', 10_000, 'told paused');
  expect(told.links[clientId]?.receiving).toEqual({ level: 'paused', reason: 'audio-only' });
  expect(client.client.getSnapshot().localVideo).toEqual({ audioOnly: true, sending: { level: 'paused', reason: 'audio-only' } });
  // The camera is still on for the client (self view) and for everyone's roster.
  expect(client.client.getSnapshot().media.camera.enabled).toBe(true);
  expect(told.remotes[clientId]?.media.camera).toBe(true);
  // (wrtc refuses every setParameters, so in Node the sender sends no track instead of an inactive encoding.)
  const videoSender = () => atClient.at(-1)!.connection!.getSenders().find((s) => s.track?.kind === 'video' || s.track === null);
  expect(videoSender()?.track).toBeNull();
  // No video arrives any more (a frame in flight may still land right after the switch).
  await sleep(1_000);
  const before = await videoBytesIn(atTherapist);
  await sleep(2_500);
  expect(await videoBytesIn(atTherapist)).toBe(before);
  // Audio keeps the link: not counted as lost.
  expect(therapist.client.getSnapshot().remotes[clientId]?.quality).not.toBe('lost');

  await client.client.setAudioOnly(false);
  await waitForState(therapist.client, (s) => s.links[clientId]?.receiving.level !== 'paused', 10_000, 'told resumed');
  expect(videoSender()?.track?.kind).toBe('video');
  const resumed = await videoBytesIn(atTherapist);
  await sleep(2_500);
  expect(await videoBytesIn(atTherapist)).toBeGreaterThan(resumed);
  expect(videoChanges).toContain('paused:audio-only');
  expect(videoChanges.at(-1)).not.toMatch(/^paused/);
}, 60_000);
