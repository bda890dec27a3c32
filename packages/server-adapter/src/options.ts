import { randomUUID } from 'node:crypto';
import type { ServerOptions } from 'socket.io';
import type { ChatHistoryPolicy, ServerLimits } from '@mentara/meetings-core/protocol';
import type { AuthorizeHook, AuthSettings } from './auth/types';
import type { MeetingsLogger } from './observability/logger';
import { OVERLOAD_DEFAULTS, type OverloadOptions } from './meeting/load-shedder';
import type { MetricsOptions } from './observability/metrics';
import type { RoomStore } from './store/room-store';

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
  now: () => number;
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
    if (!Number.isFinite(value) || value < 1) throw new Error(`limits.${key} must be a positive number`);
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
