import type { Server as HttpServer } from 'node:http';
import { attach as attachEngine } from 'engine.io';
import { Server, type ServerOptions } from 'socket.io';
import { MAX_EVENT_BYTES, MEETINGS_NAMESPACE, PROTOCOL_ERROR_CODES } from '@mentara/meetings-core/protocol';
import type { ResolvedOptions } from '../options';
import { createAllowRequest } from './handshake';
import type { MeetingsIoServer, MeetingsNamespace, MeetingsSocket } from './types';

/**
 * The heartbeat of the Socket.IO server the adapter creates: a ping every 10 s, answered within
 * 10 s. A connection that went silent (tab killed, laptop shut, network gone) is noticed within
 * about 20 s — and the others see that participant leave — instead of Socket.IO's 45 s; clients
 * use the same figures to notice a silent server. A ping is a few bytes, so a weak link keeps up;
 * one that stalls longer reconnects and, let in before, goes straight back in (`admittedGraceMs`).
 * Override with `socketServerOptions`.
 */
export const SOCKET_HEARTBEAT = { pingInterval: 10_000, pingTimeout: 10_000 } as const;

/** A host's Socket.IO server, or a Node HTTP(S) server to create one on. */
export type AttachTarget = Server | HttpServer;

/** A `/meetings` namespace middleware. */
export type NamespaceMiddleware = Parameters<MeetingsNamespace['use']>[0];

/** The Socket.IO server and namespace in use, and how to undo what was added. */
export interface IoTarget {
  io: MeetingsIoServer;
  namespace: MeetingsNamespace;
  /** Whether the adapter created `io` itself (from an HTTP server). */
  created: boolean;
  /** Adds the handshake middleware and the connection listener; `release()` removes exactly those. */
  mount(middleware: NamespaceMiddleware, onConnection: (socket: MeetingsSocket) => void): void;
  /** Removes what was added; never closes the host's HTTP server or its Socket.IO server. */
  release(): Promise<void>;
}

const HTTP_EVENTS = ['request', 'upgrade', 'close', 'listening'] as const;

const isIoServer = (target: AttachTarget): target is Server =>
  typeof (target as Server).of === 'function' && 'engine' in target;

/** Restores an HTTP server's listeners to a snapshot (the engine wraps the `request` listeners). */
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

/**
 * The one place that touches Socket.IO internals: Socket.IO 4 has no public way to remove a
 * namespace (`cleanupEmptyChildNamespaces` covers dynamic child namespaces only). Without it, a
 * `/meetings` namespace created by `attachMeetings` would stay on the host's server after
 * `close()`. `attach.test.ts` pins that it is gone and the host's namespaces keep working.
 */
function forgetNamespace(io: MeetingsIoServer, name: string): void {
  io._nsps.delete(name);
}

/** Adds `/meetings` to the host's Socket.IO server; `release()` takes away exactly that. */
function onHostServer(io: MeetingsIoServer): IoTarget {
  let createdNamespace = false;
  const onNewNamespace = (nsp: { name: string }): void => {
    if (nsp.name === MEETINGS_NAMESPACE) createdNamespace = true;
  };
  io.on('new_namespace', onNewNamespace);
  const namespace = io.of(MEETINGS_NAMESPACE);
  io.off('new_namespace', onNewNamespace);
  let released = false;
  let listener: ((socket: MeetingsSocket) => void) | undefined;
  return {
    io,
    namespace,
    created: false,
    mount(middleware, onConnection) {
      // A middleware cannot be removed through Socket.IO's API, so ours steps aside once
      // released: a namespace the host had before passes as it did, one we created refuses.
      namespace.use((socket, next) => {
        if (!released) return middleware(socket, next);
        next(createdNamespace ? new Error('Invalid namespace') : undefined);
      });
      namespace.on('connection', onConnection);
      listener = onConnection;
    },
    async release() {
      released = true;
      if (listener) namespace.off('connection', listener);
      if (!createdNamespace) return;
      namespace.local.disconnectSockets(false);
      forgetNamespace(io, MEETINGS_NAMESPACE);
      await namespace.adapter.close();
    },
  };
}

/**
 * Creates a Socket.IO server on the host's HTTP server (origin-checked upgrade, CORS, no client
 * bundle served); `release()` closes it and restores the HTTP server's listeners.
 */
function onHttpServer(http: HttpServer, options: ResolvedOptions, path: string | undefined, serverOptions: Partial<ServerOptions>): IoTarget {
  const restore = snapshotListeners(http);
  const { allowedOrigins, limits } = options;
  const settings: Partial<ServerOptions> = {
    path: path ?? '/socket.io',
    serveClient: false,
    cors: allowedOrigins === '*' ? { origin: true } : { origin: allowedOrigins, credentials: true },
    // Above our own payload limit, so oversized events get a typed error instead of a dropped socket.
    maxHttpBufferSize: Math.max(MAX_EVENT_BYTES, limits.maxPayloadBytes * 4),
    // A connection that opens no namespace is closed after this long (Socket.IO's default is 45 s).
    connectTimeout: 10_000,
    ...SOCKET_HEARTBEAT,
    ...serverOptions,
    // The origin check on the upgrade is not overridable.
    allowRequest: createAllowRequest(allowedOrigins),
  };
  // The Socket.IO server is created without the HTTP server and bound to an engine attached on
  // its own: `io.close()` then closes the engine and never the host's HTTP server.
  const io: MeetingsIoServer = new Server(settings);
  io.bind(attachEngine(http, settings));
  // Nothing is served on the root namespace: without this it would accept anyone, token or not.
  io.of('/').use((_socket, next) => {
    next(Object.assign(new Error('forbidden'), { data: { code: 'forbidden', message: PROTOCOL_ERROR_CODES.forbidden } }));
  });
  const namespace = io.of(MEETINGS_NAMESPACE);
  return {
    io,
    namespace,
    created: true,
    mount(middleware, onConnection) {
      namespace.use(middleware);
      namespace.on('connection', onConnection);
    },
    async release() {
      await io.close();
      restore();
    },
  };
}

/**
 * Uses the host's Socket.IO server (adding `/meetings`) or creates one on the HTTP server.
 * `release()` removes exactly that: the namespace from a host's server, or the created server —
 * never the host's HTTP server.
 */
export function resolveIoTarget(
  target: AttachTarget,
  options: ResolvedOptions,
  path?: string,
  serverOptions: Partial<ServerOptions> = {},
): IoTarget {
  return isIoServer(target) ? onHostServer(target as unknown as MeetingsIoServer) : onHttpServer(target, options, path, serverOptions);
}
