import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import type { Ack, RefreshTokenResult } from '../protocol/types';

/** The channel's socket (typed here, not imported from the channel, which imports this unit). */
type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a `refresh-token` may take before the client lets the expiry happen (and reconnects). */
const REFRESH_TIMEOUT_MS = 10_000;

/** The token side of one socket: refreshes before expiry, and says when the server closed it for an expired token. */
export interface TokenRefresh {
  /**
   * `true` once after the server said the token has expired (it closes the connection next):
   * the channel then reconnects with a fresh token instead of treating the close as final.
   */
  takeExpired(): boolean;
  /** Removes the listener this unit added. */
  dispose(): void;
}

/**
 * Keeps a socket's token fresh. The server sends `webrtc-error` `token-expired` with
 * `retryAfterMs` shortly before the token expires: the client asks `getToken()` for a new one
 * and sends `refresh-token`, and the connection carries on. When that fails (no new token, or
 * the server refused it) the server closes the connection at the expiry with `token-expired`
 * without `retryAfterMs`; the channel reconnects, `getToken()` is asked again on the handshake,
 * and the membership rejoins — a short `reconnecting`, not a failure.
 *
 * @example
 * const refresh = watchTokenExpiry(socket, getToken);
 * socket.on('disconnect', (reason) => { if (reason === 'io server disconnect' && refresh.takeExpired()) socket.connect(); });
 */
export function watchTokenExpiry(socket: MeetingSocket, getToken: () => Promise<string | undefined>): TokenRefresh {
  let expired = false;
  const onError = (error: { code: string; retryAfterMs?: number }): void => {
    if (error.code !== 'token-expired') return;
    if (error.retryAfterMs === undefined) {
      expired = true;
      return;
    }
    void getToken().then(
      (token) => {
        if (!token || !socket.connected) return;
        const timed = socket.timeout(REFRESH_TIMEOUT_MS) as unknown as {
          emit(e: 'refresh-token', p: { token: string }, cb: (err: Error | null, ack: Ack<RefreshTokenResult>) => void): void;
        };
        // A refusal or a timeout needs nothing here: the server's close at the expiry is the fallback.
        timed.emit('refresh-token', { token }, () => undefined);
      },
      () => undefined,
    );
  };
  socket.on('webrtc-error', onError);
  return {
    takeExpired() {
      const was = expired;
      expired = false;
      return was;
    },
    dispose() {
      socket.off('webrtc-error', onError);
    },
  };
}
