import { io } from 'socket.io-client';
import { MEETINGS_NAMESPACE } from '../protocol/events';
import type { PrecallReason } from './types';

/** Outcome of {@link checkSignalling}. */
export type SignallingOutcome = { ok: true; connectMs: number } | { ok: false; reason: PrecallReason; detail: string };

/**
 * Open a Socket.IO connection to `/meetings` with the token in the handshake (exactly as the
 * client does: websocket only, no retries), and close it once the server accepted it. A
 * refusal by the server's auth middleware is `refused`; anything else is `unreachable`.
 */
export function checkSignalling(serverUrl: string, token: string | undefined, timeoutMs: number, cancelled: Promise<void>): Promise<SignallingOutcome> {
  const started = performance.now();
  const socket = io(serverUrl.replace(/\/+$/, '') + MEETINGS_NAMESPACE, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: timeoutMs,
    auth: token ? { token } : {},
  });
  return new Promise<SignallingOutcome>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: SignallingOutcome) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.disconnect();
      resolve(outcome);
    };
    timer = setTimeout(() => finish({ ok: false, reason: 'timeout', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    void cancelled.then(() => finish({ ok: false, reason: 'not-run', detail: 'cancelled' }));
    socket.on('connect', () => finish({ ok: true, connectMs: Math.round(performance.now() - started) }));
    socket.on('connect_error', (error: Error & { data?: { code?: string; message?: string } }) => {
      // The server's middleware refused the handshake: Socket.IO will not retry (`active` false).
      if (!socket.active) finish({ ok: false, reason: 'refused', detail: error.data?.code ?? error.message });
      else finish({ ok: false, reason: 'unreachable', detail: error.message });
    });
  });
}
