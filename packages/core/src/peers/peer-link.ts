import { MeetingError } from '../errors/meeting-error';
import type { SignalData } from '../protocol/types';
import type { StreamSource, WrtcImplementation } from '../client/types';
import { createTimerGroup } from '../client/timers';
import type { PeerState } from '../state/types';
import type { Backoff } from './backoff';
import { isInitiator, newConnectionId } from './initiator';
import { classifyStreams, decodeStreamLabels, encodeStreamLabels, type StreamLabels } from './stream-labels';
import type { PeerTransport, PeerTransportFactory } from './transport';

/** Our own signal asking the initiator to rebuild the connection. */
const REBUILD = 'mentara-rebuild';
/** How long an ICE `disconnected` state may last before the attempt counts as failed. */
const DISCONNECTED_GRACE_MS = 5_000;

/** Options of one `PeerLink`. */
export interface PeerLinkOptions {
  localId: string;
  remoteId: string;
  createTransport: PeerTransportFactory;
  /** Fresh ICE configuration for every attempt (credentials may have been renewed). */
  getIceConfig: () => Promise<RTCConfiguration>;
  /**
   * Settles once the camera/microphone that join() started are captured (or failed, or took
   * too long). A transport built before would offer without them and renegotiate at once.
   */
  localMediaReady?: () => Promise<void>;
  /** Streams to send right now (camera stream with its live tracks, screen stream). */
  getLocalStreams: () => MediaStream[];
  getStreamLabels: () => StreamLabels;
  sendSignal: (connectionId: string, signal: SignalData) => void;
  backoff: Backoff;
  connectTimeoutMs: number;
  wrtc?: WrtcImplementation;
  onState: (state: PeerState) => void;
  onStream: (source: StreamSource, stream: MediaStream | null) => void;
  onFailed: (error: MeetingError) => void;
}

/** The connection to one remote participant, across rebuilds. */
export interface PeerLink {
  readonly state: PeerState;
  readonly transport: PeerTransport | null;
  start(): void;
  handleSignal(connectionId: string | undefined, signal: SignalData): void;
  /** Send the current stream labels on the data channel. */
  announceStreams(): void;
  /** Rebuild now: the current attempt counts as failed; a `failed` link starts over. */
  restart(): void;
  close(): void;
}

/**
 * One peer connection with its lifecycle: `new → connecting → connected`, and on failure
 * `reconnecting` while it is rebuilt with fresh ICE credentials (simple-peer has no ICE restart),
 * up to `backoff.maxAttempts` attempts in a row; then `failed` plus a `peer-connection-failed`
 * error. The initiator (smaller participant id) rebuilds; the other side asks it to. Every attempt
 * has its own `connectionId`; signals of retired attempts are dropped.
 */
export function createPeerLink(o: PeerLinkOptions): PeerLink {
  const initiator = isInitiator(o.localId, o.remoteId);
  const timers = createTimerGroup();
  const retired = new Set<string>();
  const remoteStreams: MediaStream[] = [];
  let remoteLabels: StreamLabels | null = null;
  let state: PeerState = 'new';
  let transport: PeerTransport | null = null;
  let connectionId: string | null = null;
  /** The attempt that failed last: a rebuild request names it so the initiator can match it. */
  let lastConnectionId = 'none';
  /** Signals for an attempt whose transport is still being created (ICE config in flight). */
  let pending: SignalData[] | null = null;
  let failures = 0;
  let generation = 0;
  let cancelAttemptTimer: (() => void) | null = null;
  const emitted: Record<StreamSource, MediaStream | null> = { camera: null, screen: null };

  function setState(next: PeerState) {
    if (state === next || state === 'closed') return;
    state = next;
    o.onState(next);
  }

  function publishStreams() {
    const current = classifyStreams(remoteStreams, remoteLabels);
    for (const source of ['camera', 'screen'] as const) {
      if (emitted[source] !== current[source]) {
        emitted[source] = current[source];
        o.onStream(source, current[source]);
      }
    }
  }

  function dropTransport() {
    cancelAttemptTimer?.();
    cancelAttemptTimer = null;
    if (connectionId) {
      retired.add(connectionId);
      lastConnectionId = connectionId;
    }
    transport?.destroy();
    transport = null;
    connectionId = null;
    remoteStreams.length = 0;
  }

  async function build(id: string, asInitiator: boolean, first?: SignalData) {
    const gen = ++generation;
    dropTransport();
    connectionId = id;
    setState(failures === 0 ? 'connecting' : 'reconnecting');
    const queued: SignalData[] = first ? [first] : [];
    pending = queued;
    const [config] = await Promise.all([o.getIceConfig(), o.localMediaReady?.()]);
    if (gen !== generation || state === 'closed') return;
    pending = null;
    const t = o.createTransport({ initiator: asInitiator, config, streams: o.getLocalStreams(), ...(o.wrtc ? { wrtc: o.wrtc } : {}) });
    transport = t;
    t.on('signal', (signal) => {
      if (transport === t) o.sendSignal(id, signal);
    });
    t.on('connect', () => {
      if (transport !== t) return;
      failures = 0;
      cancelAttemptTimer?.();
      setState('connected');
      t.send(encodeStreamLabels(o.getStreamLabels()));
    });
    t.on('stream', (stream) => {
      if (transport !== t) return;
      if (!remoteStreams.includes(stream)) remoteStreams.push(stream);
      publishStreams();
    });
    t.on('data', (text) => {
      const labels = decodeStreamLabels(text);
      if (labels && transport === t) {
        remoteLabels = labels;
        publishStreams();
      }
    });
    t.on('ice', (ice) => {
      if (transport !== t) return;
      if (ice === 'disconnected') {
        cancelAttemptTimer?.();
        cancelAttemptTimer = timers.after(DISCONNECTED_GRACE_MS, () => attemptFailed(t));
      } else if ((ice === 'connected' || ice === 'completed') && state === 'connected') {
        cancelAttemptTimer?.();
      }
    });
    t.on('close', () => attemptFailed(t));
    t.on('error', () => attemptFailed(t));
    cancelAttemptTimer = timers.after(o.connectTimeoutMs, () => {
      if (state !== 'connected') attemptFailed(t);
    });
    for (const signal of queued) t.signal(signal);
  }

  function attemptFailed(t: PeerTransport | null) {
    if (state === 'closed' || state === 'failed' || t !== transport) return;
    failures += 1;
    dropTransport();
    if (failures > o.backoff.maxAttempts) return giveUp();
    setState('reconnecting');
    scheduleNext();
  }

  /** The documented give-up: per-peer `failed` plus a `peer-connection-failed` error. */
  function giveUp() {
    setState('failed');
    o.onFailed(new MeetingError('peer-connection-failed', undefined, { participantId: o.remoteId }));
  }

  function scheduleNext() {
    cancelAttemptTimer?.();
    cancelAttemptTimer = timers.after(o.backoff.delay(failures), () => {
      if (initiator) {
        void build(newConnectionId(), true);
        return;
      }
      // Ask the initiator to rebuild; if no offer comes, count another failed attempt.
      o.sendSignal(lastConnectionId, { type: REBUILD });
      cancelAttemptTimer = timers.after(o.connectTimeoutMs, () => {
        if (!transport && state !== 'closed' && state !== 'failed') {
          failures += 1;
          if (failures > o.backoff.maxAttempts) giveUp();
          else scheduleNext();
        }
      });
    });
  }

  return {
    get state() {
      return state;
    },
    get transport() {
      return transport;
    },
    start() {
      if (state !== 'new') return;
      if (initiator) void build(newConnectionId(), true);
      else {
        setState('connecting');
        // The initiator may have missed us (e.g. it joined in the same instant): nudge it.
        cancelAttemptTimer = timers.after(o.connectTimeoutMs, () => {
          if (!transport) attemptFailed(null);
        });
      }
    },
    handleSignal(id, signal) {
      if (state === 'closed' || !id) return;
      if (signal.type === REBUILD) {
        // The other side lost our live attempt, never got one ('none'), or retries after we gave up.
        const rebuild = id === connectionId || state === 'failed' || (id === 'none' && state !== 'connected');
        if (initiator && rebuild) {
          failures = state === 'failed' ? 1 : Math.max(failures, 1);
          void build(newConnectionId(), true);
        }
        return;
      }
      if (retired.has(id)) return;
      if (id === connectionId) {
        if (pending) pending.push(signal);
        else transport?.signal(signal);
        return;
      }
      // A new attempt from the initiator starts with its offer.
      if (!initiator && signal.type === 'offer') {
        if (state === 'failed') failures = 0;
        void build(id, false, signal);
      }
    },
    announceStreams() {
      transport?.send(encodeStreamLabels(o.getStreamLabels()));
    },
    restart() {
      if (state === 'failed') {
        // A fresh budget of attempts (network came back, or the app asked).
        failures = 1;
        setState('reconnecting');
        if (initiator) void build(newConnectionId(), true);
        else scheduleNext();
      } else if (transport) attemptFailed(transport);
    },
    close() {
      if (state === 'closed') return;
      generation += 1;
      dropTransport();
      timers.clear();
      remoteLabels = null;
      publishStreams();
      state = 'closed';
      o.onState('closed');
    },
  };
}
