import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachMeetings, type MeetingsServer } from '@mentara/meetings-server';
import { createDemoApi } from './demo-api';
import { createStaticHandler } from './static-files';
import { createIceConfigRoute } from './ice-config';
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
  /** Environment for TURN settings (`configFromEnv`). @default process.env */
  env?: NodeJS.ProcessEnv;
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
 * Starts one HTTP server that hosts everything: the `/meetings` signalling (in-memory rooms),
 * `GET /api/meetings/webrtc-config`, the demo API and the built web app (with SPA fallback).
 * A random secret per process signs the demo's meeting tokens.
 */
export async function startQuickstartServer(options: QuickstartServerOptions = {}): Promise<QuickstartServer> {
  const secret = randomBytes(32).toString('base64url');
  let frontendUrl = options.frontendUrl ?? '';
  const demoApi = createDemoApi({ secret, frontendUrl: () => frontendUrl });
  const iceConfig = createIceConfigRoute({ secret, env: options.env ?? process.env });
  const serveStatic = createStaticHandler(options.webDir ?? WEB_DIST_DIR);

  const http = createServer((req, res) => {
    void (async () => {
      if (await iceConfig(req, res)) return;
      if (await demoApi(req, res)) return;
      if (req.url?.startsWith('/api/')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
        return;
      }
      await serveStatic(req, res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Socket.IO registers its own request listener for `/socket.io/`; ours never sees those paths.
  const meetings = attachMeetings(http, { auth: { secret } });

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
