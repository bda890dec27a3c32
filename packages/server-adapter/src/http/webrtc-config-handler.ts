import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROTOCOL_ERROR_CODES } from '@mentara/meetings-core/protocol';
import { createAuthenticator } from '../auth/authenticator';
import type { AuthSettings } from '../auth/types';
import { createIceConfig, type IceConfigSource, type IceOptions } from '../ice/ice-config';
import { silentLogger, type MeetingsLogger } from '../observability/logger';
import { isOriginAllowed } from '../socket/handshake';
import { API_SECURITY_HEADERS } from './security-headers';

/** A plain Node request handler; Express and Connect accept it as is. */
export type NodeRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Options of {@link createWebrtcConfigHandler}. */
export interface WebrtcConfigHandlerOptions extends AuthSettings {
  /** ICE settings, or a source built with `createIceConfig`. @default STUN only */
  ice?: IceOptions | IceConfigSource;
  /** Origins allowed to call the endpoint cross-origin (CORS). @default '*' */
  allowedOrigins?: string[] | '*';
  logger?: MeetingsLogger;
}

const isSource = (ice: IceOptions | IceConfigSource | undefined): ice is IceConfigSource =>
  typeof (ice as IceConfigSource | undefined)?.getConfig === 'function';

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...API_SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(json),
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : json);
}

/**
 * `GET /api/meetings/webrtc-config`: authenticates the `Authorization: Bearer` token (401
 * otherwise) and answers exactly `{ iceServers, iceCandidatePoolSize }` with
 * `Cache-Control: no-store` (TURN credentials are per user and short-lived).
 *
 * @example
 * ```ts
 * app.get('/api/meetings/webrtc-config', createWebrtcConfigHandler({ auth: { secret }, ice: configFromEnv(process.env).ice }));
 * ```
 */
export function createWebrtcConfigHandler(options: WebrtcConfigHandlerOptions): NodeRequestHandler {
  const authenticate = createAuthenticator(options);
  const logger = options.logger ?? silentLogger;
  const source = isSource(options.ice) ? options.ice : createIceConfig(options.ice, logger);
  const allowed = options.allowedOrigins ?? '*';

  return async (req, res) => {
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin && isOriginAllowed(origin, allowed)
        ? { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-allow-headers': 'authorization' }
        : {};
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET', 'access-control-max-age': '600' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { error: { code: 'invalid-payload', message: 'Use GET.' } }, { ...cors, allow: 'GET, HEAD' });
      return;
    }
    try {
      const user = await authenticate({ headers: req.headers, auth: {}, query: {}, address: req.socket.remoteAddress ?? '' });
      if (!user) {
        send(res, 401, { error: { code: 'unauthenticated', message: PROTOCOL_ERROR_CODES.unauthenticated } }, {
          ...cors,
          'www-authenticate': 'Bearer',
        });
        return;
      }
      const { iceServers, iceCandidatePoolSize } = await source.getConfig(user.userId);
      send(res, 200, { iceServers, iceCandidatePoolSize }, cors);
    } catch (error) {
      logger.error({ err: error }, 'webrtc-config failed');
      send(res, 500, { error: { code: 'internal', message: PROTOCOL_ERROR_CODES.internal } }, cors);
    }
  };
}
