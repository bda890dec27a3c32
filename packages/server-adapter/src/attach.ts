import { createAuthenticator } from './auth/authenticator';
import type { ServerContext } from './meeting/context';
import { evictNode } from './meeting/evict-node';
import { leaveCurrentMeeting } from './meeting/leave';
import { createMeeting, type CreatedMeeting, type CreateMeetingOptions } from './meeting-url';
import { MeetingLifecycle } from './meeting/lifecycle';
import { LocalPresence } from './meeting/presence';
import { silentLogger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import { resolveOptions, type MeetingsServerOptions } from './options';
import { handleConnection } from './socket/connection';
import { enqueue } from './socket/event-guard';
import { createHandshakeMiddleware } from './socket/handshake';
import { resolveIoTarget, type AttachTarget } from './socket/io-target';
import type { MeetingsIoServer, MeetingsNamespace, MeetingsSocket } from './socket/types';
import { MemoryRoomStore } from './store/memory-store';
import type { RoomStore } from './store/room-store';

/** What {@link attachMeetings} returns. */
export interface MeetingsServer {
  /** The Socket.IO server (the host's, or the one created on its HTTP server). */
  io: MeetingsIoServer;
  /** The `/meetings` namespace. */
  namespace: MeetingsNamespace;
  store: RoomStore;
  /** Id of this node, as stored on participant records. */
  nodeId: string;
  /**
   * Creates a meeting id and link (like {@link createMeeting}) and registers it in the store,
   * with its scheduled end when given — the server ends it then (`scheduled-end`).
   */
  createMeeting(options?: CreateMeetingOptions & { endsAt?: number }): Promise<CreatedMeeting & { endsAt?: number }>;
  /**
   * Removes the participants a dead server node left in a shared store (`participant-left`,
   * reason `disconnected`, to the others). Returns how many were removed.
   */
  evictNode(nodeId: string): Promise<number>;
  /** Ends a meeting for everyone now (e.g. when the appointment is cancelled). */
  endMeeting(meetingId: string): Promise<boolean>;
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
  const presence = new LocalPresence();
  const metrics = createMetrics(options.metrics, {
    activeMeetings: () => presence.meetingCount(),
    participants: () => presence.participantCount(),
  });
  const lifecycle = new MeetingLifecycle();
  const ioTarget = resolveIoTarget(target, resolved, options.path, options.socketServerOptions);
  const { io, namespace } = ioTarget;
  const ctx: ServerContext = { nsp: namespace, store, options: resolved, logger, metrics, presence, lifecycle };
  lifecycle.bind(ctx);

  const sockets = new Set<MeetingsSocket>();
  namespace.use(createHandshakeMiddleware(ctx, authenticate));
  namespace.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('disconnect', () => sockets.delete(socket));
    handleConnection(ctx, socket);
  });
  logger.info({ nodeId: resolved.nodeId, createdIo: ioTarget.created }, 'meetings attached');
  if (options.nodeId !== undefined) {
    // A restart with a fixed node id: records of the previous run can no longer be reached.
    evictNode(ctx, resolved.nodeId).catch((error: unknown) => logger.error({ err: error }, 'start-up eviction failed'));
  }

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    const connected = [...sockets];
    // Leave first, while the adapter still delivers to other nodes, so their clients hear it.
    await Promise.allSettled(connected.map((s) => enqueue(ctx, s, () => leaveCurrentMeeting(ctx, s, 'disconnected'))));
    await ioTarget.release();
    // Let each socket's queued work (including its disconnect-leave) finish before the store goes.
    await Promise.allSettled(connected.map((s) => s.data.queue));
    lifecycle.close();
    metrics.close();
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
      const { endsAt } = meetingOptions;
      await store.ensureMeeting({ meetingId: created.meetingId, createdAt: resolved.now(), ...(endsAt !== undefined ? { endsAt } : {}) });
      // Also bounds the life of a registered meeting nobody ever joins.
      if (endsAt !== undefined) lifecycle.armScheduledEnd(created.meetingId, endsAt);
      return { ...created, ...(endsAt !== undefined ? { endsAt } : {}) };
    },
    evictNode: (nodeId) => evictNode(ctx, nodeId),
    endMeeting: (meetingId) => lifecycle.end(meetingId, 'ended-by-host'),
    close: () => (closing ??= close()),
  };
}
