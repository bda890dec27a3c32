import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { ServerOptions } from 'socket.io';
import type { ChatHistoryPolicy, ServerLimits } from '@mentara/meetings-core/protocol';
import type { AuthorizeHook, AuthSettings } from './auth/types';
import type { MeetingsLogger } from './observability/logger';
import { OVERLOAD_DEFAULTS, type OverloadOptions } from './meeting/load-shedder';
import type { MetricsOptions } from './observability/metrics';
import { peerAddress, type ClientAddressHook } from './socket/client-address';
import type { RoomStore } from './store/room-store';
import type { WebhookOptions } from './webhooks/options';

/**
 * When a meeting turns from `waiting` to `active` (and `meeting-started` is sent).
 * - `'two-present'`: when a second participant is in the meeting — a session of one person
 *   is a waiting room, so the start time reflects when the conversation really began.
 * - `'first-join'`: as soon as anyone joins.
 */
export type StartPolicy = 'two-present' | 'first-join';

/** Server-side limits; sent to clients on join (except `chatHistory`, `eventsBurst`, `joinChatBytes`). */
export interface MeetingLimits extends ServerLimits {
  /** Chat messages kept per meeting (newest win). @default 200 */
  chatHistory: number;
  /** Token-bucket burst on top of `eventsPerSecond`. @default 2 × eventsPerSecond */
  eventsBurst: number;
  /** Bytes of chat (as JSON) a join answer carries at most; the newest messages win. @default 131072 (128 KiB) */
  joinChatBytes: number;
  /**
   * Connections one user (token `sub`) may hold at once; a newer one disconnects the oldest
   * (the newest wins, as with seats). @default 4
   */
  connectionsPerUser: number;
  /**
   * Connections one client address may hold at once (IPv6: per /64); more are refused with
   * `server-busy`. Behind a reverse proxy, set `clientAddress`. `Infinity` turns it off. @default 50
   */
  connectionsPerIp: number;
  /** Events per second over all sockets of one user (burst: twice that). `Infinity` turns it off. @default 100 */
  eventsPerSecondPerUser: number;
  /** Events per second over all sockets of one client address (burst: twice that). `Infinity` turns it off. @default 300 */
  eventsPerSecondPerIp: number;
  /** `join-meeting`s per minute over all sockets of one user; more get `rate-limited` with `retryAfterMs`. @default 10 */
  joinsPerMinute: number;
  /** Joins one user may make at once before `joinsPerMinute` applies. @default 5 */
  joinsBurst: number;
  /**
   * Bytes the server may hold for one client that does not read what it is sent; past that the
   * connection is dropped (it reconnects, and a client that keeps not reading is dropped again).
   * @default 1048576 (1 MiB)
   */
  maxBufferedBytes: number;
}

/** Default limits; see the README's limits table. */
export const DEFAULT_LIMITS: MeetingLimits = {
  maxParticipants: 6,
  maxChatLength: 2000,
  maxPayloadBytes: 64 * 1024,
  eventsPerSecond: 50,
  eventsBurst: 100,
  chatHistory: 200,
  joinChatBytes: 128 * 1024,
  connectionsPerUser: 4,
  connectionsPerIp: 50,
  eventsPerSecondPerUser: 100,
  eventsPerSecondPerIp: 300,
  joinsPerMinute: 10,
  joinsBurst: 5,
  maxBufferedBytes: 1024 * 1024,
};

/** Defaults of the session flow options; see the README's "Session flow" section. */
export const SESSION_DEFAULTS = {
  waitingRoom: true,
  chatHistory: 'none',
  earlyJoinMarginMs: 10 * 60_000,
  admittedGraceMs: 2 * 60_000,
  denialCooldownMs: 30_000,
  maxDenials: 3,
} as const satisfies SessionOptions;

/** The session flow options of {@link MeetingsServerOptions}: waiting room, chat history, session window. */
export interface SessionOptions {
  /**
   * Whether participants wait until a host lets them in, in meetings that do not say otherwise
   * (`createMeeting({ waitingRoom })`). Hosts never wait; an identity with `waitingRoom: false`
   * (token claim or `authorize`) skips it. @default true — but `false` with `allowAnonymous`,
   * where nobody has a verified host role to let anyone in
   */
  waitingRoom: boolean;
  /**
   * What people read of the chat when they come in, in meetings that do not say otherwise:
   * `'none'` only what was said since they were first let in, `'all'` the kept history. @default 'none'
   */
  chatHistory: ChatHistoryPolicy;
  /** How long before `startsAt` participants may join (hosts may join any time). @default 600000 (10 min) */
  earlyJoinMarginMs: number;
  /** Someone let in who reconnects (or opens a second tab) within this long goes straight back in. @default 120000 (2 min) */
  admittedGraceMs: number;
  /** After a host denies someone, the same user is refused (`admission-denied`) this long. @default 30000 */
  denialCooldownMs: number;
  /** After this many denials the user is refused until the meeting ends. @default 3 */
  maxDenials: number;
}

/** Options of {@link attachMeetings}. */
export interface MeetingsServerOptions extends AuthSettings, Partial<SessionOptions> {
  /** Where meeting state lives. @default a new `MemoryRoomStore` (closed by `close()`) */
  store?: RoomStore;
  /** Per-meeting access control; without it the token's `meetingId` / `meetings` claims decide. */
  authorize?: AuthorizeHook;
  /**
   * Which client address the per-address limits count a connection against. Behind a reverse
   * proxy, return the address the proxy reports (e.g. the last `X-Forwarded-For` entry).
   * @default the connection's peer address
   */
  clientAddress?: ClientAddressHook;
  /**
   * Key that signs rejoin tickets (join answers carry one; a client sends it back when it
   * rejoins), so a restarted server lets people back into a meeting it lost with the same
   * participant id. Every node must share it. @default derived from `auth.secret`; without a
   * secret, a random key per process (tickets then do not survive a restart)
   */
  rejoinKey?: string | Uint8Array;
  /** Id of this server node, stored on each participant record. @default a random UUID */
  nodeId?: string;
  limits?: Partial<MeetingLimits>;
  /** @default 'two-present' */
  startPolicy?: StartPolicy;
  /** A started meeting that stays empty this long ends with reason `empty`. @default 600000 (10 min) */
  emptyMeetingTimeoutMs?: number;
  /** How long an ended meeting refuses new joins before it is forgotten. @default 86400000 (24 h) */
  endedMeetingRetentionMs?: number;
  /** Origins allowed for CORS and the WebSocket upgrade; `'*'` allows any. @default '*' */
  allowedOrigins?: string[] | '*';
  /** Socket.IO path, only used when the adapter creates the Socket.IO server. @default '/socket.io' */
  path?: string;
  /**
   * Extra Socket.IO server options (e.g. `pingInterval`, `pingTimeout`, `transports`, an
   * `adapter`), only used when the adapter creates the Socket.IO server.
   */
  socketServerOptions?: Partial<ServerOptions>;
  /** A pino-compatible logger. @default silent */
  logger?: MeetingsLogger;
  /** Prometheus metrics (needs `prom-client`). */
  metrics?: MetricsOptions;
  /** When this node refuses new joins with `server-busy` (see {@link OverloadOptions}). */
  overload?: Partial<OverloadOptions>;
  /**
   * Signed webhooks to the backend: `meeting.started`, `participant.joined`, `participant.left`,
   * `meeting.ended` (see the README's "Webhooks"). @default none
   */
  webhooks?: WebhookOptions;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

/** Options with every default applied. */
export interface ResolvedOptions extends SessionOptions {
  authorize: AuthorizeHook | undefined;
  nodeId: string;
  limits: MeetingLimits;
  startPolicy: StartPolicy;
  emptyMeetingTimeoutMs: number;
  endedMeetingRetentionMs: number;
  allowedOrigins: string[] | '*';
  overload: OverloadOptions;
  clientAddress: ClientAddressHook;
  /** The key rejoin tickets are signed with. */
  rejoinKey: Uint8Array;
  now: () => number;
}

/**
 * The rejoin ticket key: the one given, else one derived from the JWT secret (so every node and
 * every restart with that secret agree, and the secret itself never signs anything else), else random.
 */
function rejoinKeyOf(options: MeetingsServerOptions): Uint8Array {
  const given = options.rejoinKey ?? options.auth?.secret;
  if (given === undefined || given.length === 0) return randomBytes(32);
  return createHmac('sha256', Buffer.from(given)).update('mentara-meetings rejoin ticket v1').digest();
}

/** Applies defaults and rejects nonsensical values early, at attach time. */
export function resolveOptions(options: MeetingsServerOptions): ResolvedOptions {
  const eventsPerSecond = options.limits?.eventsPerSecond ?? DEFAULT_LIMITS.eventsPerSecond;
  const limits: MeetingLimits = {
    ...DEFAULT_LIMITS,
    eventsBurst: eventsPerSecond * 2,
    ...options.limits,
  };
  for (const [key, value] of Object.entries(limits)) {
    // `Infinity` is allowed: it turns a limit off.
    if (typeof value !== 'number' || !(value >= 1)) throw new Error(`limits.${key} must be a positive number`);
  }
  const session: SessionOptions = {
    // Anonymous development mode has no verified hosts: a waiting room would wait forever.
    waitingRoom: options.waitingRoom ?? (options.allowAnonymous ? false : SESSION_DEFAULTS.waitingRoom),
    chatHistory: options.chatHistory ?? SESSION_DEFAULTS.chatHistory,
    earlyJoinMarginMs: options.earlyJoinMarginMs ?? SESSION_DEFAULTS.earlyJoinMarginMs,
    admittedGraceMs: options.admittedGraceMs ?? SESSION_DEFAULTS.admittedGraceMs,
    denialCooldownMs: options.denialCooldownMs ?? SESSION_DEFAULTS.denialCooldownMs,
    maxDenials: options.maxDenials ?? SESSION_DEFAULTS.maxDenials,
  };
  for (const key of ['earlyJoinMarginMs', 'admittedGraceMs', 'denialCooldownMs'] as const) {
    if (!Number.isFinite(session[key]) || session[key] < 0) throw new Error(`${key} must be a non-negative number`);
  }
  if (!Number.isInteger(session.maxDenials) || session.maxDenials < 1) throw new Error('maxDenials must be a positive integer');
  if (session.chatHistory !== 'none' && session.chatHistory !== 'all') throw new Error("chatHistory must be 'none' or 'all'");
  return {
    ...session,
    authorize: options.authorize,
    nodeId: options.nodeId ?? randomUUID(),
    limits,
    startPolicy: options.startPolicy ?? 'two-present',
    emptyMeetingTimeoutMs: options.emptyMeetingTimeoutMs ?? 600_000,
    endedMeetingRetentionMs: options.endedMeetingRetentionMs ?? 86_400_000,
    allowedOrigins: options.allowedOrigins ?? '*',
    overload: { ...OVERLOAD_DEFAULTS, ...options.overload },
    clientAddress: options.clientAddress ?? peerAddress,
    rejoinKey: rejoinKeyOf(options),
    now: options.now ?? Date.now,
  };
}

/** The limits a client is told about on join. */
export const publicLimits = (limits: MeetingLimits): ServerLimits => ({
  maxParticipants: limits.maxParticipants,
  maxChatLength: limits.maxChatLength,
  maxPayloadBytes: limits.maxPayloadBytes,
  eventsPerSecond: limits.eventsPerSecond,
});
