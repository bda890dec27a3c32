import { describe, expect, it } from 'vitest';
import type { MeetingClient } from './types';
import { createNodeClient, meshReady, useTestServer, waitForState } from '../test-support/server-harness';

const fixture = useTestServer();

const node = (name: string, extra = {}) => fixture.node(name, extra);

const liveRemoteTracks = (client: MeetingClient) =>
  client.getSnapshot().remoteParticipants.flatMap((p) => p.stream?.getTracks().map((t) => t.kind) ?? []);

describe('meeting client against the real server adapter (Node + wrtc)', () => {
  it('two clients join, connect peer-to-peer and receive each other\'s audio and video', async () => {
    const a = node('Clinician');
    const b = node('Patient');
    await a.client.join('two-people');
    await b.client.join('two-people');
    await Promise.all([
      waitForState(a.client, meshReady(1), 15_000, 'A mesh'),
      waitForState(b.client, meshReady(1), 15_000, 'B mesh'),
    ]);
    await waitForState(a.client, () => liveRemoteTracks(a.client).length === 2, 10_000, 'A tracks');
    expect(liveRemoteTracks(a.client).sort()).toEqual(['audio', 'video']);
    const sa = a.client.getSnapshot();
    expect(sa.participantCount).toBe(2);
    expect(sa.localParticipant?.media).toEqual({ microphone: true, camera: true, screen: false });
    expect(sa.remoteParticipants[0]?.displayName).toBe('Patient');
    expect(sa.remoteParticipants[0]?.media).toEqual({ microphone: true, camera: true, screen: false });

    await b.client.leave();
    await waitForState(a.client, (s) => s.remoteParticipants.length === 0, 5_000, 'Patient gone');
    expect(b.client.getSnapshot().connection).toBe('disconnected');
    expect(b.devices.liveTracks).toBe(0);
  });

  it('join() takes a per-meeting display name that wins over the option', async () => {
    const a = node('Therapist');
    const b = node('Default name');
    await a.client.join('named-join');
    await b.client.join('named-join', { displayName: 'Typed in the lobby' });
    await waitForState(a.client, (s) => s.remoteParticipants.length === 1, 5_000, 'B listed');
    expect(a.client.getSnapshot().remoteParticipants[0]?.displayName).toBe('Typed in the lobby');
    expect(b.client.getSnapshot().localParticipant?.displayName).toBe('Typed in the lobby');
  });

  it('a failed join rejects with a typed error, lands in state and onError, and stops the media it started', async () => {
    const errors: string[] = [];
    const offline = createNodeClient('http://127.0.0.1:9', 'Nobody', { joinTimeoutMs: 800, onError: (e: { code: string }) => errors.push(e.code) });
    fixture.track(offline);
    await expect(offline.client.join('unreachable')).rejects.toMatchObject({ code: 'signalling-unreachable', recoverable: true });
    const s = offline.client.getSnapshot();
    expect(s.connection).toBe('failed');
    expect(s.error?.code).toBe('signalling-unreachable');
    expect(errors).toContain('signalling-unreachable');
    await waitForState(offline.client, (x) => !x.media.camera.enabled && !x.media.microphone.enabled && !x.media.camera.pending, 3_000, 'media stopped');
    expect(offline.devices.liveTracks).toBe(0);

    const bad = node('Bad id');
    await expect(bad.client.join('not a valid id!')).rejects.toMatchObject({ code: 'invalid-payload' });
    await expect(bad.client.join()).rejects.toMatchObject({ code: 'invalid-state' });
  });

  it('meeting-started and meeting-ended reach the snapshot and the events', async () => {
    const a = node('Host');
    const b = node('Guest');
    const events: string[] = [];
    a.client.on('meeting-started', () => events.push('started'));
    a.client.on('meeting-ended', ({ reason }) => events.push(`ended:${reason}`));
    await a.client.join('lifecycle');
    await b.client.join('lifecycle');
    await waitForState(a.client, (s) => s.meeting?.status === 'active' && s.meeting.startedAt !== undefined, 5_000, 'started');
    await waitForState(a.client, meshReady(1), 15_000, 'mesh');
    await fixture.server.meetings.endMeeting('lifecycle');
    const s = await waitForState(a.client, (x) => x.meeting?.status === 'ended' && x.connection === 'disconnected', 5_000, 'ended');
    expect(s.remoteParticipants.every((p) => p.peerState === 'closed' || p.peerState === 'new')).toBe(true);
    expect(events).toEqual(['started', 'ended:ended-by-host']);
    // The ended session is over: join() may be called directly, and the server refuses it.
    await waitForState(b.client, (x) => x.connection === 'disconnected', 5_000, 'B ended');
    await expect(b.client.join('lifecycle')).rejects.toMatchObject({ code: 'meeting-ended' });
    await expect(a.client.join('lifecycle-2')).resolves.toBeUndefined();
  });

  it('leave() or destroy() while joining settles the join without reporting an error', async () => {
    const errors: string[] = [];
    const a = node('Quick', { onError: (e: { code: string }) => errors.push(e.code) });
    const joining = a.client.join('interrupted');
    await a.client.leave();
    await expect(joining).rejects.toMatchObject({ code: 'invalid-state' });
    const b = node('Quicker', { onError: (e: { code: string }) => errors.push(e.code) });
    const joining2 = b.client.join('interrupted');
    b.client.destroy();
    await expect(joining2).rejects.toMatchObject({ code: 'destroyed' });
    expect(errors).toEqual([]);
    await waitForState(a.client, (s) => !s.media.camera.pending && !s.media.microphone.pending, 3_000, 'settled');
    await new Promise((r) => setTimeout(r, 100));
    expect(a.devices.liveTracks + b.devices.liveTracks).toBe(0);
  });
});
