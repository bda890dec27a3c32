import type { ChatHistoryPolicy, ParticipantLeftReason } from '@mentara/meetings-core/protocol';
import { createAuthenticator } from './auth/authenticator';
import { createMeetingEvents } from './meeting/events';
import { evictNode, type EvictContext } from './meeting/evict-node';
import { createClientEventHandlers } from './meeting/handlers';
import { leaveCurrentMeeting, type LeaveContext } from './meeting/leave';
import { MeetingLifecycle } from './meeting/lifecycle';
import { LoadShedder } from './meeting/load-shedder';
import { removeFromMeeting, SERVER_ACTOR } from './meeting/remove';
import { readMeetingSnapshot, type MeetingSnapshot } from './meeting/snapshot';
import { ParticipantDirectory } from './meeting/participant-directory';
import { createRoomWatch } from './meeting/room-watch';
import { LocalPresence } from './meeting/presence';
import { createRoomEmitter } from './meeting/room-emitter';
import { createMeeting, type CreatedMeeting, type CreateMeetingOptions } from './meeting-url';
import type { MeetingsServerDiagnostics } from './observability/diagnostics';
import { logMeetingEvents } from './observability/event-log';
import { silentLogger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import { resolveOptions, type MeetingsServerOptions } from './options';
import { createClientGuards } from './socket/client-guards';
import { createConnections } from './socket/connection';
import { createHandshakeMiddleware } from './socket/handshake';
import { canRouteByNode } from './socket/node-routes';
import { resolveIoTarget, type AttachTarget } from './socket/io-target';
import type { MeetingsIoServer, MeetingsNamespace, MeetingsSocket } from './socket/types';
import { MemoryRoomStore } from './store/memory-store';
import type { RoomStore } from './store/room-store';
import { startWebhooks } from './webhooks/webhooks';

/** The settings of one meeting, given when it is created. */
export interface MeetingSettings {
  /** Epoch ms of the scheduled start: participants may join `earlyJoinMarginMs` before it, hosts any time. */
  startsAt?: number;
  /** Epoch ms of the scheduled end: the server ends the meeting then (`scheduled-end`); hosts may extend it. */
  endsAt?: number;
  /** Whether participants wait until a host lets them in. @default the server's `waitingRoom` option (true) */
  waitingRoom?: boolean;
  /** What people who come later read of the chat. @default the server's `chatHistory` option ('none') */
  chatHistory?: ChatHistoryPolicy;
}

/** What {@link attachMeetings} returns. */
export interface MeetingsServer {
  /** The Socket.IO server (the host's, or the one created on its HTTP server). */
  io: MeetingsIoServer;
  /** The `/meetings` namespace. */
  namespace: MeetingsNamespace;
  /** The room store in use: the one passed in `options.store`, or the in-memory one created. */
  store: RoomStore;
  /** Id of this node, as stored on participant records. */
  nodeId: string;
  /**
   * Creates a meeting id and link (like {@link createMeeting}) and registers it in the store with
   * its settings: schedule (the server ends it at `endsAt`), waiting room, chat history.
   *
   * @example
   * ```ts
   * const { meetingId, url } = await meetings.createMeeting({
   *   frontendUrl: 'https://app.example',
   *   startsAt: appointment.start.getTime(),
   *   endsAt: appointment.end.getTime(),
   * });
   * ```
   */
  createMeeting(options?: CreateMeetingOptions & MeetingSettings): Promise<CreatedMeeting & MeetingSettings>;
  /**
   * Removes the participants a dead server node left in a shared store (`participant-left`,
   * reason `disconnected`, to the others). Returns how many were removed.
   */
  evictNode(nodeId: string): Promise<number>;
  /** Ends a meeting for everyone now (e.g. when the appointment is cancelled). */
  endMeeting(meetingId: string): Promise<boolean>;
  /**
   * The meeting as it is now, on every node alike (read from the store): status, times, settings,
   * who is in it and who waits. `undefined` when unknown.
   */
  getMeeting(meetingId: string): Promise<MeetingSnapshot | undefined>;
  /**
   * Removes someone from a meeting until it ends, exactly as a host's `remove-participant` does
   * (any role; `by` is `'server'`). Returns whether they were in it.
   */
  removeParticipant(meetingId: string, participantId: string): Promise<boolean>;
  /**
   * Counts what this node holds in memory per meeting, user and socket (see
   * {@link MeetingsServerDiagnostics}): all 0 once nobody is connected and every meeting is ended
   * and forgotten. For leak checks and health pages; cheap, but not meant for every request.
   *
   * @example
   * ```ts
   * app.get('/internal/meetings-diagnostics', (_req, res) => res.json(meetings.diagnostics()));
   * ```
   */
  diagnostics(): MeetingsServerDiagnostics;
  /**
   * Removes exactly what attach added: disconnects `/meetings` sockets, stops timers, removes
   * metrics, closes a store it created, and closes a Socket.IO server it created (never the
   * host's HTTP server). Idempotent.
   */
  close(): Promise<void>;
}

/**
 * Hosts the `/meetings` signalling namespace on a Node server.
 *
 * @example
 * ```ts
 * const server = http.createServer(app);
 * const meetings = attachMeetings(server, { auth: { secret: process.env.JWT_SECRET! } });
 * server.listen(3000);
 * ```
 */
export function attachMeetings(target: AttachTarget, options: MeetingsServerOptions): MeetingsServer {
  const resolved = resolveOptions(options);
  const authenticate = createAuthenticator(options);
  const ownsStore = options.store === undefined;
  const store = options.store ?? new MemoryRoomStore();
  const logger = options.logger ?? silentLogger;
  const clock = resolved.now;
  const ioTarget = resolveIoTarget(target, resolved, options.path, options.socketServerOptions);
  const { io, namespace } = ioTarget;

  // Who wants to know what happens in meetings subscribes here; the handlers only emit.
  const events = createMeetingEvents((error, name) => logger.error({ err: error, event: name }, 'meeting event subscriber failed'));
  const presence = new LocalPresence();
  const metrics = createMetrics(options.metrics, {
    activeMeetings: () => presence.meetingCount(),
    participants: () => presence.participantCount(),
    events,
  });
  // Without a logger nothing would be written: no subscribers, so no event is built for them.
  const stopEventLog = logger === silentLogger ? () => undefined : logMeetingEvents(events, logger);
  const webhooks = options.webhooks
    ? startWebhooks(options.webhooks, { events, logger, clock, ...(options.metrics ? { metrics: options.metrics } : {}), sharedStore: !(store instanceof MemoryRoomStore) })
    : undefined;

  const rooms = createRoomEmitter(namespace);
  const load = new LoadShedder(resolved.overload);
  const directory = new ParticipantDirectory({ namespace, store, events, presence, nodeId: resolved.nodeId });
  const roomWatch = createRoomWatch(namespace.adapter);
  // Behind the Redis streams adapter, a signal to a participant on another node goes to that node alone.
  const stopRouting = canRouteByNode(namespace.adapter)
    ? namespace.adapter.routeByNode({ nodeId: resolved.nodeId, nodeOf: (room) => directory.nodeOfRoom(room) })
    : () => undefined;
  const lifecycle = new MeetingLifecycle({ store, rooms, events, presence, logger, clock, options: resolved });
  const leaveContext: LeaveContext = { store, rooms, presence, events, lifecycle, clock, options: resolved };
  const leave = (socket: MeetingsSocket, reason: ParticipantLeftReason) => leaveCurrentMeeting(leaveContext, socket, reason);
  const evictContext: EvictContext = { store, rooms, events, lifecycle, logger, clock, options: resolved };
  // What one client (socket, user, address) may cost: caps, shared budgets, slow readers, token expiry.
  const guards = createClientGuards({ options: resolved, authenticate, clock, metrics, logger });
  const handlers = createClientEventHandlers({ store, rooms, presence, directory, roomWatch, load, events, lifecycle, metrics, leave, clock, options: resolved, refreshToken: guards.refreshToken });
  const connections = createConnections({
    guard: { limits: resolved.limits, clock, metrics, logger, shared: guards.takeEvent },
    handlers: guards.limitJoins(handlers),
    leave,
    logger,
    watchers: guards.watchers,
  });
  ioTarget.mount(guards.handshake(createHandshakeMiddleware({ allowedOrigins: resolved.allowedOrigins, authenticate, metrics, logger })), (socket) =>
    connections.accept(socket),
  );
  logger.info({ nodeId: resolved.nodeId, createdIo: ioTarget.created }, 'meetings attached');
  if (options.nodeId !== undefined) {
    // A restart with a fixed node id: records of the previous run can no longer be reached.
    evictNode(evictContext, resolved.nodeId).catch((error: unknown) => logger.error({ err: error }, 'start-up eviction failed'));
  }

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    await connections.close(() => ioTarget.release());
    guards.close();
    lifecycle.close();
    stopRouting();
    directory.close();
    roomWatch.close();
    load.close();
    metrics.close();
    stopEventLog();
    await webhooks?.close();
    if (ownsStore) await store.close();
    logger.info({ nodeId: resolved.nodeId }, 'meetings closed');
  };
  return {
    io,
    namespace,
    store,
    nodeId: resolved.nodeId,
    async createMeeting(meetingOptions = {}) {
      const created = createMeeting(meetingOptions);
      const { startsAt, endsAt, waitingRoom, chatHistory } = meetingOptions;
      const settings: MeetingSettings = {
        ...(startsAt !== undefined ? { startsAt } : {}),
        ...(endsAt !== undefined ? { endsAt } : {}),
        ...(waitingRoom !== undefined ? { waitingRoom } : {}),
        ...(chatHistory !== undefined ? { chatHistory } : {}),
      };
      await store.ensureMeeting({ meetingId: created.meetingId, createdAt: clock(), ...settings });
      // Also bounds the life of a registered meeting nobody ever joins.
      if (endsAt !== undefined) lifecycle.armScheduledEnd(created.meetingId, endsAt);
      return { ...created, ...settings };
    },
    evictNode: (nodeId) => evictNode(evictContext, nodeId),
    endMeeting: (meetingId) => lifecycle.end(meetingId, 'ended-by-host'),
    getMeeting: (meetingId) => readMeetingSnapshot(store, resolved, meetingId),
    async removeParticipant(meetingId, participantId) {
      const removed = await removeFromMeeting({ store, rooms, presence, events, clock, options: resolved }, meetingId, participantId, SERVER_ACTOR);
      return removed !== undefined;
    },
    diagnostics: () => ({
      sockets: namespace.sockets.size,
      rooms: namespace.adapter.rooms.size,
      socketLanes: connections.size(),
      ...guards.sizes(),
      localMeetings: presence.meetingCount(),
      localParticipants: presence.participantCount(),
      meetingTimers: lifecycle.timerCount,
      remoteDirectory: directory.cachedMeetings,
      watchedRooms: roomWatch.size,
      storedMeetings: store instanceof MemoryRoomStore ? store.size : undefined,
    }),
    close: () => (closing ??= close()),
  };
}
