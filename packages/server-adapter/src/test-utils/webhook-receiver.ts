import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constructWebhookEvent, WebhookSignatureError } from '../webhooks/signature';
import type { WebhookEvent } from '../webhooks/types';

/** One request the receiver got, and what it answered. */
export interface ReceivedDelivery {
  eventId: string | undefined;
  /** `Mentara-Delivery-Attempt`. */
  attempt: number;
  /** The verified event; `undefined` when the signature or body was refused. */
  event: WebhookEvent | undefined;
  /** Why verification failed, when it did. */
  refused?: string;
  /** The status answered. */
  status: number;
}

/** A webhook receiver on a loopback port, as a backend would write one with the exported helper. */
export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order. */
  readonly deliveries: ReceivedDelivery[];
  /** Events accepted (verified and answered 2xx), each id once, in order of first acceptance. */
  readonly accepted: WebhookEvent[];
  /** Ids accepted more than once (an at-least-once duplicate), with how often. */
  duplicates(): Map<string, number>;
  /** Accepted events of one meeting, in order. */
  of(meetingId: string): WebhookEvent[];
  /** Resolves when `predicate` holds (checked on every request), or rejects after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** How the receiver answers a verified delivery: a status, and optionally a delay first (to force a timeout). */
export type Responder = (event: WebhookEvent, attempt: number) => number | { status: number; delayMs?: number; headers?: Record<string, string> };

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * Starts a receiver that verifies every signature with `constructWebhookEvent` (answering 400
 * when it fails) and answers verified deliveries as `respond` says (200 by default).
 */
export async function startWebhookReceiver(secret: string | readonly string[], respond: Responder = () => 200): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  const accepted: WebhookEvent[] = [];
  const acceptedCount = new Map<string, number>();
  const waiters = new Set<() => void>();
  const notify = (): void => {
    for (const w of [...waiters]) w();
  };
  const server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      const eventId = req.headers['mentara-event-id'] as string | undefined;
      const attempt = Number(req.headers['mentara-delivery-attempt'] ?? 0);
      let event: WebhookEvent;
      try {
        event = constructWebhookEvent({ rawBody, header: req.headers['mentara-signature'], secret });
      } catch (error) {
        deliveries.push({ eventId, attempt, event: undefined, refused: (error as WebhookSignatureError).reason, status: 400 });
        res.writeHead(400).end();
        notify();
        return;
      }
      const answer = respond(event, attempt);
      const { status, delayMs = 0, headers = {} } = typeof answer === 'number' ? { status: answer } : answer;
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      if (res.destroyed) {
        deliveries.push({ eventId, attempt, event, status: 0 });
        notify();
        return;
      }
      deliveries.push({ eventId, attempt, event, status });
      if (status >= 200 && status < 300) {
        acceptedCount.set(event.id, (acceptedCount.get(event.id) ?? 0) + 1);
        if (acceptedCount.get(event.id) === 1) accepted.push(event);
      }
      res.writeHead(status, headers).end();
      notify();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    deliveries,
    accepted,
    duplicates: () => new Map([...acceptedCount].filter(([, n]) => n > 1)),
    of: (meetingId) => accepted.filter((e) => e.data.meetingId === meetingId),
    until(predicate, timeoutMs = 15_000) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (!predicate()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`webhook receiver: condition not met in ${timeoutMs} ms; got ${deliveries.map((d) => `${d.event?.type ?? d.refused}#${d.attempt}:${d.status}`).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
