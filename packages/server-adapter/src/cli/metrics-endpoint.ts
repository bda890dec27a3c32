import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_SECURITY_HEADERS } from '../http/security-headers';
import type { MeetingsLogger } from '../observability/logger';
import type { createPromRegistry } from './prom-registry';

type Registry = Awaited<ReturnType<typeof createPromRegistry>>;

/** Default port of the separate metrics listener (Prometheus exporters' usual range). */
export const DEFAULT_METRICS_PORT = 9464;

/** Where `/metrics` is served: on the app's port behind a bearer token, or on a listener of its own. */
export interface MetricsEndpoint {
  /** Answers `/metrics` on the app's port when a token is set; `false` when the request is not for it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** The separate listener's URL, or `null` when metrics are served on the app's port. */
  readonly url: string | null;
  close(): Promise<void>;
}

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

function serve(registry: Registry, res: ServerResponse): void {
  void registry.metrics().then(
    (text) => {
      res.writeHead(200, { ...API_SECURITY_HEADERS, 'content-type': registry.contentType, 'cache-control': 'no-store' });
      res.end(text);
    },
    () => res.writeHead(500, API_SECURITY_HEADERS).end(),
  );
}

/**
 * Serves Prometheus metrics without exposing them to the meeting's users: with `token`, on the
 * app's port and only to `Authorization: Bearer <token>` (401 otherwise); without, on a listener
 * of its own (`port`, default 9464, on `host`, default loopback), and the app's port answers
 * `/metrics` with 404.
 */
export async function createMetricsEndpoint(
  registry: Registry,
  options: { token?: string; port?: number; host?: string; logger: MeetingsLogger },
): Promise<MetricsEndpoint> {
  const { token } = options;
  if (token) {
    return {
      url: null,
      handle(req, res) {
        if ((req.url ?? '/').split('?')[0] !== '/metrics') return false;
        const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
        if (!sameToken(given, token)) {
          res.writeHead(401, { ...API_SECURITY_HEADERS, 'www-authenticate': 'Bearer' }).end();
          return true;
        }
        serve(registry, res);
        return true;
      },
      close: async () => undefined,
    };
  }
  const server: Server = createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] === '/metrics' && req.method === 'GET') serve(registry, res);
    else res.writeHead(404, API_SECURITY_HEADERS).end();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_METRICS_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/metrics`;
  options.logger.info({ url }, 'metrics listening on a port of their own');
  return {
    url,
    handle: () => false,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
