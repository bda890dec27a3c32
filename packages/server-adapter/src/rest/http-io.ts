import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiFailure } from './errors';

/** Headers on every answer: never cached (tokens, who is in a session), never sniffed. */
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

/** Answers JSON (or nothing, for 204 and HEAD). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, { ...BASE_HEADERS, ...headers });
    res.end();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(json)),
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : json);
}

/** Answers a failure with its status and `{ error: { code, message, details? } }`. */
export function sendFailure(res: ServerResponse, failure: ApiFailure): void {
  sendJson(res, failure.status, failure.toBody(), failure.headers);
}

const isJson = (contentType: string | undefined): boolean => /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '');

/**
 * Reads a JSON body of at most `maxBytes`: `undefined` when there is none. A body a framework
 * already parsed (Express's `express.json()`, NestJS) is taken from `req.body` instead.
 *
 * @throws {@link ApiFailure} `payload-too-large`, `unsupported-media-type` or `invalid-payload`.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes) throw new ApiFailure('payload-too-large', { headers: { connection: 'close' } });
  if (req.readableEnded) {
    const parsed = (req as IncomingMessage & { body?: unknown }).body;
    if (parsed !== undefined && JSON.stringify(parsed).length > maxBytes) throw new ApiFailure('payload-too-large');
    // An empty object is what some parsers leave for "no body".
    return parsed !== undefined && !(typeof parsed === 'object' && parsed !== null && Object.keys(parsed).length === 0) ? parsed : undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      // Stop buffering; the rest is drained and the connection closed after the answer.
      req.resume();
      throw new ApiFailure('payload-too-large', { headers: { connection: 'close' } });
    }
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  if (!isJson(req.headers['content-type'])) throw new ApiFailure('unsupported-media-type');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ApiFailure('invalid-payload', { details: [{ path: '', message: 'The body is not valid JSON.' }] });
  }
}
