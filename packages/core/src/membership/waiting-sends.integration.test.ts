import wrtc from '@roamhq/wrtc';
import { describe, expect, it } from 'vitest';
import { issueMeetingToken } from '@mentara/meetings-server';
import type { MeetingError } from '../errors/meeting-error';
import type { MediaDevicesLike } from '../media/types';
import { PROTOCOL_ERROR_CODES } from '../protocol/errors';
import type { ParticipantRole } from '../protocol/types';
import { createFakeMediaDevices } from '../testing/fake-media-devices';
import type { WrtcWithSources } from '../testing/fake-tracks-node';
import { useTestServer, waitForState, type NodeTestClient } from '../test-support/server-harness';

// A waiting participant may not publish media state or readiness: the server answers
// `not-admitted`. What they change while waiting must reach the meeting once they are let in,
// and nothing of that window may surface as an error (the "Please wait for the host to let you
// in." banner on a client that was just admitted).
const SECRET = 'waiting-sends-integration-secret-0123456789';
const fixture = useTestServer({ auth: { secret: SECRET }, allowAnonymous: false, waitingRoom: true });

const token = (userId: string, meetingId: string, role: ParticipantRole = 'participant') =>
  issueMeetingToken({ secret: SECRET, userId, displayName: userId, meetingId, role });

/** Fake devices whose captures wait until `release()`: the camera comes up after the join answer. */
function heldDevices(): { devices: MediaDevicesLike; release(): void } {
  const devices = createFakeMediaDevices({ wrtc: wrtc as unknown as WrtcWithSources, track: { width: 160, height: 120, fps: 10 } });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    release,
    devices: {
      getUserMedia: async (constraints) => {
        await released;
        return devices.getUserMedia(constraints);
      },
      enumerateDevices: () => devices.enumerateDevices(),
    },
  };
}

/**
 * What the server received on `userId`'s socket before it let them in (from now on): the
 * index of `meeting-joined` among its outgoing events splits the incoming ones.
 */
function watchServerSocket(userId: string): { receivedWhileWaiting(): string[] } {
  const [socket, ...others] = [...fixture.server.meetings.namespace.sockets.values()].filter((s) => s.data.user.userId === userId);
  if (!socket || others.length > 0) throw new Error(`expected one socket of ${userId}`);
  const received: string[] = [];
  let admittedAt: number | null = null;
  socket.onAny((event: string) => received.push(event));
  socket.onAnyOutgoing((event: string) => {
    if (event === 'meeting-joined') admittedAt ??= received.length;
  });
  return { receivedWhileWaiting: () => received.slice(0, admittedAt ?? received.length) };
}

/** Host and client in `meetingId`; the client is waiting. Collects the client's errors. */
async function hostAndWaitingClient(meetingId: string, devices?: MediaDevicesLike) {
  const errors: MeetingError[] = [];
  const host = fixture.node('Therapist', { token: await token('therapist', meetingId, 'host') });
  const guest: NodeTestClient = fixture.node('Client', {
    token: await token('client', meetingId),
    ...(devices ? { mediaDevices: devices } : {}),
    onError: (error) => errors.push(error),
  });
  await host.client.join(meetingId);
  await guest.client.join(meetingId);
  expect(guest.client.getSnapshot().admission).toBe('waiting');
  const atHost = await waitForState(host.client, (s) => s.waiting.length === 1, 5_000, 'the host sees the waiter');
  return { host, guest, errors, waiterId: atHost.waiting[0]!.id, server: watchServerSocket('client') };
}

/**
 * Every answer to what the client sent before this point has reached it: the server handles a
 * socket's events in arrival order, and a chat message is acknowledged.
 */
async function settle(guest: NodeTestClient) {
  await guest.client.chat.send('hello');
}

describe('what a waiting participant sends', () => {
  it('camera and microphone that come up after the join answer are published once admitted, with no error', async () => {
    const held = heldDevices();
    const { host, guest, errors, waiterId, server } = await hostAndWaitingClient('late-capture', held.devices);
    // The capture finishes while the client waits (the consumer app's race).
    held.release();
    await waitForState(guest.client, (s) => s.media.camera.enabled && s.media.microphone.enabled, 10_000, 'media on while waiting');

    await host.client.host.admit(waiterId);
    await waitForState(guest.client, (s) => s.admission === 'admitted', 5_000, 'admitted');
    // What came up while waiting reaches the others right after admission.
    await waitForState(
      host.client,
      (s) => s.remoteParticipants[0]?.media.camera === true && s.remoteParticipants[0]?.media.microphone === true,
      5_000,
      'the host sees the client camera and microphone on',
    );
    await settle(guest);
    expect(errors.map((e) => e.code)).toEqual([]);
    expect(guest.client.getSnapshot().error).toBeNull();
    expect(server.receivedWhileWaiting()).not.toContain('toggle-media');
  });

  it('turning the microphone and camera off while waiting holds after admission, with no error', async () => {
    const { host, guest, errors, waiterId, server } = await hostAndWaitingClient('muted-while-waiting');
    await waitForState(guest.client, (s) => s.media.camera.enabled && s.media.microphone.enabled, 10_000, 'media on');
    await guest.client.microphone.disable();
    await guest.client.camera.disable();

    await host.client.host.admit(waiterId);
    await waitForState(guest.client, (s) => s.admission === 'admitted', 5_000, 'admitted');
    const seen = await waitForState(
      host.client,
      (s) => s.remoteParticipants[0]?.media.microphone === false && s.remoteParticipants[0]?.media.camera === false,
      5_000,
      'the host sees the client muted with the camera off',
    );
    expect(seen.remoteParticipants[0]?.media.screen).toBe(false);
    await settle(guest);
    expect(errors.map((e) => e.code)).toEqual([]);
    expect(guest.client.getSnapshot().error).toBeNull();
    expect(server.receivedWhileWaiting()).not.toContain('toggle-media');
  });

  it("the server's late not-admitted answer to something sent before a waiting spell is not shown", async () => {
    const { host, guest, errors, waiterId } = await hostAndWaitingClient('late-refusal');
    // What the server answers media state that reached it while the socket was waiting (after a
    // rejoin put it back in the waiting room, say): on the same socket, before the admission.
    const [socket] = [...fixture.server.meetings.namespace.sockets.values()].filter((x) => x.data.user.userId === 'client');
    socket!.emit('webrtc-error', { code: 'not-admitted', message: PROTOCOL_ERROR_CODES['not-admitted'], event: 'toggle-media', recoverable: false });

    await host.client.host.admit(waiterId);
    await waitForState(guest.client, (s) => s.admission === 'admitted', 5_000, 'admitted');
    await settle(guest);
    expect(errors.map((e) => e.code)).toEqual([]);
    expect(guest.client.getSnapshot().error).toBeNull();
  });

  it('readiness chosen while waiting is published on admission, and again after a reconnection', async () => {
    const { host, guest, errors, waiterId, server } = await hostAndWaitingClient('ready-while-waiting');
    await guest.client.setReady(true);

    await host.client.host.admit(waiterId);
    const admitted = await waitForState(guest.client, (s) => s.localParticipant?.ready === true, 5_000, 'ready once admitted');
    expect(admitted.admission).toBe('admitted');
    await waitForState(host.client, (s) => s.remoteParticipants[0]?.ready === true, 5_000, 'the host sees the client ready');
    expect(server.receivedWhileWaiting()).not.toContain('participant-ready');

    // The server starts a rejoined participant as not ready: the choice is published again.
    const [socket] = [...fixture.server.meetings.namespace.sockets.values()].filter((x) => x.data.user.userId === 'client');
    socket!.conn.close();
    await waitForState(guest.client, (s) => s.connection === 'reconnecting', 5_000, 'reconnecting');
    const back = await waitForState(guest.client, (s) => s.connection === 'connected' && s.localParticipant?.ready === true, 10_000, 'ready again');
    const rejoinedId = back.localParticipant!.id;
    await waitForState(host.client, (s) => s.remotes[rejoinedId]?.ready === true, 5_000, 'the host sees the client ready again');
    await settle(guest);
    expect(errors.map((e) => e.code)).toEqual([]);
  });
});
