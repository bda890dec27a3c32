import { clientEventSchemas, type Ack, type ClientEventName, type ProtocolErrorCode } from '@mentara/meetings-core/protocol';
import { ProtocolFailure, protocolError, type FailureDetails } from '../errors';
import type { MeetingsLogger } from '../observability/logger';
import type { MeetingsMetrics } from '../observability/metrics';
import type { MeetingLimits } from '../options';
import type { ClientEventHandlers, EventContext, EventHandler, EventPayload } from './event-handler';
import { payloadSize } from './payload-size';
import { TokenBucket } from './rate-limiter';
import { isThenable, type SerialQueue } from './serial-queue';
import type { MeetingsSocket } from './types';

/** What the guard of a socket's events works with. */
export interface EventGuardDeps {
  limits: Pick<MeetingLimits, 'eventsPerSecond' | 'eventsBurst' | 'maxPayloadBytes'>;
  clock: () => number;
  metrics: Pick<MeetingsMetrics, 'error'>;
  logger: MeetingsLogger;
  /**
   * Budgets shared with other sockets (the same user, the same address), taken after the
   * socket's own; `false` drops the event as rate-limited.
   */
  shared?: (socket: MeetingsSocket) => boolean;
}

type Respond = (result: Ack<unknown>) => void;

/**
 * How an event is ordered with the socket's others. Relayed signals need ordering only with the
 * socket's membership changes (a signal sent right after joining waits for the join) and with
 * each other, so they do not wait behind chat messages or media toggles; everything else runs
 * strictly in arrival order.
 */
const ORDERING: Partial<Record<ClientEventName, 'membership' | 'free'>> = {
  'join-meeting': 'membership',
  'leave-meeting': 'membership',
  'webrtc-signal': 'free',
  'webrtc-offer': 'free',
  'webrtc-answer': 'free',
  'webrtc-ice-candidate': 'free',
};

/**
 * Registers every client event of one socket with the full guard: rate limit and payload size
 * (checked synchronously, before anything is queued), schema validation, then the handler —
 * on the socket's `queue`, so events are handled in arrival order even when the store is async
 * (relayed signals only after the socket's membership changes and each other, see `ORDERING`).
 * Invalid events are dropped, answered with a typed error; the socket stays connected.
 */
export function guardClientEvents(
  deps: EventGuardDeps,
  socket: MeetingsSocket,
  queue: SerialQueue,
  handlers: ClientEventHandlers,
): void {
  const { limits, clock, metrics, logger } = deps;
  const bucket = new TokenBucket(limits.eventsPerSecond, limits.eventsBurst, clock);
  /** When this socket was last sent a `rate-limited` notice event (epoch ms); refused acknowledgements do not count. */
  let rateNoticeAt = 0;

  /**
   * Reports a failure to the client: in the acknowledgement when the client asked for one,
   * otherwise as a `webrtc-error` event. Never both, so a client sees each failure once.
   */
  const reportFailure = (event: ClientEventName, code: ProtocolErrorCode, respond: Respond | undefined, details?: FailureDetails): void => {
    metrics.error(code);
    const error = protocolError(code, event, details);
    if (respond) respond({ ok: false, error });
    else socket.emit('webrtc-error', error);
  };

  /** A handler's failure: its own typed error when it threw one, `internal` (logged) otherwise. */
  const failed = (event: ClientEventName, respond: Respond | undefined, error: unknown): void => {
    if (error instanceof ProtocolFailure) return reportFailure(event, error.code, respond, error.details);
    logger.error({ err: error, event, socketId: socket.id }, 'event handler failed');
    reportFailure(event, 'internal', respond);
  };

  // The two contexts a handler can get, made once per socket rather than once per event.
  const defer = (work: () => Promise<void>): void => void queue.run(work);
  const acknowledged: EventContext = { acknowledged: true, defer };
  const unacknowledged: EventContext = { acknowledged: false, defer };

  /** One incoming event: `args` as Socket.IO passes them (the acknowledgement last, when asked for). */
  const handle = <E extends ClientEventName>(event: E, args: unknown[]): void => {
    const schema = clientEventSchemas[event];
    const handler = handlers[event] as EventHandler<E>;
    // Socket.IO passes the acknowledgement last, whatever came before it: `emit(event, ack)`
    // has no payload, `emit(event, payload, extra, ack)` one argument too many.
    const last = args[args.length - 1];
    const respond = typeof last === 'function' ? (last as Respond) : undefined;
    if (respond) args.pop();
    if (!bucket.take() || deps.shared?.(socket) === false) {
      // An acknowledged event is answered in its acknowledgement. Events without one get at most
      // one notice per second, so a flood cannot turn the server into an amplifier; a refused
      // acknowledgement does not stand in for it, or the signals dropped after a refused chat
      // message would go untold.
      const now = clock();
      if (respond) reportFailure(event, 'rate-limited', respond);
      else if (now - rateNoticeAt >= 1000) {
        rateNoticeAt = now;
        reportFailure(event, 'rate-limited', respond);
      } else metrics.error('rate-limited');
      return;
    }
    if (args.length > 1) return reportFailure(event, 'invalid-payload', respond);
    const raw = args[0];
    // Counted on the decoded payload, without encoding it to JSON again.
    if (payloadSize(raw, limits.maxPayloadBytes) > limits.maxPayloadBytes) return reportFailure(event, 'payload-too-large', respond);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      logger.debug({ event, socketId: socket.id, issues: parsed.error.issues.length }, 'invalid payload');
      return reportFailure(event, 'invalid-payload', respond);
    }
    const payload = parsed.data as EventPayload<E>;
    const context = respond ? acknowledged : unacknowledged;
    // A handler that needs nothing asynchronous (a relayed signal) is answered without a promise.
    const work = (): Promise<void> | void => {
      let data: unknown;
      try {
        data = handler(socket, payload, context);
      } catch (error) {
        return failed(event, respond, error);
      }
      if (!isThenable(data)) return respond?.({ ok: true, data });
      return Promise.resolve(data).then(
        (result) => respond?.({ ok: true, data: result }),
        (error: unknown) => failed(event, respond, error),
      );
    };
    const ordering = ORDERING[event];
    if (ordering === 'free') queue.runFree(work);
    else void queue.run(work, ordering === 'membership');
  };

  // One listener for every event of the socket, not one per event name: less memory per socket,
  // and the event is handled as it arrives. Names that are not client events are ignored.
  socket.onAny((name: unknown, ...args: unknown[]) => {
    if (typeof name === 'string' && Object.hasOwn(handlers, name)) handle(name as ClientEventName, args);
  });
}
