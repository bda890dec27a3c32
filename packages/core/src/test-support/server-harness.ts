import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import wrtc from '@roamhq/wrtc';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { attachMeetings, type MeetingsServer, type MeetingsServerOptions } from '@mentara/meetings-server';
import { createMeetingClient } from '../client/create-meeting-client';
import type { MeetingClient, MeetingClientOptions } from '../client/types';
import type { WrtcImplementation } from '../peers/transport';
import type { MeetingSnapshot } from '../state/types';
import { createFakeMediaDevices, type FakeMediaDevices } from '../testing/fake-media-devices';
import type { WrtcWithSources } from '../testing/fake-tracks-node';

/** A real HTTP server on a free loopback port with `/meetings` attached (anonymous access). */
export interface TestServer {
  url: string;
  http: Server;
  meetings: MeetingsServer;
  close(): Promise<void>;
}

/**
 * Start the real server adapter on port 0. Meetings have no waiting room here unless the options
 * say so (`waitingRoom: true`): the integration tests of the other features predate it.
 */
export async function startTestServer(options: Partial<MeetingsServerOptions> = {}): Promise<TestServer> {
  const http = createServer();
  const meetings = attachMeetings(http, { allowAnonymous: true, waitingRoom: false, ...options } as MeetingsServerOptions);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    http,
    meetings,
    async close() {
      await meetings.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** A Node meeting client with real WebRTC (wrtc) and synthetic camera/microphone. */
export interface NodeTestClient {
  client: MeetingClient;
  devices: FakeMediaDevices;
}

/** Create a Node client against `url`: no ICE servers (loopback host candidates only). */
export function createNodeClient(url: string, displayName: string, extra: Partial<MeetingClientOptions> = {}): NodeTestClient {
  const devices = createFakeMediaDevices({ wrtc: wrtc as unknown as WrtcWithSources, track: { width: 160, height: 120, fps: 10 } });
  const client = createMeetingClient({
    serverUrl: url,
    displayName,
    wrtc: wrtc as unknown as WrtcImplementation,
    mediaDevices: devices,
    webrtcConfigUrl: false,
    iceServers: [],
    statsIntervalMs: 1_000,
    networkHints: false,
    ...extra,
  });
  return { client, devices };
}

/** Resolve with the first snapshot matching `predicate` (checked now and on every change). */
export function waitForState(
  client: MeetingClient,
  predicate: (s: MeetingSnapshot) => boolean,
  timeoutMs = 15_000,
  label = 'state',
): Promise<MeetingSnapshot> {
  return new Promise((resolve, reject) => {
    if (predicate(client.getSnapshot())) {
      resolve(client.getSnapshot());
      return;
    }
    const timer = setTimeout(() => {
      off();
      const s = client.getSnapshot();
      const peers = s.remoteParticipants.map((p) => `${p.displayName}:${p.peerState}:${p.stream ? 'stream' : '-'}`).join(',');
      reject(new Error(`timed out waiting for ${label} (connection=${s.connection} peers=[${peers}])`));
    }, timeoutMs);
    const off = client.subscribe((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

/** Every remote is connected and has a camera stream with live tracks. */
export function meshReady(expectedRemotes: number) {
  return (s: MeetingSnapshot) =>
    s.connection === 'connected' &&
    s.remoteParticipants.length === expectedRemotes &&
    s.remoteParticipants.every((p) => p.peerState === 'connected' && p.stream !== null && p.stream.getTracks().length > 0);
}

/** What {@link useTestServer} gives a test file. */
export interface TestServerFixture {
  /** The file's server (available from `beforeAll` on). */
  readonly server: TestServer;
  /** A Node client on that server, destroyed after the current test. */
  node(name: string, extra?: Partial<MeetingClientOptions>): NodeTestClient;
  /** Destroy `client` after the current test too (a client of another server). */
  track(client: NodeTestClient): NodeTestClient;
  /** Destroy every client of the current test now. */
  destroyClients(): void;
}

/**
 * Registers the usual hooks of an integration test file: one real server for the file (closed
 * after it), and every client made with `node()` destroyed after each test.
 */
export function useTestServer(options: Partial<MeetingsServerOptions> = {}): TestServerFixture {
  let server: TestServer | undefined;
  const open: NodeTestClient[] = [];
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  const destroyClients = () => {
    for (const c of open.splice(0)) c.client.destroy();
  };
  afterEach(destroyClients);
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('useTestServer: the server starts in beforeAll');
      return server;
    },
    node(name, extra = {}) {
      return this.track(createNodeClient(this.server.url, name, extra));
    },
    track(client) {
      open.push(client);
      return client;
    },
    destroyClients,
  };
}
