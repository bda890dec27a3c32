/**
 * What the story scripts share: options from the command line, a static server for a Storybook
 * build on a free loopback port, its story index, and Debian's Chromium with our flags.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

/** `--name value` from argv, or the fallback. */
export function cliOption(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

/** Serves `dir` on 127.0.0.1 and a free port; resolves to its base URL and a `close()`. */
export async function serveStatic(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // Chromium asks for a favicon the build does not ship; answer so it is not a console error.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** The stories of a build's `index.json` that pass `keep`. */
export async function readStories(dir, keep) {
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
  return Object.values(index.entries).filter((e) => e.type === 'story' && keep(e));
}

/** Debian's Chromium, headless, fake camera and microphone, loopback peer connections allowed. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection',
    ],
  });
}
