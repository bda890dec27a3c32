import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  WEBRTC_CONFIG_PATH,
  attachMeetings,
  configFromEnv,
  createStaticHandler,
  createWebrtcConfigHandler,
  type IceOptions,
  type MeetingsServer,
} from '@mentara/meetings-server';
import { createDemoApi } from './demo-api';
import { openDevState } from './dev-state';
import { WEB_DIST_DIR } from './web-build';

/** Options of {@link startQuickstartServer}. */
export interface QuickstartServerOptions {
  /** @default 3000 (`0` picks a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Base of meeting URLs. @default `http://localhost:<port>` */
  frontendUrl?: string;
  /** Folder of the built web app. @default the quickstart's `dist/` */
  webDir?: string;
  /**
   * Where TURN settings are read from (`TURN_SERVER_URL` + `TURN_SECRET`, Twilio, Xirsys…; see
   * `configFromEnv`). STUN stays off unless `STUN_SERVER_URL` is set. @default process.env
   */
  env?: NodeJS.ProcessEnv;
  /**
   * A JSON file that keeps the token-signing secret and the meetings created here across
   * restarts (`npm start` uses `.data/dev-state.json`), so a restart neither signs everyone out
   * nor breaks meeting links. Omitted: a fresh secret per process and nothing written.
   */
  stateFile?: string;
  /** The secret that signs the demo's meeting tokens (`JWT_SECRET`); wins over one kept in `stateFile`. */
  secret?: string;
}

/** A running quickstart server. */
export interface QuickstartServer {
  http: Server;
  meetings: MeetingsServer;
  /** `http://<host>:<port>` it listens on. */
  origin: string;
  /** The base of meeting URLs (`FRONTEND_URL`). */
  frontendUrl: string;
  /** Closes the meetings namespace, then the HTTP server. */
  close(): Promise<void>;
}

/**
 * The embedded default sends no STUN server: on one machine host candidates connect directly,
 * and nothing contacts an outside address. TURN comes only from explicit settings.
 */
function iceFromEnv(env: NodeJS.ProcessEnv): IceOptions {
  const ice = configFromEnv(env).ice;
  return { ...ice, stunUrls: ice.stunUrls ?? false };
}

/**
 * Starts one HTTP server that hosts everything: the `/meetings` signalling (in-memory rooms),
 * `GET /api/meetings/webrtc-config`, the demo API and the built web app (with SPA fallback).
 * A random secret signs the demo's meeting tokens — per process, or kept in `stateFile`.
 */
export async function startQuickstartServer(options: QuickstartServerOptions = {}): Promise<QuickstartServer> {
  const devState = options.stateFile ? await openDevState(options.stateFile) : null;
  const secret = options.secret ?? devState?.state.secret ?? randomBytes(32).toString('base64url');
  const auth = { secret };
  let frontendUrl = options.frontendUrl ?? '';
  const webrtcConfig = createWebrtcConfigHandler({ auth, ice: iceFromEnv(options.env ?? process.env) });
  const serveStatic = createStaticHandler(options.webDir ?? WEB_DIST_DIR);

  const http = createServer((req, res) => {
    void (async () => {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      if (pathname === WEBRTC_CONFIG_PATH) return webrtcConfig(req, res);
      if (await demoApi(req, res)) return;
      if (!pathname.startsWith('/api/') && (await serveStatic(req, res))) return;
      const message = pathname.startsWith('/api/') ? 'Not found' : 'The web app is not built: run `npm run build`.';
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: message }));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Socket.IO answers `/socket.io/` requests itself; every other request reaches the handler above.
  const meetings = attachMeetings(http, { auth });
  // Meetings created before a restart exist again (waiting room on, schedule kept), so their
  // links still get tokens and a session window still holds. Their room is new in this process:
  // dated now, so the rejoin ticket of someone let in before the restart is honoured (the record
  // is newer than their admission) and they go straight back in with their participant id
  // instead of knocking again.
  const restoredAt = Date.now();
  for (const kept of devState?.state.meetings ?? []) {
    await meetings.store.ensureMeeting({ ...kept, createdAt: restoredAt });
  }
  const demoApi = createDemoApi({
    secret,
    meetings,
    frontendUrl: () => frontendUrl,
    onMeetingCreated: (meeting) => devState?.addMeeting({ ...meeting, createdAt: Date.now() }),
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { address, port } = http.address() as AddressInfo;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  frontendUrl ||= `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  return {
    http,
    meetings,
    origin,
    frontendUrl,
    close: () =>
      (closing ??= (async () => {
        await meetings.close();
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })()),
  };
}
