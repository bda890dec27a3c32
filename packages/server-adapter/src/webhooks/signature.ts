import { createHmac, timingSafeEqual } from 'node:crypto';
import { WEBHOOK_EVENT_TYPES, type WebhookEvent } from './types';

/** Header with the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (one `v1` per secret). */
export const WEBHOOK_SIGNATURE_HEADER = 'Mentara-Signature';
/** Header with the event id, the same on every attempt: the idempotency key. */
export const WEBHOOK_EVENT_ID_HEADER = 'Mentara-Event-Id';
/** Header with the attempt number of this delivery (1 for the first). */
export const WEBHOOK_ATTEMPT_HEADER = 'Mentara-Delivery-Attempt';

/** Why a signature was refused. */
export type WebhookSignatureFailure = 'missing-signature' | 'malformed-signature' | 'timestamp-outside-tolerance' | 'signature-mismatch';

/** The answer of {@link verifyWebhookSignature}. */
export type WebhookVerification = { ok: true; /** Unix seconds the delivery was signed. */ timestamp: number } | { ok: false; reason: WebhookSignatureFailure };

/** Options of {@link verifyWebhookSignature}. */
export interface VerifyWebhookSignatureOptions {
  /** The request body exactly as received: bytes or a string, never re-serialised JSON. */
  rawBody: string | Uint8Array;
  /** The `Mentara-Signature` header (Node gives `string | string[] | undefined`). */
  header: string | readonly string[] | null | undefined;
  /** The signing secret, or several while rotating: any of them may match. */
  secret: string | readonly string[];
  /** How far the signing time may be from now, either way. @default 300 */
  toleranceSeconds?: number;
  /** Epoch ms now, for tests. @default Date.now() */
  now?: number;
}

const toBytes = (body: string | Uint8Array): Buffer => (typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength));

const hmac = (secret: string, timestamp: number, body: Buffer): Buffer =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();

/**
 * The `Mentara-Signature` value for a body: `t=<unix seconds>,v1=<hex>` with one `v1` per secret
 * (Stripe's and LiveKit's scheme: HMAC-SHA256 over `"<t>.<raw body>"`).
 *
 * @example
 * ```ts
 * const header = signWebhookPayload(body, secret, Math.floor(Date.now() / 1000));
 * ```
 */
export function signWebhookPayload(rawBody: string | Uint8Array, secret: string | readonly string[], timestamp: number): string {
  const body = toBytes(rawBody);
  const secrets = typeof secret === 'string' ? [secret] : secret;
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmac(s, timestamp, body).toString('hex')}`)].join(',');
}

function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Other schemes (v0, future versions) are ignored, as Stripe's receivers do.
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * Checks a webhook delivery: the `Mentara-Signature` header must carry a `v1` HMAC-SHA256 of
 * `"<t>.<raw body>"` under one of the secrets (compared in constant time), signed within
 * `toleranceSeconds` of now (replays of old deliveries fail).
 *
 * @example
 * ```ts
 * const result = verifyWebhookSignature({ rawBody, header: req.headers['mentara-signature'], secret });
 * if (!result.ok) return res.writeHead(400).end(result.reason);
 * ```
 */
export function verifyWebhookSignature(options: VerifyWebhookSignatureOptions): WebhookVerification {
  const raw = Array.isArray(options.header) ? options.header[0] : options.header;
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: 'missing-signature' };
  const parsed = parseHeader(raw);
  if (!parsed) return { ok: false, reason: 'malformed-signature' };
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - parsed.timestamp) > tolerance) return { ok: false, reason: 'timestamp-outside-tolerance' };
  const body = toBytes(options.rawBody);
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  let match = false;
  // Every pair is compared, so the time taken says nothing about which one matched.
  for (const secret of secrets) {
    const expected = hmac(secret, parsed.timestamp, body);
    for (const signature of parsed.signatures) match = timingSafeEqual(expected, signature) || match;
  }
  return match ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: 'signature-mismatch' };
}

/** A webhook delivery that failed verification; `reason` says why. */
export class WebhookSignatureError extends Error {
  readonly reason: WebhookSignatureFailure | 'malformed-body';
  constructor(reason: WebhookSignatureFailure | 'malformed-body') {
    super(`Webhook refused: ${reason}`);
    this.name = 'WebhookSignatureError';
    this.reason = reason;
  }
}

/**
 * Verifies a delivery (see {@link verifyWebhookSignature}) and returns its event, typed.
 *
 * @throws {@link WebhookSignatureError} when the signature or the body is not valid.
 * @example
 * ```ts
 * const event = constructWebhookEvent({ rawBody, header: req.headers['mentara-signature'], secret });
 * if (await seen(event.id)) return; // deliveries are at least once
 * if (event.type === 'meeting.ended') bill(event.data.meetingId, event.data.durationMs);
 * ```
 */
export function constructWebhookEvent(options: VerifyWebhookSignatureOptions): WebhookEvent {
  const verified = verifyWebhookSignature(options);
  if (!verified.ok) throw new WebhookSignatureError(verified.reason);
  let event: unknown;
  try {
    event = JSON.parse(toBytes(options.rawBody).toString('utf8'));
  } catch {
    throw new WebhookSignatureError('malformed-body');
  }
  const e = event as Partial<WebhookEvent> | null;
  const wellFormed =
    typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.createdAt === 'number' &&
    WEBHOOK_EVENT_TYPES.includes(e.type as never) && typeof e.data === 'object' && e.data !== null;
  if (!wellFormed) throw new WebhookSignatureError('malformed-body');
  return e as WebhookEvent;
}
