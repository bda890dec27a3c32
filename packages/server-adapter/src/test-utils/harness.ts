import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as ioClient, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientToServerEvents,
  JoinMeetingPayload,
  JoinMeetingResult,
  MeetingJoinedPayload,
  ParticipantRole,
  ServerToClientEvents,
} from '@mentara/meetings-core/protocol';
import { attachMeetings, type MeetingsServer } from '../attach';
import { issueMeetingToken, type IssueMeetingTokenOptions } from '../auth/issue-token';
import type { MeetingsServerOptions } from '../options';

/** A typed test client. */
export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export const TEST_SECRET = 'test-secret-for-meetings-server-0123456789';

/** Extra claims of a test token. */
export type TokenClaims = Pick<IssueMeetingTokenOptions, 'startsAt' | 'endsAt' | 'displayName' | 'waitingRoom' | 'chatHistory'>;

/** A real HTTP server on a free loopback port with `/meetings` attached. */
export interface Harness {
  url: string;
  http: HttpServer;
  meetings: MeetingsServer;
  token(userId: string, meetingId: string | string[], role?: ParticipantRole, extra?: TokenClaims): Promise<string>;
  /** Connects a client and waits for `connect` (rejects on `connect_error`). */
  connect(auth: Record<string, unknown>, extra?: { extraHeaders?: Record<string, string> }): Promise<TestClient>;
  /** Connects with a token for `meetingId` and joins; returns the client and the join answer. */
  joinAs(userId: string, meetingId: string, role?: ParticipantRole, payload?: Partial<JoinMeetingPayload>): Promise<{ client: TestClient; joined: MeetingJoinedPayload }>;
  /**
   * Connects with a token for `meetingId` (with `claims`) and sends `join-meeting` with an ack;
   * returns the client and the raw answer, whatever it is (admitted, waiting or refused).
   */
  enter(userId: string, meetingId: string, role?: ParticipantRole, claims?: TokenClaims): Promise<{ client: TestClient; answer: Ack<JoinMeetingResult> }>;
  close(): Promise<void>;
}

/** Opens a client against any URL; the caller closes it. */
export function openClient(url: string, auth: Record<string, unknown>, extra: { extraHeaders?: Record<string, string>; path?: string } = {}): Promise<TestClient> {
  const client: TestClient = ioClient(`${url}/meetings`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...extra,
  });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('connect_error', (err) => {
      client.close();
      reject(err);
    });
  });
}

/** Resolves with the next `event` payload, or rejects after `timeoutMs`. */
export function nextEvent<E extends keyof ServerToClientEvents>(client: TestClient, event: E, timeoutMs = 3000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(event)}`)), timeoutMs);
    client.once(event as 'meeting-joined', ((payload: unknown) => {
      clearTimeout(timer);
      resolve(payload as Parameters<ServerToClientEvents[E]>[0]);
    }) as never);
  });
}

/** Collects every `event` payload a client receives. */
export function collect<E extends keyof ServerToClientEvents>(client: TestClient, event: E): Array<Parameters<ServerToClientEvents[E]>[0]> {
  const seen: Array<Parameters<ServerToClientEvents[E]>[0]> = [];
  client.on(event as 'meeting-joined', ((payload: unknown) => seen.push(payload as never)) as never);
  return seen;
}

/** Waits a little to prove something did NOT arrive. */
export const settle = (ms = 150): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Emits an acknowledged event with a timeout. */
export function ack<T>(client: TestClient, event: keyof ClientToServerEvents, payload: unknown): Promise<Ack<T>> {
  return (client.timeout(3000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<T>> }).emitWithAck(event, payload);
}

/** Emits a raw (possibly invalid) event without an acknowledgement. */
export function emitRaw(client: TestClient, event: string, ...args: unknown[]): void {
  (client as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args);
}

/**
 * Starts a server for a test. Meetings have no waiting room here unless the options say so
 * (`waitingRoom: true`, or `waitingRoom: undefined` for the server's own default): the tests of
 * the other rules predate it; the session flow's tests turn it on.
 */
export async function startHarness(options: Partial<MeetingsServerOptions> = {}): Promise<Harness> {
  const http = createServer();
  const meetings = attachMeetings(http, { auth: { secret: TEST_SECRET }, waitingRoom: false, ...options });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clients: TestClient[] = [];
  const harness: Harness = {
    url,
    http,
    meetings,
    token: (userId, meetingId, role = 'participant', extra = {}) =>
      issueMeetingToken({
        secret: TEST_SECRET,
        userId,
        displayName: extra.displayName ?? userId,
        role,
        ...(Array.isArray(meetingId) ? { meetings: meetingId } : { meetingId }),
        ...(extra.startsAt !== undefined ? { startsAt: extra.startsAt } : {}),
        ...(extra.endsAt !== undefined ? { endsAt: extra.endsAt } : {}),
        ...(extra.waitingRoom !== undefined ? { waitingRoom: extra.waitingRoom } : {}),
        ...(extra.chatHistory !== undefined ? { chatHistory: extra.chatHistory } : {}),
      }),
    async connect(auth, extra = {}) {
      const client = await openClient(url, auth, extra);
      clients.push(client);
      return client;
    },
    async joinAs(userId, meetingId, role = 'participant', payload = {}) {
      const client = await harness.connect({ token: await harness.token(userId, meetingId, role) });
      const result = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId, ...payload });
      if (!result.ok) throw new Error(`join failed: ${result.error.code}`);
      return { client, joined: result.data };
    },
    async enter(userId, meetingId, role = 'participant', claims = {}) {
      const client = await harness.connect({ token: await harness.token(userId, meetingId, role, claims) });
      return { client, answer: await ack<JoinMeetingResult>(client, 'join-meeting', { meetingId }) };
    },
    async close() {
      for (const c of clients) c.close();
      await meetings.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return harness;
}
