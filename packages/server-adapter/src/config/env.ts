import { readFileSync } from 'node:fs';
import type { ChatHistoryPolicy } from '@mentara/meetings-core/protocol';
import type { JwtAuthOptions } from '../auth/types';
import type { IceOptions } from '../ice/ice-config';

/** Environment variables as `process.env` holds them. */
export type Env = Record<string, string | undefined>;

/** Everything the server reads from the environment (see the README's variable table). */
export interface ServerConfig {
  /** @default 3000 */
  port: number;
  /** @default '127.0.0.1' — set `HOST=0.0.0.0` to listen on every interface (containers). */
  host: string;
  /** FRONTEND_URL, else APP_URL: base of meeting links. */
  frontendUrl?: string;
  /** JWT verification, when JWT_SECRET / JWT_PUBLIC_KEY / JWT_JWKS_URL is set. */
  jwt?: JwtAuthOptions;
  /** MEETINGS_ALLOW_ANONYMOUS=true — development only, never in production. */
  allowAnonymous: boolean;
  /** ALLOWED_ORIGINS (comma-separated), else the FRONTEND_URL origin, else '*'. */
  allowedOrigins: string[] | '*';
  ice: IceOptions;
  /** STATIC_DIR: a built web app to serve (SPA fallback). */
  staticDir?: string;
  /** MAX_PARTICIPANTS (mesh cap). */
  maxParticipants?: number;
  /** EMPTY_MEETING_TIMEOUT_MS. */
  emptyMeetingTimeoutMs?: number;
  /**
   * METRICS=true: serve Prometheus metrics on `/metrics` (needs prom-client) — on the app's port
   * only with METRICS_TOKEN (as `Authorization: Bearer`), else on a port of its own.
   */
  metrics: boolean;
  /** METRICS_TOKEN: the bearer token `/metrics` asks for on the app's port. */
  metricsToken?: string;
  /** METRICS_PORT: the separate metrics listener's port (without METRICS_TOKEN). @default 9464 */
  metricsPort?: number;
  /** METRICS_HOST: the separate metrics listener's address. @default '127.0.0.1' */
  metricsHost?: string;
  /** FRAME_ANCESTORS (space- or comma-separated origins): who may embed the served app in a frame. @default none */
  frameAncestors?: string[];
  /** CONTENT_SECURITY_POLICY: the served app's policy instead of ours; `off` sends none. */
  contentSecurityPolicy?: string | false;
  /** MEETINGS_WAITING_ROOM (`true` / `false`): the default of the `waitingRoom` option. */
  waitingRoom?: boolean;
  /** MEETINGS_CHAT_HISTORY (`none` / `all`): the default of the `chatHistory` option. */
  chatHistory?: ChatHistoryPolicy;
  /** MEETINGS_API_KEYS (comma-separated): keys of the REST API (`Authorization: Bearer <key>`). */
  apiKeys?: string[];
  /** WEBHOOK_URL (comma-separated for several receivers) and WEBHOOK_SECRET (comma-separated while rotating). */
  webhooks?: { urls: string[]; secrets: string[] };
  /**
   * REDIS_URL (e.g. `redis://redis:6379`): run as one of several nodes sharing this Redis (room
   * store, cross-node adapter, heartbeats, webhook outbox). NODE_ID names the node (default: a
   * random id per start; a stable one lets a restarted node clear its previous run at once).
   */
  redis?: { url: string; nodeId?: string };
}

const value = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
};
const list = (raw: string | undefined): string[] | undefined =>
  raw?.split(',').map((s) => s.trim()).filter(Boolean);

function integer(env: Env, name: string): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
}

function flag(env: Env, name: string): boolean | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, got ${JSON.stringify(raw)}`);
  return raw === 'true';
}

function chatHistoryFromEnv(env: Env): ChatHistoryPolicy | undefined {
  const raw = value(env, 'MEETINGS_CHAT_HISTORY');
  if (raw === undefined) return undefined;
  if (raw !== 'none' && raw !== 'all') throw new Error(`MEETINGS_CHAT_HISTORY must be none or all, got ${JSON.stringify(raw)}`);
  return raw;
}

function jwtFromEnv(env: Env, readFile: (path: string) => string): JwtAuthOptions | undefined {
  // A file keeps the secret out of the process environment and the same across restarts.
  const secretFile = value(env, 'JWT_SECRET_FILE');
  const secret = value(env, 'JWT_SECRET') ?? (secretFile ? readFile(secretFile).trim() || undefined : undefined);
  // PEM keys in one-line env vars usually carry literal "\n".
  const publicKey = value(env, 'JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  const jwksUrl = value(env, 'JWT_JWKS_URL');
  if (!secret && !publicKey && !jwksUrl) return undefined;
  const algorithms = list(value(env, 'JWT_ALGORITHMS'));
  const issuer = value(env, 'JWT_ISSUER');
  const audience = value(env, 'JWT_AUDIENCE');
  return {
    ...(secret ? { secret } : publicKey ? { publicKey } : { jwksUrl: jwksUrl as string }),
    ...(algorithms ? { algorithms } : {}),
    ...(issuer ? { issuer } : {}),
    ...(audience ? { audience } : {}),
  };
}

function iceFromEnv(env: Env): IceOptions {
  const ice: IceOptions = {};
  const stun = value(env, 'STUN_SERVER_URL');
  if (stun) ice.stunUrls = stun.toLowerCase() === 'none' ? false : (list(stun) ?? []);
  const sid = value(env, 'TWILIO_ACCOUNT_SID');
  const token = value(env, 'TWILIO_AUTH_TOKEN');
  if (sid && token) {
    const turnServerUrl = value(env, 'TWILIO_TURN_SERVER_URL');
    const apiBaseUrl = value(env, 'TWILIO_API_URL');
    ice.twilio = { accountSid: sid, authToken: token, ...(turnServerUrl ? { turnServerUrl } : {}), ...(apiBaseUrl ? { apiBaseUrl } : {}) };
  }
  const [ident, xSecret, channel] = ['XIRSYS_IDENT', 'XIRSYS_SECRET', 'XIRSYS_CHANNEL'].map((n) => value(env, n));
  if (ident && xSecret && channel) {
    const apiBaseUrl = value(env, 'XIRSYS_API_URL');
    ice.xirsys = { ident, secret: xSecret, channel, ...(apiBaseUrl ? { apiBaseUrl } : {}) };
  }
  const [xUrl, xUser, xCred] = ['XIRSYS_TURN_SERVER_URL', 'XIRSYS_USERNAME', 'XIRSYS_CREDENTIAL'].map((n) => value(env, n));
  if (xUrl && xUser && xCred) ice.xirsysStatic = { urls: list(xUrl) ?? [], username: xUser, password: xCred };
  const turnUrls = list(value(env, 'TURN_SERVER_URL'));
  const turnSecret = value(env, 'TURN_SECRET');
  const ttl = integer(env, 'TURN_CREDENTIAL_TTL');
  if (turnUrls && turnSecret) ice.coturnSecret = { urls: turnUrls, secret: turnSecret, ...(ttl ? { ttlSeconds: ttl } : {}) };
  const [tUser, tPass] = ['TURN_USERNAME', 'TURN_PASSWORD'].map((n) => value(env, n));
  if (turnUrls && tUser && tPass) ice.coturnStatic = { urls: turnUrls, username: tUser, password: tPass };
  return ice;
}

function webhooksFromEnv(env: Env): ServerConfig['webhooks'] {
  const urls = list(value(env, 'WEBHOOK_URL'));
  const secrets = list(value(env, 'WEBHOOK_SECRET'));
  if (!urls?.length && !secrets?.length) return undefined;
  // Half a configuration would silently send nothing, or send unsigned: refuse it.
  if (!urls?.length || !secrets?.length) throw new Error('WEBHOOK_URL and WEBHOOK_SECRET go together: set both (or neither)');
  return { urls, secrets };
}

/**
 * Reads the server configuration from environment variables — the deployment guide's names
 * (FRONTEND_URL, APP_URL, TWILIO_*, XIRSYS_*, TURN_*) plus PORT, HOST, JWT_*, ALLOWED_ORIGINS,
 * STUN_SERVER_URL, TURN_SECRET, TURN_CREDENTIAL_TTL, STATIC_DIR, MEETINGS_WAITING_ROOM,
 * MEETINGS_CHAT_HISTORY, MEETINGS_API_KEYS, WEBHOOK_URL, WEBHOOK_SECRET, JWT_SECRET_FILE, METRICS_TOKEN,
 * METRICS_PORT, METRICS_HOST, FRAME_ANCESTORS, CONTENT_SECURITY_POLICY, REDIS_URL, NODE_ID.
 *
 * @throws on malformed numbers, flags or chat history policies, or an unreadable JWT_SECRET_FILE.
 */
export function configFromEnv(env: Env = process.env, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): ServerConfig {
  const frontendUrl = value(env, 'FRONTEND_URL') ?? value(env, 'APP_URL');
  const origins = list(value(env, 'ALLOWED_ORIGINS'));
  let allowedOrigins: string[] | '*' = '*';
  if (origins && !origins.includes('*')) allowedOrigins = origins;
  else if (!origins && frontendUrl && URL.canParse(frontendUrl)) allowedOrigins = [new URL(frontendUrl).origin];
  const jwt = jwtFromEnv(env, readFile);
  const metricsToken = value(env, 'METRICS_TOKEN');
  const metricsPort = integer(env, 'METRICS_PORT');
  const metricsHost = value(env, 'METRICS_HOST');
  const frameAncestors = value(env, 'FRAME_ANCESTORS')?.split(/[\s,]+/).filter(Boolean);
  const csp = value(env, 'CONTENT_SECURITY_POLICY');
  const staticDir = value(env, 'STATIC_DIR');
  const maxParticipants = integer(env, 'MAX_PARTICIPANTS');
  const emptyMeetingTimeoutMs = integer(env, 'EMPTY_MEETING_TIMEOUT_MS');
  const waitingRoom = flag(env, 'MEETINGS_WAITING_ROOM');
  const chatHistory = chatHistoryFromEnv(env);
  const apiKeys = list(value(env, 'MEETINGS_API_KEYS'));
  const webhooks = webhooksFromEnv(env);
  const redisUrl = value(env, 'REDIS_URL');
  const nodeId = value(env, 'NODE_ID');
  if (nodeId && !redisUrl) throw new Error('NODE_ID names a node of several: set REDIS_URL too');
  return {
    port: integer(env, 'PORT') ?? 3000,
    host: value(env, 'HOST') ?? '127.0.0.1',
    ...(frontendUrl ? { frontendUrl } : {}),
    ...(jwt ? { jwt } : {}),
    allowAnonymous: value(env, 'MEETINGS_ALLOW_ANONYMOUS') === 'true',
    metrics: value(env, 'METRICS') === 'true',
    allowedOrigins,
    ice: iceFromEnv(env),
    ...(staticDir ? { staticDir } : {}),
    ...(maxParticipants !== undefined ? { maxParticipants } : {}),
    ...(emptyMeetingTimeoutMs !== undefined ? { emptyMeetingTimeoutMs } : {}),
    ...(waitingRoom !== undefined ? { waitingRoom } : {}),
    ...(chatHistory !== undefined ? { chatHistory } : {}),
    ...(metricsToken ? { metricsToken } : {}),
    ...(metricsPort !== undefined ? { metricsPort } : {}),
    ...(metricsHost ? { metricsHost } : {}),
    ...(frameAncestors ? { frameAncestors } : {}),
    ...(csp ? { contentSecurityPolicy: csp === 'off' ? false : csp } : {}),
    ...(apiKeys?.length ? { apiKeys } : {}),
    ...(webhooks ? { webhooks } : {}),
    ...(redisUrl ? { redis: { url: redisUrl, ...(nodeId ? { nodeId } : {}) } } : {}),
  };
}
