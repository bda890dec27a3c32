// The servers behind the `bench:link` pages, shared by `run.ts` (link quality), `recovery.ts`
// (ICE restart against rebuild) and the Chromium recovery test: a real coturn, an HTTP server
// with the pages (ours bundled from the core sources, raw, the instrumentation) and Socket.IO
// (/meetings for ours, a bare relay on /raw), and the user-space link shaper in front of both.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { Server } from 'socket.io';
import { attachMeetings } from '@mentara/meetings-server';
import { startCoturn } from '../../tests/support/coturn';
import { createLinkShaper, type LinkShaper } from '../../tests/support/link-shaper/index';

const here = new URL('.', import.meta.url).pathname;

/** What the pages meet through. */
export interface LinkServers {
  /** Endpoints for each page: its TURN URL and page/signalling origin lead through its own link. */
  shaper: LinkShaper;
  /** TURN REST API credentials for coturn's shared secret, valid for an hour. */
  turnServer(url: string): RTCIceServer;
  close(): Promise<void>;
}

const bundle = async (entry: string, format: 'esm' | 'iife', alias?: Record<string, string>) => {
  const out = await build({
    entryPoints: [`${here}${entry}`], bundle: true, write: false, format, platform: 'browser', target: 'es2022', minify: true, logLevel: 'error',
    ...(alias ? { alias, nodePaths: [`${here}../../node_modules`], conditions: ['module', 'browser', 'import', 'default'] } : {}),
  });
  return out.outputFiles[0]!.text;
};

/** Start coturn, the pages, Socket.IO and the shaper (loopback only). */
export async function startLinkServers(): Promise<LinkServers> {
  const secret = randomBytes(24).toString('base64url');
  const turn = await startCoturn({ secret });
  const { simplePeerAliases } = (await import('../../packages/core/build/simple-peer-aliases.mjs')) as { simplePeerAliases: Record<string, string> };
  const bundles: Record<string, string> = {
    '/instrument.js': await bundle('instrument.ts', 'iife'),
    '/ours.js': await bundle('page-ours.ts', 'esm', { ...simplePeerAliases, '@mentara/meetings-core': `${here}../../packages/core/src/index.ts` }),
    '/raw.js': await bundle('page-raw.ts', 'esm'),
  };
  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (bundles[path]) res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles[path]);
    else if (path.endsWith('.html')) {
      res.writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><title>bench</title><script src="/instrument.js"></script><script type="module" src="${path.replace('.html', '.js')}"></script>`);
    } else res.writeHead(404).end();
  });
  const io = new Server(http, { maxHttpBufferSize: 1e6 });
  const meetings = attachMeetings(io, { allowAnonymous: true, limits: { eventsPerSecond: 500 } });
  io.of('/raw').on('connection', (socket) => {
    socket.on('join', async (room: string, ack: (ids: string[]) => void) => {
      const ids = (await io.of('/raw').in(room).fetchSockets()).map((s) => s.id);
      await socket.join(room);
      ack(ids);
    });
    socket.on('signal', ({ to, data }: { to: string; data: unknown }) => io.of('/raw').to(to).emit('signal', { from: socket.id, data }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const shaper = createLinkShaper({ udpTarget: turn.port, tcpTarget: (http.address() as AddressInfo).port });
  return {
    shaper,
    turnServer(url) {
      const username = `${Math.floor(Date.now() / 1000) + 3600}:bench`;
      return { urls: url, username, credential: createHmac('sha1', secret).update(username).digest('base64') };
    },
    async close() {
      await shaper.close();
      await meetings.close();
      io.close();
      http.closeAllConnections();
      await turn.stop();
    },
  };
}
