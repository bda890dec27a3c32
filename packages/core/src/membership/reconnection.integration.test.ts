import { expect, it } from 'vitest';
import type { MeetingError } from '../errors/meeting-error';
import { createSimplePeerTransport } from '../peers/simple-peer-transport';
import type { PeerTransport, PeerTransportFactory } from '../peers/transport';
import { createNodeClient, meshReady, startTestServer, useTestServer, waitForState } from '../test-support/server-harness';

const fixture = useTestServer();

const node = (name: string, extra = {}) => fixture.node(name, extra);

/** Close the server side of a participant's socket: a real transport drop for the client. */
function dropSocketOf(participantId: string) {
  for (const socket of fixture.server.meetings.namespace.sockets.values()) {
    if (socket.data.session?.participantId === participantId) socket.conn.close();
  }
}

it('rejoins after a socket drop without duplicate peers and without losing chat', async () => {
  const a = node('Clinician', { reconnection: { initialDelayMs: 100, maxDelayMs: 500 } });
  const b = node('Patient');
  await a.client.join('drop-and-rejoin');
  await b.client.join('drop-and-rejoin');
  await Promise.all([waitForState(a.client, meshReady(1)), waitForState(b.client, meshReady(1))]);
  const sent = await a.client.chat.send('before the drop');
  await waitForState(b.client, (s) => s.chat.some((m) => m.id === sent.id), 5_000, 'chat at B');
  const oldId = a.client.getSnapshot().localParticipant!.id;
  const states: string[] = [];
  a.client.on('connection-changed', ({ state }) => states.push(state));

  dropSocketOf(oldId);
  await waitForState(a.client, (s) => s.connection === 'connected' && s.localParticipant!.id !== oldId, 10_000, 'rejoined');
  expect(states).toContain('reconnecting');
  await Promise.all([waitForState(a.client, meshReady(1), 15_000, 'A mesh again'), waitForState(b.client, meshReady(1), 15_000, 'B mesh again')]);

  const sa = a.client.getSnapshot();
  const sb = b.client.getSnapshot();
  expect(sa.remoteParticipants.map((p) => p.displayName)).toEqual(['Patient']);
  expect(sb.remoteParticipants.map((p) => p.id)).toEqual([sa.localParticipant!.id]);
  expect(sa.chat.filter((m) => m.id === sent.id)).toHaveLength(1);
  expect(sa.chat.map((m) => m.text)).toEqual(['before the drop']);
  const after = await b.client.chat.send('after the drop');
  await waitForState(a.client, (s) => s.chat.length === 2, 5_000, 'chat after');
  expect(a.client.getSnapshot().chat.map((m) => m.id)).toEqual([sent.id, after.id]);
});

it('rebuilds a peer connection with a new connection id after it fails', async () => {
  const transports: PeerTransport[] = [];
  const recording: PeerTransportFactory = (o) => {
    const t = createSimplePeerTransport(o);
    transports.push(t);
    return t;
  };
  const a = node('Clinician', { peerTransport: recording, peerReconnection: { initialDelayMs: 100, connectTimeoutMs: 5_000 } });
  const b = node('Patient', { peerReconnection: { initialDelayMs: 100, connectTimeoutMs: 5_000 } });
  await a.client.join('peer-rebuild');
  await b.client.join('peer-rebuild');
  await Promise.all([waitForState(a.client, meshReady(1)), waitForState(b.client, meshReady(1))]);
  const peerStates: string[] = [];
  b.client.on('peer-state-changed', ({ state }) => peerStates.push(state));
  const firstStream = b.client.getSnapshot().remoteParticipants[0]!.stream;

  // A hard failure of A's side: its RTCPeerConnection goes away under simple-peer.
  transports[0]!.connection!.close();
  await waitForState(b.client, (s) => s.remoteParticipants[0]?.stream !== firstStream, 20_000, 'new stream at B');
  await Promise.all([waitForState(a.client, meshReady(1), 15_000, 'A again'), waitForState(b.client, meshReady(1), 15_000, 'B again')]);
  expect(peerStates).toContain('reconnecting');
  expect(transports.length).toBeGreaterThanOrEqual(2);
  expect(a.client.getSnapshot().remoteParticipants).toHaveLength(1);
});

it('gives up after the configured attempts: peer "failed" and a peer-connection-failed error', async () => {
  // Simulated network failure: C's signals never leave (a blocked path between the peers).
  const blocked: PeerTransportFactory = (o) => {
    const t = createSimplePeerTransport(o);
    return { ...t, on: (event, handler) => (event === 'signal' ? () => {} : t.on(event, handler)), signal: (d) => t.signal(d), setTrack: (...args) => t.setTrack(...args), addStream: (s) => t.addStream(s), removeStream: (s) => t.removeStream(s), send: (x) => t.send(x), destroy: () => t.destroy(), get connection() { return t.connection; }, get destroyed() { return t.destroyed; } };
  };
  const policy = { maxAttempts: 1, initialDelayMs: 50, maxDelayMs: 100, connectTimeoutMs: 1_000 };
  const errors: MeetingError[] = [];
  const c = node('Counsellor', { peerTransport: blocked, peerReconnection: policy, onError: (e: MeetingError) => errors.push(e) });
  const d = node('Coordinator', { peerReconnection: policy });
  await c.client.join('give-up');
  await d.client.join('give-up');
  await waitForState(c.client, (s) => s.remoteParticipants[0]?.peerState === 'failed', 15_000, 'C failed');
  await waitForState(d.client, (s) => s.remoteParticipants[0]?.peerState === 'failed', 15_000, 'D failed');
  const failure = errors.find((e) => e.code === 'peer-connection-failed');
  expect(failure?.participantId).toBe(d.client.getSnapshot().localParticipant!.id);
  expect(c.client.getSnapshot().connection).toBe('connected');
});

it('after signalling gave up ("failed"), the browser\'s online event reconnects and rejoins', async () => {
  const own = await startTestServer();
  const port = Number(new URL(own.url).port);
  const fakeWindow = new EventTarget();
  Object.defineProperty(globalThis, 'window', { configurable: true, value: fakeWindow });
  try {
    const a = createNodeClient(own.url, 'Roaming', { networkHints: true, reconnection: { maxAttempts: 2, initialDelayMs: 50, maxDelayMs: 100 } });
    fixture.track(a);
    await a.client.join('offline-online');
    const firstId = a.client.getSnapshot().localParticipant!.id;
    // The network goes away: nothing listens any more and open connections die.
    const closed = new Promise<void>((resolve) => own.http.close(() => resolve()));
    for (const socket of own.meetings.namespace.sockets.values()) socket.conn.close();
    own.http.closeAllConnections();
    await closed;
    await waitForState(a.client, (s) => s.connection === 'failed', 10_000, 'gave up');
    expect(a.client.getSnapshot().error?.code).toBe('signalling-unreachable');
    await new Promise<void>((resolve) => own.http.listen(port, '127.0.0.1', resolve));
    fakeWindow.dispatchEvent(new Event('online'));
    const s = await waitForState(a.client, (x) => x.connection === 'connected', 10_000, 'back online');
    expect(s.localParticipant!.id).not.toBe(firstId);
    expect(s.error).toBeNull();
  } finally {
    Reflect.deleteProperty(globalThis, 'window');
    fixture.destroyClients();
    await own.close();
  }
});

it('a rejoin refused because the meeting ended meanwhile ends in "failed" with meeting-ended', async () => {
  const a = node('Away', { reconnection: { initialDelayMs: 300, maxDelayMs: 500 } });
  const b = node('Stays');
  await a.client.join('ended-while-away');
  await b.client.join('ended-while-away');
  await waitForState(a.client, meshReady(1));
  dropSocketOf(a.client.getSnapshot().localParticipant!.id);
  await fixture.server.meetings.endMeeting('ended-while-away');
  const s = await waitForState(a.client, (x) => x.connection === 'failed', 10_000, 'refused');
  expect(s.error?.code).toBe('meeting-ended');
  expect(s.error?.recoverable).toBe(false);
  expect(s.remoteParticipants.every((p) => p.peerState !== 'connected')).toBe(true);
  await waitForState(b.client, (x) => x.meeting?.status === 'ended', 5_000, 'ended at B');
});
