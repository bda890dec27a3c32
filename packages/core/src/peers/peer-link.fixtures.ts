import type { MeetingError } from '../errors/meeting-error';
import type { SignalData } from '../protocol/types';
import type { PeerState } from '../state/types';
import { createBackoff } from '../util/backoff';
import { createPeerLink, type PeerLinkTiming } from './peer-link';
import type { PeerControlMessage } from './peer-control';
import type { PeerTransport, PeerTransportEvents, PeerTransportOptions } from './transport';

/** An in-memory transport: records what it was fed and sent, and lets the test fire its events. */
export interface FakeTransport extends PeerTransport {
  options: PeerTransportOptions;
  fed: SignalData[];
  /** Data-channel messages sent. */
  sentData: string[];
  /** ICE restarts started. */
  iceRestarts: number;
  fire<E extends keyof PeerTransportEvents>(event: E, ...args: Parameters<PeerTransportEvents[E]>): void;
}

/** A fake transport; `canRestartIce: false` makes `restartIce()` refuse, as a transport that cannot. */
export function fakeTransport(options: PeerTransportOptions, canRestartIce = true): FakeTransport {
  const handlers = new Map<string, Array<(...args: never[]) => void>>();
  let destroyed = false;
  return {
    options,
    fed: [],
    sentData: [],
    iceRestarts: 0,
    signal(data) {
      this.fed.push(data);
    },
    setTrack: async () => {},
    addStream: () => {},
    removeStream: () => {},
    send(text) {
      this.sentData.push(text);
    },
    restartIce() {
      if (!canRestartIce || destroyed || !options.initiator) return false;
      this.iceRestarts += 1;
      return true;
    },
    on(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler as (...args: never[]) => void]);
      return () => {};
    },
    fire(event, ...args) {
      for (const h of handlers.get(event) ?? []) (h as (...a: unknown[]) => void)(...args);
    },
    connection: null,
    get destroyed() {
      return destroyed;
    },
    destroy() {
      destroyed = true;
    },
  };
}

/** Options of {@link setup}. */
export interface LinkSetup {
  maxAttempts?: number;
  iceRestart?: boolean;
  canRestartIce?: boolean;
  timing?: Partial<PeerLinkTiming>;
}

/** A peer link from `localId` to `remoteId` over fake transports, with everything it reports recorded. */
export function setup(localId: string, remoteId: string, maxAttemptsOrOptions: number | LinkSetup = 2) {
  const o: LinkSetup = typeof maxAttemptsOrOptions === 'number' ? { maxAttempts: maxAttemptsOrOptions } : maxAttemptsOrOptions;
  const maxAttempts = o.maxAttempts ?? 2;
  const transports: FakeTransport[] = [];
  const sent: Array<{ connectionId: string; signal: SignalData }> = [];
  const states: PeerState[] = [];
  const errors: MeetingError[] = [];
  const controls: PeerControlMessage[] = [];
  const link = createPeerLink({
    localId,
    remoteId,
    createTransport: (options) => {
      const t = fakeTransport(options, o.canRestartIce ?? true);
      transports.push(t);
      return t;
    },
    getIceConfig: async () => ({ iceServers: [{ urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'c' }] }),
    getLocalStreams: () => [],
    getStreamLabels: () => ({ camera: null, screen: null }),
    sendSignal: (connectionId, signal) => sent.push({ connectionId, signal }),
    backoff: createBackoff({ maxAttempts, initialDelayMs: 5, maxDelayMs: 10 }, { maxAttempts, initialDelayMs: 5, maxDelayMs: 10, factor: 2 }),
    connectTimeoutMs: 200,
    ...(o.iceRestart === undefined ? {} : { iceRestart: o.iceRestart }),
    ...(o.timing ? { timing: o.timing } : {}),
    onState: (s) => states.push(s),
    onStream: () => {},
    onFailed: (e) => errors.push(e),
    onControl: (message) => controls.push(message),
  });
  return { link, transports, sent, states, errors, controls };
}
