import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { appSecurityHeaders, type SecurityHeaderOptions } from './security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  // The effect files (segmentation model and runtime, RNNoise): streaming compilation needs the wasm type.
  '.wasm': 'application/wasm',
  '.tflite': 'application/octet-stream',
  '.binarypb': 'application/octet-stream',
};

async function fileAt(path: string): Promise<string | undefined> {
  try {
    return (await stat(path)).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a path names a dotfile or passes through a dot folder (`/.env`, `/.git/config`). */
const hasDotSegment = (pathname: string): boolean => pathname.split('/').some((segment) => segment.startsWith('.'));

/**
 * Serves a built single-page web app from `dir`: existing files as they are, and `index.html`
 * for every other GET outside `/api/` (so `/meeting/:id` opens the app). Paths can never leave `dir`;
 * dotfiles and dot folders are never served (not even as the SPA fallback). Every answer carries
 * the app's security headers (CSP, framing, `nosniff`, `Referrer-Policy`; see `security`).
 * Returns `false` when the request is not for it (not GET/HEAD, a dotfile, or no index.html).
 */
export function createStaticHandler(dir: string, security: SecurityHeaderOptions = {}): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  const headers = appSecurityHeaders(security);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    } catch {
      res.writeHead(400).end();
      return true;
    }
    if (hasDotSegment(pathname)) return false;
    const candidate = resolve(root, `.${pathname}`);
    const inside = candidate === root || candidate.startsWith(root + sep);
    // Unknown API paths stay 404s: an app asking an endpoint this server lacks must not get HTML.
    const spaFallback = !pathname.startsWith('/api/');
    const file = (inside && (await fileAt(candidate))) || (spaFallback ? await fileAt(index) : undefined);
    if (!file) return false;
    const isIndex = file === index;
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // The app shell must always be fresh; other assets may be cached briefly.
      'cache-control': isIndex ? 'no-cache' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}
