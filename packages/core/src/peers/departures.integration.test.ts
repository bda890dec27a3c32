import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { attachMeetings, type MeetingsServer, type MeetingsServerOptions } from '@mentara/meetings-server';
import type { MeetingClientOptions } from '../client/types';
import { createNodeClient, meshReady, waitForState, type NodeTestClient } from '../test-support/server-harness';

/** A signalling server that can crash and come back on the same port (as a restarted process would). */
interface CrashableServer {
  url: string;
  meetings: MeetingsServer;
  /** Unreachable from now on, as if the process died: connections cut, nothing listens, nobody told. */
  crash(): Promise<void>;
}

const open: NodeTestClient[] = [];
const servers: CrashableServer[] = [];

afterEach(async () => {
  for (const c of open.splice(0)) c.client.destroy();
  for (const s of servers.splice(0)) await s.crash();
});

/** The same key on every start, as a deployment with a JWT secret has: rejoin tickets survive the restart. */
async function serverOn(port = 0, options: Partial<MeetingsServerOptions> = {}): Promise<CrashableServer> {
  const http: Server = createServer();
  const meetings = attachMeetings(http, { allowAnonymous: true, waitingRoom: false, rejoinKey: 'departures-test-key', ...options } as MeetingsServerOptions);
  const connections = new Set<Socket>();
  http.on('connection', (connection: Socket) => {
    connections.add(connection);
    connection.once('close', () => connections.delete(connection));
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  let crashed: Promise<void> | undefined;
  const server: CrashableServer = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    meetings,
    crash: () =>
      (crashed ??= (async () => {
        // Nothing listens any more (the listening socket closes at once; `meetings.close()` drops
        // the callback's listener with the others it restores, so it is not awaited).
        http.close();
        // Every connection is cut at once, as the kernel does for a process that died: nobody is told.
        for (const connection of connections) connection.destroy();
        await meetings.close();
      })()),
  };
  servers.push(server);
  return server;
}

const portOf = (server: CrashableServer) => Number(new URL(server.url).port);

function node(server: CrashableServer, name: string, extra: Partial<MeetingClientOptions> = {}) {
  // Keeps trying while the server is away, quickly (the defaults back off to 10 s).
  const c = createNodeClient(server.url, name, { reconnection: { maxAttempts: 100, initialDelayMs: 200, maxDelayMs: 1_000 }, ...extra });
  open.push(c);
  return c;
}

async function inCall(server: CrashableServer, meetingId: string, extraA: Partial<MeetingClientOptions> = {}) {
  const a = node(server, 'Therapist', extraA);
  const b = node(server, 'Client');
  await a.client.join(meetingId);
  await b.client.join(meetingId);
  await Promise.all([waitForState(a.client, meshReady(1), 20_000, 'A in the call'), waitForState(b.client, meshReady(1), 20_000, 'B in the call')]);
  return { a, b, bId: b.client.getSnapshot().localParticipant!.id };
}

it('(a) someone who leaves while the server is unreachable says goodbye over the peer link: their tile goes at once', async () => {
  const server = await serverOn();
  const { a, b, bId } = await inCall(server, 'goodbye-on-leave');
  const left: string[] = [];
  a.client.on('participant-left', ({ participantId, reason }) => left.push(`${participantId}:${reason}`));

  await server.crash();
  await waitForState(a.client, (s) => s.connection === 'reconnecting', 10_000, 'A reconnecting');
  await b.client.leave();
  // Well within the outage bound (20 s by default): only the goodbye explains it.
  await waitForState(a.client, (s) => s.remoteParticipants.length === 0, 5_000, "B's tile gone at A");
  expect(left).toEqual([`${bId}:left`]);
});

it('(b) someone who vanishes while the server is unreachable shows as reconnecting, then goes after the bound', async () => {
  const server = await serverOn();
  const { a, b, bId } = await inCall(server, 'vanish-in-outage', { peerReconnection: { departedAfterMs: 3_000 } });
  const states: string[] = [];
  a.client.on('peer-state-changed', ({ state }) => states.push(state));
  const left: string[] = [];
  a.client.on('participant-left', ({ participantId, reason }) => left.push(`${participantId}:${reason}`));

  await server.crash();
  await waitForState(a.client, (s) => s.connection === 'reconnecting', 10_000, 'A reconnecting');
  // Gone without a word to anyone: no goodbye, and the server is away.
  b.client.destroy();
  await waitForState(a.client, (s) => s.remoteParticipants.length === 0, 20_000, "B's tile gone at A");
  expect(states).toContain('reconnecting');
  expect(left).toEqual([`${bId}:disconnected`]);
  expect(a.client.getSnapshot().connection).not.toBe('connected');
});

it('(b) after a server restart the roster decides: someone who did not come back is dropped on the rejoin', async () => {
  const first = await serverOn();
  // A bound far away: only the rejoin's roster can remove B here.
  const { a, b } = await inCall(first, 'gone-after-restart', { peerReconnection: { departedAfterMs: 120_000 } });
  const aId = a.client.getSnapshot().localParticipant!.id;

  await first.crash();
  await waitForState(a.client, (s) => s.connection === 'reconnecting', 10_000, 'A reconnecting');
  b.client.destroy();
  await serverOn(portOf(first));
  const s = await waitForState(a.client, (x) => x.connection === 'connected' && x.remoteParticipants.length === 0, 20_000, 'A back, alone');
  // The rejoin ticket gave A its id back: the same person in the same meeting.
  expect(s.localParticipant!.id).toBe(aId);
});

it('(c) with the server up, someone whose connection went silent is dropped by the server heartbeat within ~20 s', async () => {
  // The server's default heartbeat (Socket.IO's own would take 45 s).
  const server = await serverOn();
  const { a, bId } = await inCall(server, 'silent-socket', { peerReconnection: { departedAfterMs: 120_000 } });
  const socket = [...server.meetings.namespace.sockets.values()].find((x) => x.data.session?.participantId === bId);
  // The server stops hearing B (no pong, nothing) while nothing is closed: a tab frozen or a network gone.
  (socket!.conn.transport as unknown as { socket: { _socket: { pause(): void } } }).socket._socket.pause();
  await waitForState(a.client, (s) => !s.remotes[bId], 30_000, "B's tile gone at A");
}, 60_000);
