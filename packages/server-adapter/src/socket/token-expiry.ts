import type { RefreshTokenResult } from '@mentara/meetings-core/protocol';
import type { Authenticator } from '../auth/authenticator';
import { ProtocolFailure, protocolError } from '../errors';
import type { MeetingsLogger } from '../observability/logger';
import type { MeetingsMetrics } from '../observability/metrics';
import type { EventHandler } from './event-handler';
import type { MeetingsSocket } from './types';

/** How long before its token expires a socket is asked for a new one, at most (half the remaining lifetime for shorter tokens). */
export const TOKEN_REFRESH_LEAD_MS = 60_000;

/** Node timers take at most ~24.8 days; a later deadline is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What the token expiry of the sockets works with. */
export interface TokenExpiryDeps {
  authenticate: Authenticator;
  clock: () => number;
  metrics: Pick<MeetingsMetrics, 'error'>;
  logger: MeetingsLogger;
}

/** Token lifetimes of the connected sockets, and the `refresh-token` event that extends one. */
export interface TokenExpiry {
  /** Starts watching a connected socket's token; returns the disposer (on disconnect). */
  watch(socket: MeetingsSocket): () => void;
  /** The `refresh-token` handler: same user only; answers when the new token expires. */
  refresh: EventHandler<'refresh-token', RefreshTokenResult>;
  /** How many expiry timers are armed. */
  size(): number;
}

/**
 * Creates the token expiry of one attached server. Shortly before a socket's token expires the
 * client gets `webrtc-error` `token-expired` with `retryAfterMs` (the time left) and may send
 * `refresh-token` with a new one; at the expiry a socket that did not is told `token-expired`
 * (without `retryAfterMs`) and disconnected. The core client does both by itself.
 */
export function createTokenExpiry(deps: TokenExpiryDeps): TokenExpiry {
  const { clock, logger, metrics } = deps;
  const timers = new Map<MeetingsSocket, ReturnType<typeof setTimeout>>();

  const at = (socket: MeetingsSocket, when: number, run: () => void): void => {
    const delay = Math.max(0, when - clock());
    timers.set(
      socket,
      setTimeout(() => (delay > MAX_TIMER_MS ? at(socket, when, run) : run()), Math.min(delay, MAX_TIMER_MS)),
    );
  };

  const arm = (socket: MeetingsSocket): void => {
    clearTimeout(timers.get(socket));
    timers.delete(socket);
    const expiresAt = socket.data.user?.expiresAt;
    if (expiresAt === undefined || !socket.connected) return;
    const expire = (): void => {
      timers.delete(socket);
      metrics.error('token-expired');
      logger.info({ socketId: socket.id, userId: socket.data.user.userId }, 'token expired: disconnecting');
      socket.emit('webrtc-error', protocolError('token-expired', undefined, { recoverable: true }));
      socket.disconnect(true);
    };
    const lead = Math.min(TOKEN_REFRESH_LEAD_MS, Math.max(0, (expiresAt - clock()) / 2));
    at(socket, expiresAt - lead, () => {
      const left = expiresAt - clock();
      if (left <= 0) return expire();
      socket.emit('webrtc-error', protocolError('token-expired', undefined, { recoverable: true, retryAfterMs: left }));
      at(socket, expiresAt, expire);
    });
  };

  return {
    watch(socket) {
      arm(socket);
      return () => {
        clearTimeout(timers.get(socket));
        timers.delete(socket);
      };
    },
    size: () => timers.size,
    async refresh(socket, { token }) {
      const { handshake } = socket;
      const user = await deps.authenticate({
        headers: handshake.headers,
        auth: { ...(handshake.auth as Record<string, unknown>), token },
        query: handshake.query as Record<string, unknown>,
        address: handshake.address,
      });
      if (!user) throw new ProtocolFailure('unauthenticated');
      // A connection keeps its identity: a token for someone else needs a connection of its own.
      if (user.userId !== socket.data.user.userId) throw new ProtocolFailure('forbidden');
      socket.data.user = user;
      arm(socket);
      return { expiresAt: user.expiresAt ?? null };
    },
  };
}
