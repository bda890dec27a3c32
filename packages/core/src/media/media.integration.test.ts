import { expect, it } from 'vitest';
import { MeetingError } from '../errors/meeting-error';
import { meshReady, useTestServer, waitForState } from '../test-support/server-harness';

const fixture = useTestServer();

async function pair(meetingId: string) {
  const a = fixture.node('Clinician');
  const b = fixture.node('Patient');
  await a.client.join(meetingId);
  await b.client.join(meetingId);
  await Promise.all([waitForState(a.client, meshReady(1)), waitForState(b.client, meshReady(1))]);
  return { a, b };
}

it('camera and microphone toggles stop the device and are reflected at the other side', async () => {
  const { a, b } = await pair('toggles');
  await a.client.camera.disable();
  expect(a.client.getSnapshot().media.camera).toEqual({ enabled: false, pending: false, error: null, processor: null });
  expect(a.client.getSnapshot().localStream?.getVideoTracks()).toHaveLength(0);
  expect(a.devices.liveTracks).toBe(1);
  await waitForState(b.client, (s) => s.remoteParticipants[0]?.media.camera === false, 5_000, 'video off at B');

  await a.client.microphone.toggle();
  await waitForState(b.client, (s) => s.remoteParticipants[0]?.media.microphone === false, 5_000, 'audio off at B');
  expect(a.devices.liveTracks).toBe(0);

  await a.client.camera.enable();
  await waitForState(b.client, (s) => s.remoteParticipants[0]?.media.camera === true, 5_000, 'video on at B');
  expect(a.client.getSnapshot().localParticipant?.media).toEqual({ microphone: false, camera: true, screen: false });
  expect(b.client.getSnapshot().remoteParticipants[0]?.peerState).toBe('connected');
});

it('screen share arrives as a separate stream next to the camera, and goes away', async () => {
  const { a, b } = await pair('screen');
  const camera = b.client.getSnapshot().remoteParticipants[0]!.stream;
  await a.client.screen.enable();
  const s = await waitForState(b.client, (x) => x.remoteParticipants[0]?.screenStream != null && x.remoteParticipants[0].media.screen, 10_000, 'screen at B');
  const remote = s.remoteParticipants[0]!;
  expect(remote.stream).toBe(camera);
  expect(remote.screenStream).not.toBe(camera);
  expect(remote.screenStream!.getVideoTracks()).toHaveLength(1);
  expect(a.client.getSnapshot().localScreenStream).not.toBeNull();

  await a.client.screen.disable();
  await waitForState(b.client, (x) => x.remoteParticipants[0]?.screenStream === null && !x.remoteParticipants[0].media.screen, 10_000, 'screen gone');
  expect(b.client.getSnapshot().remoteParticipants[0]!.stream).toBe(camera);
});

it('switches the camera mid-call with replaceTrack (same stream, no new peer connection)', async () => {
  const { a, b } = await pair('switch');
  a.devices.plug({ deviceId: 'cam-2', groupId: 'g2', kind: 'videoinput', label: 'Second camera' });
  await waitForState(a.client, (s) => s.devices.cameras.length === 2, 5_000, 'hot-plugged camera');
  const before = a.client.getSnapshot().localStream!.getVideoTracks()[0];
  const remoteStream = b.client.getSnapshot().remoteParticipants[0]!.stream;
  await a.client.devices.select('camera', 'cam-2');
  const after = a.client.getSnapshot().localStream!.getVideoTracks()[0];
  expect(after).not.toBe(before);
  expect(before?.readyState).toBe('ended');
  expect(a.client.getSnapshot().devices.selectedCameraId).toBe('cam-2');
  expect(b.client.getSnapshot().remoteParticipants[0]!.stream).toBe(remoteStream);
  expect(b.client.getSnapshot().remoteParticipants[0]!.peerState).toBe('connected');
});

it('reports typed media errors and keeps the meeting going', async () => {
  const c = fixture.node('Counsellor');
  c.devices.fail('camera', 'NotAllowedError');
  c.devices.fail('microphone', 'NotReadableError');
  const codes: string[] = [];
  c.client.on('error', ({ error }) => codes.push(error.code));
  await c.client.join('media-errors');
  await waitForState(c.client, (s) => s.media.camera.error !== null && s.media.microphone.error !== null, 5_000, 'errors');
  const s = c.client.getSnapshot();
  expect(s.media.camera.error?.code).toBe('permission-denied');
  expect(s.media.microphone.error?.code).toBe('device-in-use');
  expect(s.connection).toBe('connected');
  expect(codes).toEqual(expect.arrayContaining(['permission-denied', 'device-in-use']));
  c.devices.fail('camera', null);
  await c.client.camera.enable();
  expect(c.client.getSnapshot().media.camera).toEqual({ enabled: true, pending: false, error: null, processor: null });
  await expect(c.client.microphone.enable()).rejects.toBeInstanceOf(MeetingError);
});

it('chat, readiness, leave then join again, and destroy is final', async () => {
  const { a, b } = await pair('chat-ready');
  const m = await a.client.chat.send('  hello  ');
  expect(m.text).toBe('hello');
  await expect(a.client.chat.send('   ')).rejects.toMatchObject({ code: 'invalid-payload' });
  const max = a.client.getSnapshot().limits!.maxChatLength;
  await expect(a.client.chat.send('x'.repeat(max + 1))).rejects.toMatchObject({ code: 'payload-too-large' });
  await waitForState(b.client, (s) => s.chat.length === 1, 5_000, 'chat');
  await a.client.setReady(true);
  await waitForState(b.client, (s) => s.remoteParticipants[0]?.ready === true, 5_000, 'ready at B');

  await a.client.leave();
  expect(a.client.getSnapshot().connection).toBe('disconnected');
  expect(a.client.getSnapshot().chat).toEqual([]);
  expect(a.devices.liveTracks).toBe(0);
  await expect(a.client.chat.send('x')).rejects.toMatchObject({ code: 'invalid-state' });
  await a.client.join('chat-ready');
  await waitForState(a.client, meshReady(1), 15_000, 'mesh after rejoin');
  expect(a.client.getSnapshot().chat.map((x) => x.text)).toEqual(['hello']);

  a.client.destroy();
  a.client.destroy();
  expect(a.devices.liveTracks).toBe(0);
  expect(() => a.client.on('error', () => {})).toThrow(MeetingError);
  await expect(a.client.join('chat-ready')).rejects.toMatchObject({ code: 'destroyed' });
  await expect(a.client.camera.enable()).rejects.toMatchObject({ code: 'destroyed' });
  await waitForState(b.client, (s) => s.remoteParticipants.length === 0, 5_000, 'A gone at B');
});

it('join opens camera and microphone with one capture request, and the first offer already carries both', async () => {
  const { a, b } = await pair('one-capture');
  expect(a.devices.calls).toHaveLength(1);
  expect(a.devices.calls[0]).toMatchObject({ audio: expect.anything(), video: expect.anything() });
  // Media was there before the peer connection was built, so nothing needed renegotiating to add it.
  await waitForState(b.client, (s) => s.remoteParticipants[0]?.stream?.getTracks().length === 2, 5_000, 'both tracks at B');
  expect(a.devices.liveTracks).toBe(2);
});

it('when the joint capture fails, each device falls back to its own request and its own typed error', async () => {
  const c = fixture.node('Coordinator');
  c.devices.fail('camera', 'NotReadableError');
  await c.client.join('one-capture-fallback');
  await waitForState(c.client, (s) => s.media.microphone.enabled && s.media.camera.error !== null, 5_000, 'mic on, camera error');
  const s = c.client.getSnapshot();
  expect(s.media.camera.error?.code).toBe('device-in-use');
  expect(s.media.camera.enabled).toBe(false);
  // The joint request, then one per device.
  expect(c.devices.calls.map((call) => Object.keys(call).sort().join('+'))).toEqual(['audio+video', expect.any(String), expect.any(String)]);
  expect(c.devices.liveTracks).toBe(1);
});
