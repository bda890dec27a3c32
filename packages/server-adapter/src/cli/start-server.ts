import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBRTC_CONFIG_PATH } from '@mentara/meetings-core/protocol';
import { attachMeetings, type MeetingsServer } from '../attach';
import type { ServerConfig } from '../config/env';
import { createWebrtcConfigHandler } from '../http/webrtc-config-handler';
import { createStaticHandler } from '../http/static-handler';
import { API_SECURITY_HEADERS, setHeaders } from '../http/security-headers';
import { createMetricsEndpoint, type MetricsEndpoint } from './metrics-endpoint';
import type { NodeRequestHandler } from '../http/webrtc-config-handler';
import { createMeetingsApiHandler } from '../rest/meetings-api-handler';
import { MEETINGS_API_BASE_PATH } from '../rest/openapi';
import { consoleLogger, type MeetingsLogger } from '../observability/logger';
import type { MeetingsServerOptions } from '../options';
import { createPromRegistry } from './prom-registry';
import { connectRedisNode } from './redis-nodes';

/** A running standalone server (CLI, quickstart). */
export interface RunningMeetingsServer {
  /** e.g. `http://127.0.0.1:3000` */
  url: string;
  /** The metrics listener's URL when metrics are on a port of their own (METRICS=true without METRICS_TOKEN). */
  metricsUrl: string | null;
  http: HttpServer;
  meetings: MeetingsServer;
  close(): Promise<void>;
}

/** Extra options of {@link startMeetingsServer}. */
export interface StartServerOptions {
  logger?: MeetingsLogger;
  /** Passed through to `attachMeetings` (store, metrics, hooks…). */
  meetings?: Partial<MeetingsServerOptions>;
}

const json = (res: import('node:http').ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/**
 * Starts a complete server from a {@link ServerConfig}: `/meetings` signalling,
 * `GET /api/meetings/webrtc-config`, `GET /healthz`, `GET /metrics` (with `METRICS=true`: behind
 * METRICS_TOKEN, else on METRICS_PORT), security headers on every answer, the
 * meetings REST API under `/api/meetings` (with `MEETINGS_API_KEYS` or a JWT configuration; its
 * OpenAPI document at `/api/meetings/openapi.json`), signed webhooks (`WEBHOOK_URL`,
 * `WEBHOOK_SECRET`), in anonymous development mode without the API `POST /api/meetings`
 * (create a meeting), and optionally a static web app with SPA fallback. With `REDIS_URL` it runs
 * as one node of several sharing that Redis (store, adapter, heartbeats, webhook outbox).
 *
 * @throws when no authentication is configured (set JWT_SECRET, or MEETINGS_ALLOW_ANONYMOUS=true for development).
 */
export async function startMeetingsServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningMeetingsServer> {
  const logger = options.logger ?? consoleLogger;
  const auth = {
    ...(config.jwt ? { auth: config.jwt } : {}),
    ...(config.allowAnonymous ? { allowAnonymous: true } : {}),
  };
  const authenticate = options.meetings?.authenticate;
  const webrtcConfig = createWebrtcConfigHandler({
    ...auth,
    ...(authenticate ? { authenticate } : {}),
    ice: config.ice,
    allowedOrigins: config.allowedOrigins,
    logger,
  });
  const serveStatic = config.staticDir
    ? createStaticHandler(config.staticDir, {
        ...(config.frameAncestors ? { frameAncestors: config.frameAncestors } : {}),
        ...(config.contentSecurityPolicy !== undefined ? { contentSecurityPolicy: config.contentSecurityPolicy } : {}),
      })
    : undefined;
  const registry = config.metrics ? await createPromRegistry() : undefined;
  let metricsEndpoint: MetricsEndpoint | undefined;
  // Built once the server listens: without FRONTEND_URL, meeting links point at the server itself.
  let api: NodeRequestHandler | undefined;
  const servesApi = (config.apiKeys?.length ?? 0) > 0 || config.jwt !== undefined;
  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // JSON answers never run, load or get framed; the static handler sends the app's own policy.
    setHeaders(res, API_SECURITY_HEADERS);
    if (path === WEBRTC_CONFIG_PATH) return void webrtcConfig(req, res);
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (metricsEndpoint?.handle(req, res)) return;
    if (api && (path === MEETINGS_API_BASE_PATH || path?.startsWith(`${MEETINGS_API_BASE_PATH}/`))) return void api(req, res);
    if (path === '/api/meetings' && req.method === 'POST' && config.allowAnonymous) {
      // Development convenience only: anonymous mode admits anyone to any meeting anyway.
      void meetings.createMeeting({ frontendUrl: config.frontendUrl ?? `http://${req.headers.host ?? 'localhost'}` }).then(
        (created) => json(res, 201, created),
        (error: unknown) => json(res, 500, { error: { code: 'internal', message: String(error) } }),
      );
      return;
    }
    void (async () => {
      if (serveStatic) {
        for (const name of Object.keys(API_SECURITY_HEADERS)) res.removeHeader(name);
        if (await serveStatic(req, res)) return;
        setHeaders(res, API_SECURITY_HEADERS);
      }
      json(res, 404, { error: { code: 'not-found', message: 'Not found.' } });
    })();
  });
  // With REDIS_URL this process is one node of several: shared store, cross-node adapter, shared webhook outbox.
  const redisNode = config.redis ? await connectRedisNode(config.redis.url, config.redis.nodeId, logger) : undefined;
  const meetings = attachMeetings(http, {
    ...auth,
    ...redisNode?.meetingOptions,
    allowedOrigins: config.allowedOrigins,
    logger,
    ...(registry ? { metrics: { registry } } : {}),
    ...(config.maxParticipants ? { limits: { maxParticipants: config.maxParticipants } } : {}),
    ...(config.emptyMeetingTimeoutMs !== undefined ? { emptyMeetingTimeoutMs: config.emptyMeetingTimeoutMs } : {}),
    // Anonymous identities choose their own role, so a waiting room protects nothing there: in
    // that development mode it is off unless MEETINGS_WAITING_ROOM=true asks for it.
    ...(config.waitingRoom !== undefined ? { waitingRoom: config.waitingRoom } : {}),
    ...(config.chatHistory ? { chatHistory: config.chatHistory } : {}),
    ...(config.webhooks
      ? { webhooks: { urls: config.webhooks.urls, secret: config.webhooks.secrets, ...(redisNode ? { outbox: redisNode.webhookOutbox } : {}) } }
      : {}),
    ...options.meetings,
  });
  await redisNode?.start(meetings);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  if (registry) {
    metricsEndpoint = await createMetricsEndpoint(registry, {
      logger,
      ...(config.metricsToken ? { token: config.metricsToken } : {}),
      ...(config.metricsPort !== undefined ? { port: config.metricsPort } : {}),
      ...(config.metricsHost ? { host: config.metricsHost } : {}),
    });
  }
  const { port } = http.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  if (servesApi) {
    api = createMeetingsApiHandler({
      meetings,
      ...(config.apiKeys ? { apiKeys: config.apiKeys } : {}),
      ...(config.jwt ? { auth: config.jwt } : {}),
      frontendUrl: config.frontendUrl ?? url,
      logger,
    });
  }
  logger.info({ url, nodeId: meetings.nodeId, redis: redisNode !== undefined, api: servesApi ? MEETINGS_API_BASE_PATH : null, webhooks: config.webhooks?.urls.length ?? 0, static: config.staticDir ?? null, anonymous: config.allowAnonymous }, 'meetings server listening');
  if (config.allowAnonymous) logger.warn({}, 'MEETINGS_ALLOW_ANONYMOUS is on: anyone can join any meeting. Never use this in production.');
  let closing: Promise<void> | undefined;
  return {
    url,
    metricsUrl: metricsEndpoint?.url ?? null,
    http,
    meetings,
    close: () =>
      (closing ??= (async () => {
        await metricsEndpoint?.close();
        await meetings.close();
        await redisNode?.close();
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })()),
  };
}
