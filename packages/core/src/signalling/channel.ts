import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { MeetingError, type MeetingErrorCode } from '../errors/meeting-error';
import { MAX_EVENT_BYTES, MEETINGS_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '../protocol/events';
import { PROTOCOL_ERROR_CODES, type ProtocolError } from '../protocol/errors';
import type { Ack } from '../protocol/types';
import { encodedEventBytes, LARGE_EVENT_BYTES, payloadTooLarge, watchLargeEvents } from './event-size';
import { createPacer } from './pacer';
import { watchTokenExpiry } from './token-refresh';

/** A Socket.IO socket typed with the protocol event maps. */
export type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Transport status of the channel; the session maps it onto the meeting lifecycle. */
export type ChannelStatus = 'connected' | 'reconnecting' | 'disconnected' | 'failed';

type AckedEvent = {
  [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]> extends [infer _P, (infer A)?]
    ? NonNullable<A> extends (result: Ack<infer _T>) => void
      ? E
      : never
    : never;
}[keyof ClientToServerEvents];

type AckData<E extends AckedEvent> = Parameters<ClientToServerEvents[E]>[1] extends
  | ((result: Ack<infer T>) => void)
  | undefined
  ? T
  : never;

/** Options of `createSignallingChannel`. */
export interface SignallingChannelOptions {
  serverUrl: string;
  getToken: () => Promise<string | undefined>;
  /** Extra handshake fields (`displayName`, anonymous `userId`). */
  handshake: () => Record<string, string>;
  reconnection: { attempts: number; delayMs: number; maxDelayMs: number };
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** The signalling channel: one Socket.IO connection to the `/meetings` namespace. */
export interface SignallingChannel {
  /** Open the socket (no-op when open); resolves on connect, rejects after `timeoutMs`. */
  connect(timeoutMs: number): Promise<void>;
  /**
   * Emit an acknowledged event; resolves with the ack data or rejects with a `MeetingError`:
   * `payload-too-large` without sending when it encodes to more than `MAX_EVENT_BYTES`, or when
   * the server closed the connection right after receiving it (a smaller frame limit).
   */
  request<E extends AckedEvent>(event: E, payload: Parameters<ClientToServerEvents[E]>[0], timeoutMs: number): Promise<AckData<E>>;
  /**
   * Fire-and-forget emit (signalling hot path), paced under the server's rate limit; dropped
   * while disconnected.
   * @throws MeetingError `payload-too-large` (nothing sent) when it encodes to more than `MAX_EVENT_BYTES`.
   */
  send<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): void;
  /**
   * Observe the transport status (connected after a drop, reconnecting, given up); returns the
   * disposer. The first connect is awaited through `connect()` instead. A drop right after a
   * large event comes with `payload-too-large`: the server closed the connection over its size.
   */
  onStatus(listener: (status: ChannelStatus, error?: MeetingError) => void): () => void;
  /** Listen to a server event; returns the disposer. */
  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void;
  readonly connected: boolean;
  /** Adopt the server's `limits.eventsPerSecond` for pacing. */
  setRateLimit(eventsPerSecond: number): void;
  /** Simulate/force a transport drop (tests, `offline` hint); Socket.IO reconnects by itself. */
  dropTransport(): void;
  /** Start connecting again after Socket.IO gave up (the `online` hint). */
  reconnect(): void;
  /** Close the socket for good and remove every listener this channel added. */
  close(): void;
}

/** Map a wire error to a `MeetingError` with the same code. */
export function fromProtocolError(error: ProtocolError): MeetingError {
  const code: MeetingErrorCode = error.code in PROTOCOL_ERROR_CODES ? error.code : 'internal';
  return new MeetingError(code, error.message, {
    ...(error.recoverable === undefined ? {} : { recoverable: error.recoverable }),
    ...(typeof error.startsAt === 'number' ? { startsAt: error.startsAt } : {}),
    ...(typeof error.retryAfterMs === 'number' ? { retryAfterMs: error.retryAfterMs } : {}),
  });
}

function connectErrorToMeetingError(err: Error & { data?: unknown }): MeetingError {
  const data = err.data as Partial<ProtocolError> | undefined;
  if (data && typeof data.code === 'string' && data.code in PROTOCOL_ERROR_CODES) {
    return fromProtocolError({ code: data.code, message: data.message ?? err.message } as ProtocolError);
  }
  return new MeetingError('signalling-unreachable', undefined, { cause: err });
}

/**
 * Create the signalling channel. Socket.IO's own reconnection (with our backoff numbers) brings
 * the socket back after a drop; the session rejoins the meeting on every `connected` after the first.
 */
export function createSignallingChannel(options: SignallingChannelOptions): SignallingChannel {
  let socket: MeetingSocket | null = null;
  let closed = false;
  let everConnected = false;
  const pacer = createPacer();
  const statusListeners = new Set<(status: ChannelStatus, error?: MeetingError) => void>();
  const status = (value: ChannelStatus, error?: MeetingError) => {
    for (const listener of [...statusListeners]) listener(value, error);
  };
  /** Rejecters of `connect()` calls still waiting, so `close()` can settle them. */
  const waiting = new Set<(error: MeetingError) => void>();
  const sizes = watchLargeEvents();

  function open(): MeetingSocket {
    if (socket) return socket;
    const url = options.serverUrl.replace(/\/+$/, '') + MEETINGS_NAMESPACE;
    const s: MeetingSocket = io(url, {
      autoConnect: false,
      transports: ['websocket'],
      // Each client owns its connection: a drop or close never affects another client.
      forceNew: true,
      reconnectionAttempts: options.reconnection.attempts,
      reconnectionDelay: options.reconnection.delayMs,
      reconnectionDelayMax: options.reconnection.maxDelayMs,
      ...options.socketOptions,
      // auth as a function: a fresh token on every (re)connect.
      auth: (cb) => {
        options.getToken().then(
          (token) => cb({ ...options.handshake(), ...(token ? { token } : {}) }),
          () => cb(options.handshake()),
        );
      },
    });
    s.on('connect', () => {
      everConnected = true;
      status('connected');
    });
    const tokens = watchTokenExpiry(s, options.getToken);
    s.on('disconnect', (reason) => {
      if (closed) return;
      // Closed for an expired token: connect again (the handshake asks getToken() for a new one).
      if (reason === 'io server disconnect' && tokens.takeExpired()) {
        status('reconnecting');
        s.connect();
        return;
      }
      // A server-side disconnect is deliberate (kicked, meeting over): Socket.IO will not retry.
      // A frame over the server's limit closes the WebSocket (1009) before any handler sees it.
      status(s.active ? 'reconnecting' : 'disconnected', sizes.closedOverSize(reason));
    });
    s.on('connect_error', (err) => {
      if (closed) return;
      // `active` is false when the server refused the handshake (auth middleware): no retry.
      if (!s.active) status('failed', connectErrorToMeetingError(err));
      else if (everConnected) status('reconnecting', connectErrorToMeetingError(err));
    });
    s.io.on('reconnect_failed', () => {
      if (!closed) status('failed', new MeetingError('signalling-unreachable', undefined, { recoverable: false }));
    });
    socket = s;
    return s;
  }

  return {
    get connected() {
      return socket?.connected ?? false;
    },
    connect(timeoutMs) {
      if (closed) return Promise.reject(new MeetingError('destroyed'));
      const s = open();
      if (s.connected) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const cleanup = () => {
          clearTimeout(timer);
          waiting.delete(abort);
          s.off('connect', onConnect);
          s.off('connect_error', onError);
        };
        const abort = (error: MeetingError) => {
          cleanup();
          reject(error);
        };
        waiting.add(abort);
        const onConnect = () => {
          cleanup();
          resolve();
        };
        const onError = (err: Error) => {
          if (s.active) return; // Socket.IO keeps retrying; the timeout decides.
          cleanup();
          reject(connectErrorToMeetingError(err));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new MeetingError('signalling-unreachable'));
        }, timeoutMs);
        s.on('connect', onConnect);
        s.on('connect_error', onError);
        if (!s.active) s.connect();
      });
    },
    request(event, payload, timeoutMs) {
      const s = socket;
      if (!s?.connected) return Promise.reject(new MeetingError('signalling-unreachable'));
      const bytes = encodedEventBytes(event, payload);
      if (bytes > MAX_EVENT_BYTES) return Promise.reject(payloadTooLarge(event, bytes));
      sizes.note(event, bytes);
      return new Promise((resolve, reject) => {
        // The typed overloads of `timeout().emit` do not survive the generic event name.
        const timed = s.timeout(timeoutMs) as unknown as {
          emit(e: string, p: unknown, cb: (err: Error | null, ack: Ack<unknown>) => void): void;
        };
        timed.emit(event, payload, (err, ack) => {
          // Socket.IO fails the pending acknowledgements of a closed socket before reporting the
          // close: this event is large and the socket is gone, so its size is why.
          if (err && bytes >= LARGE_EVENT_BYTES && !s.connected) reject(payloadTooLarge(event, bytes));
          else if (err) reject(new MeetingError(event === 'join-meeting' ? 'join-timeout' : 'signalling-unreachable'));
          else if (!ack || typeof ack !== 'object') reject(new MeetingError('internal', 'Malformed acknowledgement'));
          else if (ack.ok) resolve(ack.data as never);
          else reject(fromProtocolError(ack.error));
        });
      });
    },
    send(event, payload) {
      const bytes = encodedEventBytes(event, payload);
      if (bytes > MAX_EVENT_BYTES) throw payloadTooLarge(event, bytes);
      pacer.push(() => {
        // Checked when it actually goes out: Socket.IO would otherwise buffer it across a drop.
        if (!socket?.connected) return;
        sizes.note(event, bytes);
        (socket.emit as (e: string, p: unknown) => void)(event, payload);
      });
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    setRateLimit(eventsPerSecond) {
      pacer.setRate(eventsPerSecond);
    },
    on(event, handler) {
      if (closed) return () => {};
      const s = open();
      s.on(event, handler as never);
      return () => {
        s.off(event, handler as never);
      };
    },
    dropTransport() {
      socket?.io.engine?.close();
    },
    reconnect() {
      // After `reconnect_failed` the socket is still subscribed (`active`) but idle; connect() reopens it.
      if (!closed && socket && !socket.connected) socket.connect();
    },
    close() {
      if (closed) return;
      closed = true;
      statusListeners.clear();
      pacer.clear();
      for (const abort of [...waiting]) abort(new MeetingError('invalid-state', 'The connection was closed while connecting'));
      if (socket) {
        socket.removeAllListeners();
        socket.io.removeAllListeners();
        socket.disconnect();
      }
      socket = null;
    },
  };
}
