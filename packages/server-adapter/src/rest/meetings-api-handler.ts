import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { JwtAuthOptions } from '../auth/types';
import type { NodeRequestHandler } from '../http/webrtc-config-handler';
import { resolveFrontendUrl } from '../meeting-url';
import { silentLogger, type MeetingsLogger } from '../observability/logger';
import { createApiAuthenticator, serverTokenSettings } from './api-auth';
import { ApiFailure, type ApiErrorDetail } from './errors';
import { readJsonBody, sendFailure, sendJson } from './http-io';
import { createOpenApiDocument, MEETINGS_API_BASE_PATH } from './openapi';
import { OPERATIONS, type MeetingsApiTarget, type OperationContext } from './operations';
import { matchRoutes } from './routes';
import { pathParamSchemas } from './schemas';

/** Options of {@link createMeetingsApiHandler}. */
export interface MeetingsApiHandlerOptions {
  /** What `attachMeetings` returned: the API creates, reads, ends meetings and removes people through it. */
  meetings: MeetingsApiTarget;
  /** API keys accepted as `Authorization: Bearer <key>` (at least 24 characters each; several while rotating). */
  apiKeys?: readonly string[];
  /**
   * The server's JWT settings (`attachMeetings`' `auth`). With them the API accepts server tokens
   * (audience `mentara-meetings-api`, scope `meetings:api`), and, with an HMAC `secret`, it can
   * issue participant and host tokens signed like the ones the socket server verifies.
   */
  auth?: JwtAuthOptions;
  /** The audience of server tokens. @default 'mentara-meetings-api' */
  serverTokenAudience?: string;
  /** Base of meeting links. @default FRONTEND_URL, else APP_URL */
  frontendUrl?: string;
  /** Where the handler is mounted: paths below it are its routes. @default '/api/meetings' */
  basePath?: string;
  /** The largest JSON body accepted. @default 16384 */
  maxBodyBytes?: number;
  logger?: MeetingsLogger;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

const issuesToDetails = (issues: readonly z.core.$ZodIssue[], prefix = ''): ApiErrorDetail[] =>
  issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'), message: issue.message }));

/** The path below `basePath`, or `undefined` when the request is not for this API. Express's `app.use` strips the mount path from `url` but keeps `originalUrl`. */
function subPathOf(req: IncomingMessage, basePath: string): string | undefined {
  const raw = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const path = raw.split('?')[0]!.replace(/\/+$/, '');
  if (path === basePath) return '';
  return path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : undefined;
}

/**
 * The meetings REST API as one plain Node request handler: create a meeting, read it, end it,
 * remove a participant, issue a participant or host token, and `GET {basePath}/openapi.json`.
 * Every call but the document needs an API key or a server token; a participant's meeting
 * token is refused. Bodies and path parameters are validated with the protocol's zod schemas;
 * every error is `{ error: { code, message, details? } }`. Server to server: no CORS.
 *
 * @example
 * ```ts
 * const meetings = attachMeetings(server, { auth: { secret: process.env.JWT_SECRET! } });
 * const api = createMeetingsApiHandler({ meetings, auth: { secret: process.env.JWT_SECRET! }, apiKeys: [process.env.MEETINGS_API_KEY!] });
 * app.use('/api/meetings', (req, res) => void api(req, res)); // Express; or in http.createServer's callback
 * ```
 * @throws when neither `apiKeys` nor `auth` is given, an API key is short, or no frontend URL is known.
 */
export function createMeetingsApiHandler(options: MeetingsApiHandlerOptions): NodeRequestHandler {
  const apiKeys = options.apiKeys ?? [];
  if (apiKeys.length === 0 && !options.auth) throw new Error('the meetings API needs apiKeys or auth (server tokens)');
  const basePath = (options.basePath ?? MEETINGS_API_BASE_PATH).replace(/\/+$/, '');
  const authenticate = createApiAuthenticator({
    apiKeys,
    serverTokens: options.auth ? serverTokenSettings(options.auth, options.serverTokenAudience) : undefined,
  });
  const logger = options.logger ?? silentLogger;
  const maxBodyBytes = options.maxBodyBytes ?? 16_384;
  const ctx: OperationContext = {
    meetings: options.meetings,
    frontendUrl: resolveFrontendUrl(options.frontendUrl !== undefined ? { frontendUrl: options.frontendUrl } : {}),
    basePath,
    tokens: options.auth?.secret !== undefined ? options.auth : undefined,
    clock: options.now ?? Date.now,
  };
  const document = createOpenApiDocument(basePath);

  return async (req, res) => {
    try {
      const subPath = subPathOf(req, basePath);
      const matches = subPath === undefined ? [] : matchRoutes(subPath);
      if (matches.length === 0) throw new ApiFailure('not-found');
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const match = matches.find((m) => m.route.method === method);
      if (!match) {
        const allow = [...new Set(matches.flatMap((m) => (m.route.method === 'GET' ? ['GET', 'HEAD'] : [m.route.method])))].join(', ');
        throw new ApiFailure('method-not-allowed', { headers: { allow } });
      }
      const { route } = match;
      if (route.operation === 'getOpenApiDocument') return sendJson(res, 200, document);
      // Who calls comes first: nobody learns what is valid, or which meetings exist, without credentials.
      const caller = await authenticate(req);
      if (!caller) throw new ApiFailure('unauthenticated', { headers: { 'www-authenticate': 'Bearer' } });

      const details: ApiErrorDetail[] = [];
      const params: Record<string, string> = {};
      for (const [name, raw] of Object.entries(match.params)) {
        let value: string;
        try {
          value = decodeURIComponent(raw);
        } catch {
          value = raw;
        }
        const parsed = pathParamSchemas[name as keyof typeof pathParamSchemas].safeParse(value);
        if (parsed.success) params[name] = parsed.data;
        else details.push(...issuesToDetails(parsed.error.issues, name));
      }
      let body: unknown;
      if (route.body) {
        const raw = await readJsonBody(req, maxBodyBytes);
        if (raw === undefined && route.body.required) {
          details.push({ path: '', message: 'A JSON body is required.' });
        } else {
          const parsed = route.body.schema.safeParse(raw ?? {});
          if (parsed.success) body = parsed.data;
          else details.push(...issuesToDetails(parsed.error.issues));
        }
      }
      if (details.length > 0) throw new ApiFailure('invalid-payload', { details });

      const result = await OPERATIONS[route.operation](ctx, params, body);
      logger.info({ operation: route.operation, caller, meetingId: params.meetingId, status: result.status }, 'meetings api');
      sendJson(res, result.status, result.body, result.headers);
    } catch (error) {
      if (error instanceof ApiFailure) return sendFailure(res, error);
      logger.error({ err: error, url: req.url, method: req.method }, 'meetings api failed');
      sendFailure(res, new ApiFailure('internal'));
    }
  };
}
