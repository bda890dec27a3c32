import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { MEETINGS_NAMESPACE } from '@mentara/meetings-core/protocol';
import type { ResolvedOptions } from '../options';
import { createAllowRequest } from './handshake';
import type { MeetingsIoServer, MeetingsNamespace } from './types';

/** A host's Socket.IO server, or a Node HTTP(S) server to create one on. */
export type AttachTarget = Server | HttpServer;

/** The Socket.IO server and namespace in use, and how to undo what was added. */
export interface IoTarget {
  io: MeetingsIoServer;
  namespace: MeetingsNamespace;
  /** Whether the adapter created `io` itself (from an HTTP server). */
  created: boolean;
  release(): Promise<void>;
}

const HTTP_EVENTS = ['request', 'upgrade', 'close', 'listening'] as const;

const isIoServer = (target: AttachTarget): target is Server =>
  typeof (target as Server).of === 'function' && 'engine' in target;

/** Restores an HTTP server's listeners to a snapshot (Socket.IO wraps the `request` listeners). */
function snapshotListeners(server: HttpServer): () => void {
  const before = new Map(HTTP_EVENTS.map((ev) => [ev, server.listeners(ev) as Array<(...a: unknown[]) => void>]));
  return () => {
    for (const [ev, original] of before) {
      for (const fn of server.listeners(ev) as Array<(...a: unknown[]) => void>) {
        if (!original.includes(fn)) server.removeListener(ev, fn);
      }
      for (const fn of original) if (!server.listeners(ev).includes(fn)) server.on(ev, fn);
    }
  };
}

/** Internal fields used to remove exactly what was added to a host's Socket.IO server. */
interface IoInternals {
  _nsps: Map<string, unknown>;
  httpServer?: unknown;
}

/**
 * Uses the host's Socket.IO server (adding `/meetings`) or creates one on the HTTP server
 * (origin-checked upgrade, CORS, no client bundle served). `release()` removes exactly that:
 * the namespace from a host's server, or the created server — never the host's HTTP server.
 */
export function resolveIoTarget(
  target: AttachTarget,
  options: ResolvedOptions,
  path?: string,
  serverOptions: Partial<ServerOptions> = {},
): IoTarget {
  if (isIoServer(target)) {
    const io = target as unknown as MeetingsIoServer;
    const internals = io as unknown as IoInternals;
    const existed = internals._nsps.has(MEETINGS_NAMESPACE);
    const namespace = io.of(MEETINGS_NAMESPACE);
    const listenersBefore = namespace.listeners('connection');
    const middlewareBefore = [...(namespace as unknown as { _fns: unknown[] })._fns];
    return {
      io,
      namespace,
      created: false,
      async release() {
        namespace.local.disconnectSockets(false);
        for (const fn of namespace.listeners('connection')) {
          if (!listenersBefore.includes(fn)) namespace.off('connection', fn as never);
        }
        (namespace as unknown as { _fns: unknown[] })._fns = middlewareBefore;
        if (!existed) {
          internals._nsps.delete(MEETINGS_NAMESPACE);
          await namespace.adapter.close();
        }
      },
    };
  }
  const restore = snapshotListeners(target);
  const { allowedOrigins, limits } = options;
  const io: MeetingsIoServer = new Server(target, {
    path: path ?? '/socket.io',
    serveClient: false,
    cors: allowedOrigins === '*' ? { origin: true } : { origin: allowedOrigins, credentials: true },
    // Above our own payload limit, so oversized events get a typed error instead of a dropped socket.
    maxHttpBufferSize: Math.max(1_000_000, limits.maxPayloadBytes * 4),
    ...serverOptions,
    // The origin check on the upgrade is not overridable.
    allowRequest: createAllowRequest(allowedOrigins),
  });
  return {
    io,
    namespace: io.of(MEETINGS_NAMESPACE),
    created: true,
    async release() {
      // Socket.IO's close() would also close the host's HTTP server; detach it first.
      (io as unknown as IoInternals).httpServer = undefined;
      await io.close();
      restore();
    },
  };
}
