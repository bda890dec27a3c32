import { createReadStream } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createStaticHandler } from '@mentara/meetings-server';

/** Options of {@link startElementExampleServer}. */
export interface ElementExampleServerOptions {
  /** Folder of the page(s) to serve. */
  publicDir: string;
  /** More files by URL path, e.g. a framework's browser build from `node_modules`. */
  files?: Record<string, string>;
  /** The meeting server everything else is passed to (signalling, `/api/…`). @default 'http://127.0.0.1:3000' */
  meetingServerUrl?: string;
  /** @default 3001 (`0` picks a free port) */
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

function sendError(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error }));
}

/** Passes one HTTP request (an API call, a Socket.IO poll) on to the meeting server. */
function proxyRequest(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (res.headersSent) res.destroy();
    else sendError(res, 502, 'The meeting server is not reachable. Is it running?');
  });
  req.pipe(upstream);
}

/** Passes a WebSocket upgrade (the Socket.IO connection) on to the meeting server, byte for byte. */
function proxyUpgrade(target: URL, req: IncomingMessage, socket: Socket, head: Buffer): void {
  const upstream = connect(Number(target.port), target.hostname, () => {
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket).pipe(upstream);
  });
  const close = (): void => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', close).on('close', close);
  socket.on('error', close).on('close', close);
}

/**
 * The web server of an example page of `<mentara-meeting>`, as your own site would be:
 * - the page folder, and `/mentara-meeting.js` — the ready script from the installed
 *   `@mentara/meetings` — from this origin: no CDN, no build step;
 * - everything else (`/socket.io/` signalling, `/api/meetings`, `/api/demo/session`,
 *   `/api/meetings/webrtc-config`) passed on to the meeting server, here the quickstart's. In
 *   production a reverse proxy (nginx, Caddy…) does this part, or the page sets `server-url`.
 */
export async function startElementExampleServer(options: ElementExampleServerOptions): Promise<ElementExampleServer> {
  const target = new URL(options.meetingServerUrl ?? 'http://127.0.0.1:3000');
  if (target.protocol !== 'http:') throw new Error(`MEETING_SERVER_URL must be an http:// address, not ${target.href}`);
  target.port ||= '80';
  const serveStatic = createStaticHandler(options.publicDir);
  const files: Record<string, string> = {
    '/mentara-meeting.js': fileURLToPath(import.meta.resolve('@mentara/meetings/mentara-meeting.js')),
    ...options.files,
  };

  const http = createServer((req, res) => {
    void (async () => {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      const file = files[pathname];
      if (file && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
        return void createReadStream(file).on('error', () => res.destroy()).pipe(res);
      }
      if (pathname.startsWith('/api/') || pathname.startsWith('/socket.io/')) return proxyRequest(target, req, res);
      if (await serveStatic(req, res)) return;
      sendError(res, 404, 'Not found');
    })().catch(() => {
      if (!res.headersSent) sendError(res, 500, 'The example server failed to answer.');
      else res.destroy();
    });
  });
  // Upgraded sockets leave the HTTP server's bookkeeping: keep them to close them on `close()`.
  const upgraded = new Set<Socket>();
  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    upgraded.add(socket.once('close', () => upgraded.delete(socket)));
    proxyUpgrade(target, req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 3001, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = http.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    origin: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      (closing ??= (async () => {
        http.closeAllConnections();
        for (const socket of upgraded) socket.destroy();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })()),
  };
}

/** Starts the server from `PORT`, `HOST` and `MEETING_SERVER_URL`, and stops it on SIGINT / SIGTERM. */
export async function runElementExampleServer(options: Pick<ElementExampleServerOptions, 'publicDir' | 'files'>): Promise<void> {
  const meetingServerUrl = process.env.MEETING_SERVER_URL ?? 'http://127.0.0.1:3000';
  const server = await startElementExampleServer({
    ...options,
    meetingServerUrl,
    port: Number(process.env.PORT ?? 3001),
    host: process.env.HOST ?? '127.0.0.1',
  });
  console.log(`Example listening on ${server.origin} (meeting server: ${meetingServerUrl})`);
  console.log(`Open ${server.origin} in a browser, then the address it shows in a second tab.`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
