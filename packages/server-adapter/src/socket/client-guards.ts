import type { Authenticator } from '../auth/authenticator';
import { ProtocolFailure } from '../errors';
import type { MeetingsLogger } from '../observability/logger';
import type { MeetingsMetrics } from '../observability/metrics';
import type { ResolvedOptions } from '../options';
import { createClientLimits } from './connection-limits';
import type { ClientEventHandlers } from './event-handler';
import type { NamespaceMiddleware } from './io-target';
import { watchOutgoingBuffer } from './slow-reader';
import { createTokenExpiry } from './token-expiry';
import type { MeetingsSocket } from './types';

/** What the guards around each client work with. */
export interface ClientGuardDeps {
  options: Pick<ResolvedOptions, 'limits' | 'clientAddress'>;
  authenticate: Authenticator;
  clock: () => number;
  metrics: Pick<MeetingsMetrics, 'error'>;
  logger: MeetingsLogger;
}

/**
 * Everything that bounds what one client (a socket, a user, an address) can cost the server,
 * beside each socket's own event bucket: connection caps, shared event budgets, the join budget,
 * the outgoing buffer of a client that does not read, and its token's lifetime.
 */
export interface ClientGuards {
  /** Runs the per-address check, then `handshake` (authentication). */
  handshake(handshake: NamespaceMiddleware): NamespaceMiddleware;
  /** Per-socket watchers for `createConnections`. */
  watchers: ReadonlyArray<(socket: MeetingsSocket) => (() => void) | null>;
  /** Shared event budgets for the event guard. */
  takeEvent(socket: MeetingsSocket): boolean;
  /** The `refresh-token` handler (see `token-expiry.ts`). */
  refreshToken: ClientEventHandlers['refresh-token'];
  /** The handlers, with `join-meeting` counted against the user's join budget. */
  limitJoins(handlers: ClientEventHandlers): ClientEventHandlers;
  /** What the guards hold now (see `MeetingsServerDiagnostics`). */
  sizes(): { clientBudgets: number; tokenTimers: number };
  close(): void;
}

/** Creates the client guards of one attached server. */
export function createClientGuards(deps: ClientGuardDeps): ClientGuards {
  const { options, clock, metrics, logger } = deps;
  const limits = createClientLimits(options.limits, options.clientAddress, clock);
  const expiry = createTokenExpiry(deps);
  const watchBuffer = (socket: MeetingsSocket): (() => void) =>
    watchOutgoingBuffer(socket, options.limits.maxBufferedBytes, (bytes) => {
      metrics.error('slow-connection');
      logger.warn({ socketId: socket.id, userId: socket.data.user?.userId, bufferedBytes: bytes }, 'client does not read: connection dropped (slow-connection)');
    });
  return {
    handshake: (inner) => (socket, next) =>
      limits.middleware(socket, (refused) => {
        if (refused) {
          metrics.error('server-busy');
          next(refused);
        } else inner(socket, next);
      }),
    watchers: [(socket) => limits.accept(socket), (socket) => expiry.watch(socket), watchBuffer],
    takeEvent: (socket) => limits.takeEvent(socket),
    refreshToken: expiry.refresh,
    limitJoins(handlers) {
      const join = handlers['join-meeting'];
      return {
        ...handlers,
        'join-meeting': async (socket, payload, event) => {
          // Each join answer carries the roster and chat: a re-join loop must not be an amplifier.
          const waitMs = limits.takeJoin(socket);
          if (waitMs > 0) throw new ProtocolFailure('rate-limited', { retryAfterMs: waitMs });
          return join(socket, payload, event);
        },
      };
    },
    sizes: () => ({ clientBudgets: limits.size(), tokenTimers: expiry.size() }),
    close: () => limits.close(),
  };
}
