import type { IncomingMessage } from 'node:http';
import { PROTOCOL_ERROR_CODES } from '@mentara/meetings-core/protocol';
import type { Authenticator } from '../auth/authenticator';
import type { MeetingsLogger } from '../observability/logger';
import type { MeetingsMetrics } from '../observability/metrics';
import type { MeetingsSocket } from './types';

/** Whether a request's `Origin` is allowed. Requests without one (non-browser clients) pass. */
export function isOriginAllowed(origin: string | undefined, allowed: string[] | '*'): boolean {
  if (allowed === '*' || origin === undefined) return true;
  return allowed.includes(origin);
}

/** `allowRequest` for an engine the adapter creates: refuses disallowed origins before the upgrade. */
export function createAllowRequest(allowed: string[] | '*') {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    const ok = isOriginAllowed(req.headers.origin, allowed);
    callback(ok ? null : 'origin not allowed', ok);
  };
}

const connectError = (code: 'unauthenticated' | 'forbidden'): Error & { data: unknown } =>
  Object.assign(new Error(code), { data: { code, message: PROTOCOL_ERROR_CODES[code] } });

/** What the handshake check works with. */
export interface HandshakeDeps {
  allowedOrigins: string[] | '*';
  authenticate: Authenticator;
  metrics: Pick<MeetingsMetrics, 'error'>;
  logger: MeetingsLogger;
}

/**
 * Namespace middleware: checks the origin (also when attached to a host's own Socket.IO server)
 * and authenticates the handshake. Refusals reach the client as `connect_error` with
 * `message` = the error code and `data` = `{ code, message }`.
 */
export function createHandshakeMiddleware(deps: HandshakeDeps) {
  const { allowedOrigins, authenticate, metrics, logger } = deps;
  return (socket: MeetingsSocket, next: (err?: Error) => void): void => {
    const { handshake } = socket;
    if (!isOriginAllowed(handshake.headers.origin, allowedOrigins)) {
      next(connectError('forbidden'));
      return;
    }
    authenticate({
      headers: handshake.headers,
      auth: (handshake.auth ?? {}) as Record<string, unknown>,
      query: handshake.query as Record<string, unknown>,
      address: handshake.address,
    }).then(
      (user) => {
        if (!user) {
          metrics.error('unauthenticated');
          next(connectError('unauthenticated'));
          return;
        }
        socket.data.user = user;
        next();
      },
      (error: unknown) => {
        logger.error({ err: error }, 'authentication failed');
        next(connectError('unauthenticated'));
      },
    );
  };
}
