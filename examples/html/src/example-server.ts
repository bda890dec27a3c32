import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  WEBRTC_CONFIG_PATH,
  attachMeetings,
  configFromEnv,
  createStaticHandler,
  createWebrtcConfigHandler,
  issueMeetingToken,
} from '@mentara/meetings-server';

/** Options of {@link startElementExampleServer}. */
export interface ElementExampleServerOptions {
  /** Folder of the page(s) to serve. */
  publicDir: string;
  /** More files by URL path, e.g. a framework's browser build from `node_modules`. */
  files?: Record<string, string>;
  /** @default 3000 (`0` picks a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** A running example server. */
export interface ElementExampleServer {
  /** `http://<host>:<port>` */
  origin: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024;
const TOKEN_LIFETIME_SECONDS = 2 * 60 * 60;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY_BYTES) throw new Error('body too large');
  }
  const value: unknown = text ? JSON.parse(text) : {};
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * One HTTP server for an example page of `<mentara-meeting>`:
 * - the page folder, and `/mentara-meeting.js` — the ready script from the installed
 *   `@mentara/meetings` (in this repository: `npm run build` makes it);
 * - the `/meetings` signalling and `GET /api/meetings/webrtc-config`;
 * - two demo endpoints your own backend would have in its own shape: `POST /api/meetings`
 *   creates a meeting, and `POST /api/token` `{ meetingId }` mints a meeting token for it. The
 *   token carries no name, so the name typed on the pre-join screen is the one others see.
 *   (Here anyone may ask for one; your backend would check its signed-in user first.)
 *
 * STUN stays off unless `STUN_SERVER_URL` is set (TURN likewise from the environment), so on one
 * machine nothing contacts an outside address.
 */
export async function startElementExampleServer(options: ElementExampleServerOptions): Promise<ElementExampleServer> {
  const secret = randomBytes(32).toString('base64url');
  const ice = configFromEnv(process.env).ice;
  const webrtcConfig = createWebrtcConfigHandler({ auth: { secret }, ice: { ...ice, stunUrls: ice.stunUrls ?? false } });
  const serveStatic = createStaticHandler(options.publicDir);
  const files: Record<string, string> = {
    '/mentara-meeting.js': fileURLToPath(import.meta.resolve('@mentara/meetings/mentara-meeting.js')),
    ...options.files,
  };

  const http = createServer((req, res) => {
    void (async () => {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      if (pathname === WEBRTC_CONFIG_PATH) return webrtcConfig(req, res);
      if (req.method === 'POST' && pathname === '/api/meetings') {
        return sendJson(res, 201, await meetings.createMeeting({ frontendUrl: `http://${req.headers.host ?? 'localhost'}` }));
      }
      if (req.method === 'POST' && pathname === '/api/token') {
        const { meetingId } = await readJson(req);
        if (typeof meetingId !== 'string' || !(await meetings.store.getMeeting(meetingId))) {
          return sendJson(res, 404, { error: 'This meeting does not exist.' });
        }
        const token = await issueMeetingToken({ secret, userId: `guest-${randomUUID()}`, meetingId, expiresIn: TOKEN_LIFETIME_SECONDS });
        return sendJson(res, 200, { token });
      }
      const file = files[pathname];
      if (file && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
        return void createReadStream(file).on('error', () => res.destroy()).pipe(res);
      }
      if (!pathname.startsWith('/api/') && (await serveStatic(req, res))) return;
      sendJson(res, 404, { error: 'Not found' });
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 400, { error: 'Bad request' });
      else res.end();
    });
  });
  const meetings = attachMeetings(http, { auth: { secret } });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = http.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    origin: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      (closing ??= (async () => {
        await meetings.close();
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })()),
  };
}

/** Starts the server from `PORT` / `HOST` and stops it on SIGINT / SIGTERM. */
export async function runElementExampleServer(options: Omit<ElementExampleServerOptions, 'port' | 'host'>): Promise<void> {
  const server = await startElementExampleServer({
    ...options,
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
  });
  console.log(`Example listening on ${server.origin}`);
  console.log(`Open ${server.origin} in a browser, then the address it shows in a second tab.`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
