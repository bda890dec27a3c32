import { expect, it } from 'vitest';
import { meshReady, useTestServer, waitForState } from '../test-support/server-harness';

const fixture = useTestServer();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pair(meetingId: string) {
  const a = fixture.node('Therapist');
  const b = fixture.node('Client');
  await a.client.join(meetingId);
  await b.client.join(meetingId);
  await Promise.all([waitForState(a.client, meshReady(1)), waitForState(b.client, meshReady(1))]);
  const therapistId = a.client.getSnapshot().localParticipant!.id;
  // The client decodes the therapist's camera before anything happens to it.
  await waitForState(b.client, (s) => (s.peerStats[therapistId]?.framesPerSecond ?? 0) > 0, 15_000, 'video at the client');
  return { a, b, therapistId };
}

const sentCamera = (client: { getSnapshot(): { localStream: MediaStream | null } }) => client.getSnapshot().localStream?.getVideoTracks()[0];

it('captures a camera that hung once more, and the call goes on without telling anyone', async () => {
  const { a, b, therapistId } = await pair('camera-hangs');
  const before = sentCamera(a.client);
  const captures = a.devices.calls.length;
  a.devices.freezeCamera('current');
  await waitForState(a.client, (s) => s.localStream?.getVideoTracks()[0] !== before, 15_000, 'a new capture');
  expect(a.devices.calls.length).toBe(captures + 1);
  expect(before?.readyState).toBe('ended');
  // The new capture gives frames: the client decodes the therapist again, and nobody was told.
  await waitForState(b.client, (s) => (s.peerStats[therapistId]?.framesPerSecond ?? 0) > 0, 15_000, 'video at the client again');
  await sleep(5_000);
  expect(a.client.getSnapshot().error).toBeNull();
  expect(a.client.getSnapshot().media.camera).toMatchObject({ enabled: true, error: null });
  expect(b.client.getSnapshot().links[therapistId]?.receiving.reason).not.toBe('camera');
  expect(a.devices.calls.length).toBe(captures + 1);
});

it('tells both sides when a new capture gives no picture either, and takes it back when frames flow', async () => {
  const { a, b, therapistId } = await pair('camera-never');
  const captures = a.devices.calls.length;
  a.devices.freezeCamera('always');
  const stalled = await waitForState(a.client, (s) => s.error?.code === 'camera-stalled', 25_000, 'camera-stalled');
  expect(stalled.media.camera.error?.code).toBe('camera-stalled');
  expect(stalled.media.camera.enabled).toBe(true);
  expect(stalled.localVideo.sending).toEqual({ level: 'paused', reason: 'camera' });
  // Captured again once, not in a loop.
  expect(a.devices.calls.length).toBe(captures + 1);
  await waitForState(b.client, (s) => s.links[therapistId]?.receiving.reason === 'camera', 10_000, 'the client told');

  a.devices.freezeCamera(null);
  await waitForState(a.client, (s) => s.error === null && s.media.camera.error === null, 10_000, 'taken back');
  await waitForState(b.client, (s) => s.links[therapistId]?.receiving.reason !== 'camera', 10_000, 'the client told again');
  expect(a.devices.calls.length).toBe(captures + 1);
});

it('turns the camera off with the capture\'s own error when the camera cannot be captured again (unplugged)', async () => {
  const { a, b, therapistId } = await pair('camera-gone');
  a.devices.freezeCamera('current');
  a.devices.fail('camera', 'NotFoundError');
  const off = await waitForState(a.client, (s) => !s.media.camera.enabled, 15_000, 'camera off');
  expect(off.media.camera.error?.code).toBe('device-not-found');
  await waitForState(b.client, (s) => s.remoteParticipants[0]?.media.camera === false, 5_000, 'camera off at the client');
  // Not also a camera that gives no picture: it is off, and said why.
  await sleep(5_000);
  expect(a.client.getSnapshot().error?.code).toBe('device-not-found');
  expect(b.client.getSnapshot().links[therapistId]?.receiving.reason).not.toBe('camera');
});
