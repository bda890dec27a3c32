import { z } from 'zod';
import { WEBHOOK_ATTEMPT_HEADER, WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from '../webhooks/signature';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/types';
import { API_ERROR_CODES, type ApiErrorCode } from './errors';
import { API_ROUTES, type ApiRoute } from './routes';
import { apiSchemas, pathParamSchemas } from './schemas';
import { webhookEventSchemas } from './webhook-schemas';

/** Where the REST API is served by default (and what the checked-in `openapi.json` describes). */
export const MEETINGS_API_BASE_PATH = '/api/meetings';

type Json = Record<string, unknown>;

const ref = (id: string): Json => ({ $ref: `#/components/schemas/${id}` });
const idOf = (schema: z.ZodType): string => {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('every schema of the API is registered in apiSchemas');
  return meta.id;
};

// Requests are described as they are accepted (defaults optional), answers as they are built.
function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, io: 'input', target: 'draft-2020-12' });
  const out: Record<string, Json> = {};
  // Sorted: the document must not depend on which module registered its schemas first.
  for (const [id, schema] of Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) {
    const { $schema: _s, $id: _i, ...rest } = schema as Json;
    out[id] = rest;
  }
  return out;
}

const paramSchema = (name: keyof typeof pathParamSchemas): Json => {
  const { $schema: _s, ...rest } = z.toJSONSchema(pathParamSchemas[name]) as Json;
  return rest;
};

const errorResponse = (codes: readonly ApiErrorCode[]): Json => ({
  description: codes.map((c) => `\`${c}\`: ${API_ERROR_CODES[c].message}`).join(' '),
  content: { 'application/json': { schema: ref('Error') } },
});

function responses(route: ApiRoute): Json {
  const out: Json = {};
  const { success } = route;
  out[String(success.status)] = success.schema
    ? { description: success.description, content: { 'application/json': { schema: ref(idOf(success.schema)) } } }
    : { description: success.description };
  const codes: ApiErrorCode[] = [...route.errors];
  if (route.body) codes.push('invalid-payload', 'payload-too-large', 'unsupported-media-type');
  if (route.path.includes('{')) codes.push('invalid-payload');
  if (route.authenticated) codes.push('unauthenticated');
  codes.push('internal');
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = API_ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) out[String(status)] = errorResponse(list);
  return out;
}

function operation(route: ApiRoute): Json {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: paramSchema(name as keyof typeof pathParamSchemas),
  }));
  return {
    operationId: route.operation,
    summary: route.summary,
    description: route.description,
    tags: [route.operation === 'getOpenApiDocument' ? 'Document' : 'Meetings'],
    ...(route.authenticated ? {} : { security: [] }),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body
      ? { requestBody: { required: route.body.required, content: { 'application/json': { schema: ref(idOf(route.body.schema)) } } } }
      : {}),
    responses: responses(route),
  };
}

const webhookHeaders = {
  [WEBHOOK_SIGNATURE_HEADER]: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> (one v1 per secret while rotating).',
  [WEBHOOK_EVENT_ID_HEADER]: 'The event id, the same on every attempt: de-duplicate on it.',
  [WEBHOOK_ATTEMPT_HEADER]: 'The attempt number, 1 for the first.',
};

function webhooks(): Json {
  const out: Json = {};
  for (const type of WEBHOOK_EVENT_TYPES) {
    const schema = webhookEventSchemas[type];
    out[type] = {
      post: {
        operationId: `webhook:${type}`,
        summary: type,
        description: schema.description,
        tags: ['Webhooks'],
        parameters: Object.entries(webhookHeaders).map(([name, description]) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } })),
        requestBody: { required: true, content: { 'application/json': { schema: ref(idOf(schema)) } } },
        responses: {
          '2XX': { description: 'Received: the event is done. Answer quickly and do the work after.' },
          default: { description: 'Any other answer (or none within the timeout) is retried with backoff; 4xx other than 408 and 429 is not.' },
        },
      },
    };
  }
  return out;
}

/**
 * The OpenAPI 3.1 document of the meetings REST API and its webhooks, generated from the same
 * zod schemas that validate the requests. Served at `{basePath}/openapi.json`; the package ships
 * it as `openapi.json` for the default base path.
 */
export function createOpenApiDocument(basePath: string = MEETINGS_API_BASE_PATH): Json {
  const paths: Record<string, Json> = {};
  for (const route of API_ROUTES) {
    const path = `${basePath}${route.path}`;
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Mentara Meetings API',
      version: '1',
      description:
        'Create meetings, read who is in them, end them, remove someone and mint participant or host tokens, from any backend. ' +
        'Authenticate with `Authorization: Bearer <API key>` (MEETINGS_API_KEYS) or a short-lived server token (a JWT with audience ' +
        '`mentara-meetings-api` and `scope: meetings:api`, e.g. from `issueMeetingsApiToken`). A participant\'s meeting token is refused. ' +
        'Server to server only: never call it from a browser. Times are epoch milliseconds. Webhooks are signed; see `webhooks`.',
    },
    tags: [
      { name: 'Meetings', description: 'Meetings and their tokens.' },
      { name: 'Webhooks', description: 'What the server POSTs to your webhook URL, signed with your webhook secret.' },
      { name: 'Document', description: 'This document.' },
    ],
    security: [{ bearer: [] }],
    paths,
    webhooks: webhooks(),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key, or a server token (JWT, audience `mentara-meetings-api`, scope `meetings:api`).' },
      },
      schemas: componentSchemas(),
    },
  };
}
