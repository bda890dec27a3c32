import { describe, expect, it } from 'vitest';
import { issueMeetingToken, type AuthenticatedUser } from '@mentara/meetings-server';
import { createSimplePeerTransport } from '../peers/simple-peer-transport';
import type { PeerTransportFactory } from '../peers/transport';
import type { ParticipantRole } from '../protocol/types';
import { createNodeClient, meshReady, startTestServer, useTestServer, waitForState } from '../test-support/server-harness';

const SECRET = 'session-flow-integration-secret-0123456789';
/** Who asked to join, in order: every `join-meeting` the server handled passes the authorize hook. */
const joinAttempts: string[] = [];
const fixture = useTestServer({
  auth: { secret: SECRET },
  allowAnonymous: false,
  waitingRoom: true,
  authorize: (user: AuthenticatedUser) => {
    joinAttempts.push(user.userId);
    return true;
  },
});

const token = (userId: string, meetingId: string, role: ParticipantRole = 'participant') =>
  issueMeetingToken({ secret: SECRET, userId, displayName: userId, meetingId, role });

/** A peer transport factory that counts the connections a client creates. */
function countingTransports(): { factory: PeerTransportFactory; count(): number } {
  let created = 0;
  return {
    factory: (options) => {
      created += 1;
      return createSimplePeerTransport(options);
    },
    count: () => created,
  };
}

describe('the session flow with the real client and server', () => {
  it('a client waits with no peer connection created; the host admits them through client.host; both connect media', async () => {
    const meetingId = 'waiting-room-admit';
    const transports = countingTransports();
    const host = fixture.node('Therapist', { token: await token('therapist', meetingId, 'host') });
    const guest = fixture.node('Client', { token: await token('client', meetingId), peerTransport: transports.factory });
    const knocks: string[] = [];
    host.client.on('participant-waiting', ({ participant }) => knocks.push(participant.displayName));

    await host.client.join(meetingId);
    await guest.client.join(meetingId);
    const waiting = guest.client.getSnapshot();
    expect(waiting).toMatchObject({ admission: 'waiting', role: 'participant', connection: 'connected', localParticipant: null });
    expect(waiting.meeting).toMatchObject({ meetingId, waitingRoom: true, hostPresent: true });
    const atHost = await waitForState(host.client, (s) => s.waiting.length === 1, 5_000, 'the host sees the waiter');
    expect(atHost.waiting[0]).toMatchObject({ displayName: 'client', userId: 'client' });
    expect(knocks).toEqual(['client']);
    // Chat and media of the room stay out of reach while waiting.
    await host.client.chat.send('before you came in');
    await expect(guest.client.chat.send('let me in')).rejects.toMatchObject({ code: 'not-admitted' });
    await new Promise((r) => setTimeout(r, 500));
    expect(transports.count()).toBe(0);
    expect(guest.client.getSnapshot().remoteParticipants).toEqual([]);
    expect(guest.client.getSnapshot().chat).toEqual([]);

    await host.client.host.admit(atHost.waiting[0]!.id);
    await Promise.all([
      waitForState(guest.client, meshReady(1), 20_000, 'guest mesh'),
      waitForState(host.client, meshReady(1), 20_000, 'host mesh'),
    ]);
    expect(guest.client.getSnapshot()).toMatchObject({ admission: 'admitted', waiting: [] });
    expect(host.client.getSnapshot().waiting).toEqual([]);
    expect(transports.count()).toBeGreaterThanOrEqual(1);
    expect(guest.client.getSnapshot().chat).toEqual([]);
  });

  it('mute-requested turns the microphone off on the target, and the snapshot says who asked', async () => {
    const meetingId = 'ask-to-mute';
    const host = fixture.node('Therapist', { token: await token('therapist', meetingId, 'host') });
    const guest = fixture.node('Client', { token: await token('client', meetingId) });
    await host.client.join(meetingId);
    await guest.client.join(meetingId);
    await host.client.host.admitAll();
    await waitForState(host.client, meshReady(1), 20_000, 'mesh');
    await waitForState(guest.client, (s) => s.localParticipant?.media.microphone === true, 5_000, 'guest microphone on');
    const asked: string[] = [];
    guest.client.on('mute-requested', ({ source, byName }) => asked.push(`${source}:${byName}`));

    await host.client.host.requestMute(guest.client.getSnapshot().localParticipant!.id);
    const s = await waitForState(guest.client, (x) => !x.media.microphone.enabled && x.localParticipant?.media.microphone === false, 5_000, 'muted');
    expect(s.hostRequest).toMatchObject({ type: 'mute', source: 'microphone', byName: 'therapist' });
    expect(asked).toEqual(['microphone:therapist']);
    expect(s.media.camera.enabled).toBe(true);
    await waitForState(host.client, (x) => x.remoteParticipants[0]?.media.microphone === false, 5_000, 'the host sees it off');
    // Cooperative: turning it back on stays the participant's own choice.
    await guest.client.microphone.enable();
    await waitForState(host.client, (x) => x.remoteParticipants[0]?.media.microphone === true, 5_000, 'back on');
  });

  it('remove ends the target\'s membership for good: no automatic rejoin, and a join is refused', async () => {
    const meetingId = 'removed-for-good';
    const host = fixture.node('Therapist', { token: await token('therapist', meetingId, 'host') });
    const guest = fixture.node('Client', { token: await token('removed-client', meetingId), reconnection: { initialDelayMs: 100, maxDelayMs: 300 } });
    await host.client.join(meetingId);
    await guest.client.join(meetingId);
    await host.client.host.admitAll();
    await waitForState(guest.client, meshReady(1), 20_000, 'guest mesh');
    const guestId = guest.client.getSnapshot().localParticipant!.id;

    await host.client.host.remove(guestId);
    const out = await waitForState(guest.client, (s) => s.admission === 'removed' && s.connection === 'disconnected', 5_000, 'removed');
    expect(out.remoteParticipants).toEqual([]);
    expect(out.localParticipant).toBeNull();
    await waitForState(host.client, (s) => s.remoteParticipants.length === 0, 5_000, 'gone at the host');

    // A dropped connection that comes back must not bring them back in.
    const attemptsBefore = joinAttempts.filter((u) => u === 'removed-client').length;
    const socketsOf = () => [...fixture.server.meetings.namespace.sockets.values()].filter((x) => x.data.user.userId === 'removed-client');
    const [dropped, ...others] = socketsOf();
    expect(others).toEqual([]);
    dropped!.conn.close();
    // The transport comes back (Socket.IO reconnects)…
    await expect.poll(() => socketsOf().filter((x) => x.id !== dropped!.id).length, { timeout: 5_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1_000));
    // …but the membership does not ask to join again.
    expect(joinAttempts.filter((u) => u === 'removed-client').length).toBe(attemptsBefore);
    expect(guest.client.getSnapshot().admission).toBe('removed');
    expect((await fixture.server.meetings.store.listParticipants(meetingId)).map((p) => p.userId)).toEqual(['therapist']);
    // And a join of their own is refused until the meeting ends.
    const again = fixture.node('Client again', { token: await token('removed-client', meetingId) });
    await expect(again.client.join(meetingId)).rejects.toMatchObject({ code: 'removed-from-meeting' });
  });

  it('warns five minutes before the end by the server clock, and a host extending it clears the warning', async () => {
    // The server's clock is an hour ahead of this machine's: only its clock can tell the end is near.
    const skew = 3_600_000;
    const server = await startTestServer({ auth: { secret: SECRET }, allowAnonymous: false, waitingRoom: true, now: () => Date.now() + skew });
    try {
      const endsAt = Date.now() + skew + 4 * 60_000;
      const { meetingId } = await server.meetings.createMeeting({ frontendUrl: 'https://app.example', endsAt });
      const host = fixture.track(createNodeClient(server.url, 'Therapist', { token: await token('therapist', meetingId, 'host') }));
      const guest = fixture.track(createNodeClient(server.url, 'Client', { token: await token('client', meetingId) }));
      const soon: number[] = [];
      guest.client.on('meeting-ending-soon', ({ endsAt: at }) => soon.push(at));
      await host.client.join(meetingId);
      await guest.client.join(meetingId);
      // Waiting, and already told: the warning needs no admission, only the meeting's window.
      const warned = await waitForState(guest.client, (s) => s.sessionWarning === 'ending-soon', 5_000, 'warned while waiting');
      expect(warned.admission).toBe('waiting');
      expect(warned.clockOffsetMs).toBeGreaterThan(skew - 60_000);
      expect(soon).toEqual([endsAt]);
      await waitForState(host.client, (s) => s.sessionWarning === 'ending-soon', 5_000, 'host warned');

      const extended = await host.client.host.extend(30);
      expect(extended.endsAt).toBe(endsAt + 30 * 60_000);
      await waitForState(guest.client, (s) => s.meeting?.endsAt === endsAt + 30 * 60_000 && s.sessionWarning === null, 5_000, 'warning cleared');
      await waitForState(host.client, (s) => s.sessionWarning === null, 5_000, 'host warning cleared');
    } finally {
      await server.close();
    }
  });
});
