import type { z } from 'zod';
import { clientEventSchemas, type Ack, type ClientEventName, type ProtocolErrorCode } from '@mentara/meetings-core/protocol';
import { ProtocolFailure, protocolError } from '../errors';
import type { ServerContext } from '../meeting/context';
import type { MeetingsSocket } from './types';

/** The validated payload of a client event. */
export type EventPayload<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;

/** An event handler: gets a validated payload, returns the acknowledgement data. */
export type EventHandler<E extends ClientEventName, R> = (
  socket: MeetingsSocket,
  payload: EventPayload<E>,
  /** Whether the client asked for an acknowledgement. */
  acknowledged: boolean,
) => Promise<R>;

type Respond = (result: Ack<unknown>) => void;

const byteLength = (value: unknown): number => {
  try {
    return Buffer.byteLength(JSON.stringify(value ?? null));
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/**
 * Reports a failure to the client: in the acknowledgement when the client asked for one,
 * otherwise as a `webrtc-error` event. Never both, so a client sees each failure once.
 */
export function reportFailure(
  ctx: ServerContext,
  socket: MeetingsSocket,
  event: ClientEventName,
  code: ProtocolErrorCode,
  respond: Respond | undefined,
): void {
  ctx.metrics.error(code);
  const error = protocolError(code, event);
  if (respond) respond({ ok: false, error });
  else socket.emit('webrtc-error', error);
}

/**
 * Registers one client event with the full guard: rate limit and payload size (checked
 * synchronously, before anything is queued), schema validation, then the handler — queued
 * per socket so events are handled strictly in arrival order even when the store is async.
 * Invalid events are dropped, answered with a typed error; the socket stays connected.
 */
export function onClientEvent<E extends ClientEventName, R>(
  ctx: ServerContext,
  socket: MeetingsSocket,
  event: E,
  handler: EventHandler<E, R>,
): void {
  const schema = clientEventSchemas[event];
  const listener = (raw: unknown, ack?: unknown): void => {
    const respond = typeof ack === 'function' ? (ack as Respond) : undefined;
    if (!socket.data.bucket.take()) {
      // At most one notice per second, so a flood cannot turn the server into an amplifier.
      const now = ctx.options.now();
      if (respond || now - socket.data.rateNoticeAt >= 1000) {
        socket.data.rateNoticeAt = now;
        reportFailure(ctx, socket, event, 'rate-limited', respond);
      } else ctx.metrics.error('rate-limited');
      return;
    }
    if (byteLength(raw) > ctx.options.limits.maxPayloadBytes) {
      return reportFailure(ctx, socket, event, 'payload-too-large', respond);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      ctx.logger.debug({ event, socketId: socket.id, issues: parsed.error.issues.length }, 'invalid payload');
      return reportFailure(ctx, socket, event, 'invalid-payload', respond);
    }
    const payload = parsed.data as EventPayload<E>;
    socket.data.queue = socket.data.queue.then(async () => {
      try {
        const data = await handler(socket, payload, respond !== undefined);
        respond?.({ ok: true, data });
      } catch (error) {
        if (error instanceof ProtocolFailure) return reportFailure(ctx, socket, event, error.code, respond);
        ctx.logger.error({ err: error, event, socketId: socket.id }, 'event handler failed');
        reportFailure(ctx, socket, event, 'internal', respond);
      }
    });
  };
  // The typed `on` cannot express "any payload"; the raw value is validated above.
  (socket as unknown as { on(name: string, fn: (...args: unknown[]) => void): void }).on(event, listener);
}

/** Queues work on the socket's event queue (used for disconnect, which is not a client event). */
export function enqueue(ctx: ServerContext, socket: MeetingsSocket, work: () => Promise<void>): Promise<void> {
  socket.data.queue = socket.data.queue.then(work).catch((error: unknown) => {
    ctx.logger.error({ err: error, socketId: socket.id }, 'queued work failed');
  });
  return socket.data.queue;
}
