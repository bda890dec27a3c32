import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEBRTC_CONFIG_PATH, type WebrtcConfigResponse } from '@mentara/meetings-core/protocol';
import { createAuthenticator } from '@mentara/meetings-server';
import { sendJson } from './http-json';

/** Handles `GET /api/meetings/webrtc-config`; answers `false` for other paths. */
export type IceConfigRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * `GET /api/meetings/webrtc-config` for signed-in browsers. The embedded default has no STUN or
 * TURN at all: on one machine host candidates connect directly, and nothing leaves the machine.
 */
export function createIceConfigRoute(options: { secret: string; env: NodeJS.ProcessEnv }): IceConfigRoute {
  const authenticate = createAuthenticator({ auth: { secret: options.secret } });
  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== WEBRTC_CONFIG_PATH) return false;
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return true;
    }
    const user = await authenticate({ headers: req.headers, auth: {}, query: {} }).catch(() => null);
    if (!user) {
      sendJson(res, 401, { error: 'unauthenticated' });
      return true;
    }
    const body: WebrtcConfigResponse = { iceServers: [], iceCandidatePoolSize: 0 };
    sendJson(res, 200, body);
    return true;
  };
}
