import type { ServerResponse } from 'node:http';

/**
 * The policy of the served web app: only its own scripts (WebAssembly for the effects), inline
 * styles (React's `style`), media from the camera and blobs, signalling to its own origin, and
 * framing by nobody unless `frameAncestors` says so.
 */
const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** Options of the security headers. */
export interface SecurityHeaderOptions {
  /**
   * Origins allowed to embed the app in a frame (CSP `frame-ancestors`), e.g. the platform that
   * hosts the meeting page. `[]` forbids framing (and sends `X-Frame-Options: DENY`). @default []
   */
  frameAncestors?: readonly string[];
  /** The app's whole Content-Security-Policy instead of ours, or `false` for none. @default ours */
  contentSecurityPolicy?: string | false;
}

const ancestors = (origins: readonly string[]): string => `frame-ancestors ${origins.length > 0 ? origins.join(' ') : "'none'"}`;

/** Headers for the HTML and assets of the served app: CSP, framing, `nosniff`, `Referrer-Policy`. */
export function appSecurityHeaders(options: SecurityHeaderOptions = {}): Record<string, string> {
  const origins = options.frameAncestors ?? [];
  const csp = options.contentSecurityPolicy ?? [...APP_POLICY, ancestors(origins)].join('; ');
  return {
    ...(csp === false ? {} : { 'content-security-policy': csp }),
    ...(origins.length === 0 ? { 'x-frame-options': 'DENY' } : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** Headers for JSON and text endpoints: nothing may run, load or frame them. */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Sets `headers` on a response before it is written (a later `writeHead` may still override one). */
export function setHeaders(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
