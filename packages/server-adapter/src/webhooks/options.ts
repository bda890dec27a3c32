import { createHash } from 'node:crypto';
import type { WebhookOutbox } from './outbox';
import { WEBHOOK_RETRY_DEFAULTS, type ResolvedRetry, type WebhookRetryOptions } from './retry';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './types';

/** The `webhooks` option of `attachMeetings`. */
export interface WebhookOptions {
  /** Where events are POSTed. */
  url?: string;
  /** Several receivers; each gets every event, with its own queue and retries. */
  urls?: readonly string[];
  /** The signing secret (at least 16 characters); several while rotating: each signs (one `v1` each). */
  secret: string | readonly string[];
  /** Which events to send. @default all: meeting.started, participant.joined, participant.left, meeting.ended */
  events?: readonly WebhookEventType[];
  /** How long one attempt may take before it counts as failed. @default 10000 */
  timeoutMs?: number;
  retry?: WebhookRetryOptions;
  /**
   * Where events wait for delivery. @default a `MemoryWebhookOutbox` (one node; waiting events die
   * with the process). With several nodes pass a `RedisWebhookOutbox` (`@mentara/meetings-server/redis`).
   */
  outbox?: WebhookOutbox;
  /** How often this node looks for due events of other nodes (and retries). @default 1000 */
  pollIntervalMs?: number;
  /** Deliveries in flight at once on this node (one per meeting at most). @default 8 */
  concurrency?: number;
}

/** One receiver; `id` names its queues (stable across restarts and nodes: a hash of the URL). */
export interface WebhookEndpoint {
  id: string;
  url: string;
}

/** Webhook options with every default applied. */
export interface ResolvedWebhookOptions {
  endpoints: WebhookEndpoint[];
  secrets: string[];
  events: ReadonlySet<WebhookEventType>;
  timeoutMs: number;
  retry: ResolvedRetry;
  pollIntervalMs: number;
  concurrency: number;
  /** How long a claimed queue stays with its deliverer: one attempt plus a margin. */
  leaseMs: number;
}

const positive = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`webhooks.${name} must be a positive number`);
  return value;
};

/** Applies defaults and rejects what cannot work (no URL, a URL that is not http(s), a short secret). */
export function resolveWebhookOptions(options: WebhookOptions): ResolvedWebhookOptions {
  const urls = [...(options.url !== undefined ? [options.url] : []), ...(options.urls ?? [])];
  if (urls.length === 0) throw new Error('webhooks needs a url (or urls)');
  const endpoints = [...new Set(urls)].map((url) => {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) throw new Error(`webhooks: not an http(s) URL: ${JSON.stringify(url)}`);
    return { id: createHash('sha256').update(url).digest('hex').slice(0, 16), url };
  });
  const secrets = typeof options.secret === 'string' ? [options.secret] : [...options.secret];
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length < 16)) {
    throw new Error('webhooks.secret must be at least 16 characters (e.g. `openssl rand -hex 32`)');
  }
  const events = options.events ?? WEBHOOK_EVENT_TYPES;
  for (const type of events) if (!WEBHOOK_EVENT_TYPES.includes(type)) throw new Error(`webhooks.events: unknown event ${JSON.stringify(type)}`);
  const retry = { ...WEBHOOK_RETRY_DEFAULTS, ...options.retry };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) throw new Error('webhooks.retry.maxAttempts must be a positive integer');
  positive('retry.initialDelayMs', retry.initialDelayMs);
  positive('retry.maxDelayMs', retry.maxDelayMs);
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? 10_000);
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('webhooks.concurrency must be a positive integer');
  return {
    endpoints,
    secrets,
    events: new Set(events),
    timeoutMs,
    retry,
    pollIntervalMs: positive('pollIntervalMs', options.pollIntervalMs ?? 1000),
    concurrency,
    leaseMs: timeoutMs + 10_000,
  };
}
