import { MeetingError } from '../errors/meeting-error';
import type { StreamSource } from '../protocol/media-sources';
import type { SignalData } from '../protocol/types';
import type { PeerState } from '../state/types';
import type { Backoff } from '../util/backoff';
import { createMachine, type MachineConfig, type StateNode } from '../util/machine';
import { isInitiator, newConnectionId } from './initiator';
import { peerLinkMachine, peerStateOf } from './peer-link.machine';
import type { PeerLinkContext, PeerLinkEvent, PeerLinkState, PeerLiveness } from './peer-link.types';
import { decodePeerControl, encodePeerControl, type PeerControlMessage } from './peer-control';
import { classifyStreams, decodeStreamLabels, encodeStreamLabels, type StreamLabels } from './stream-labels';
import type { PeerTransport, PeerTransportFactory, WrtcImplementation } from './transport';

/** Our own signal asking the initiator to rebuild the connection. */
const REBUILD = 'mentara-rebuild';
/** Our own signal asking the initiator to restart ICE on the live connection. */
const ICE_RESTART = 'mentara-ice-restart';

/** How long the link waits in each recovery state, ms. */
export interface PeerLinkTiming {
  /** How long ICE may stay `disconnected` (with no word from the quality monitor) before recovery starts. @default 5000 */
  disconnectedGraceMs: number;
  /**
   * Absolute cap on holding a congested connection (ICE down, bytes still arriving), counted
   * from when ICE dropped: a deep queue that has not drained by then is treated as lost. @default 40000
   */
  congestionHoldMs: number;
  /** How long an ICE restart may take before the connection is rebuilt (the responder waits 1.5× as long). @default 10000 */
  iceRestartTimeoutMs: number;
}

/** Defaults of {@link PeerLinkTiming}. */
export const PEER_LINK_TIMING: PeerLinkTiming = { disconnectedGraceMs: 5_000, congestionHoldMs: 40_000, iceRestartTimeoutMs: 10_000 };

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
  /** Try an ICE restart before rebuilding a live connection that lost ICE. @default true */
  iceRestart?: boolean;
  timing?: Partial<PeerLinkTiming>;
  wrtc?: WrtcImplementation;
  onState: (state: PeerState) => void;
  onStream: (source: StreamSource, stream: MediaStream | null) => void;
  onFailed: (error: MeetingError) => void;
  /** A control message from the peer arrived on `transport`'s data channel. */
  onControl?: (message: PeerControlMessage, transport: PeerTransport) => void;
}

/** The connection to one remote participant, across rebuilds. */
export interface PeerLink {
  readonly state: PeerState;
  readonly transport: PeerTransport | null;
  start(): void;
  handleSignal(connectionId: string | undefined, signal: SignalData): void;
  /** Send the current stream labels on the data channel. */
  announceStreams(): void;
  /** Send a control message on the data channel of the live connection (dropped while there is none). */
  sendControl(message: PeerControlMessage): void;
  /** The quality monitor's judgement of the live connection (drives holding and recovery after ICE dropped). */
  setLiveness(liveness: PeerLiveness): void;
  /** Rebuild now: the current attempt counts as failed; a `failed` link starts over. */
  restart(): void;
  close(): void;
}

/**
 * One peer connection with its lifecycle, run by the `peerLinkMachine` table: `new → connecting →
 * connected`, and on failure `reconnecting` while it is rebuilt with fresh ICE credentials, up to
 * `backoff.maxAttempts` attempts in a row; then `failed` plus a `peer-connection-failed` error.
 */
export function createPeerLink(o: PeerLinkOptions): PeerLink {
  const remoteStreams: MediaStream[] = [];
  let remoteLabels: StreamLabels | null = null;
  const emitted: Record<StreamSource, MediaStream | null> = { camera: null, screen: null };

  function publishStreams() {
    const current = classifyStreams(remoteStreams, remoteLabels);
    for (const source of ['camera', 'screen'] as const) {
      if (emitted[source] !== current[source]) {
        emitted[source] = current[source];
        o.onStream(source, current[source]);
      }
    }
  }

  const timing: PeerLinkTiming = { ...PEER_LINK_TIMING, ...o.timing };
  const context: PeerLinkContext = {
    initiator: isInitiator(o.localId, o.remoteId),
    maxAttempts: o.backoff.maxAttempts,
    iceRestart: o.iceRestart ?? true,
    interruptedAt: null,
    failures: 0,
    connectionId: null,
    lastConnectionId: 'none',
    retired: new Set(),
    pending: [],
    transport: null,
    fx: {
      newConnectionId,
      createTransport: (c, config) => wireTransport(c.connectionId!, config),
      destroyTransport(transport) {
        transport.destroy();
        remoteStreams.length = 0;
      },
      now: () => Date.now(),
    },
  };

  function wireTransport(id: string, config: RTCConfiguration): PeerTransport {
    const t = o.createTransport({ initiator: context.initiator, config, streams: o.getLocalStreams(), ...(o.wrtc ? { wrtc: o.wrtc } : {}) });
    t.on('signal', (signal) => {
      if (context.transport === t) o.sendSignal(id, signal);
    });
    t.on('connect', () => {
      if (!machine.send({ type: 'CONNECTED', transport: t })) return;
      t.send(encodeStreamLabels(o.getStreamLabels()));
    });
    t.on('stream', (stream) => {
      if (context.transport !== t) return;
      if (!remoteStreams.includes(stream)) remoteStreams.push(stream);
      publishStreams();
    });
    t.on('data', (text) => {
      if (context.transport !== t) return;
      const labels = decodeStreamLabels(text);
      if (labels) {
        remoteLabels = labels;
        publishStreams();
        return;
      }
      const control = decodePeerControl(text);
      if (control) o.onControl?.(control, t);
    });
    t.on('ice', (ice) => {
      if (ice === 'disconnected') machine.send({ type: 'ICE_DISCONNECTED', transport: t });
      else if (ice === 'connected' || ice === 'completed') machine.send({ type: 'ICE_RECOVERED', transport: t });
      else if (ice === 'checking') machine.send({ type: 'PROGRESS', transport: t });
    });
    t.on('close', () => machine.send({ type: 'TRANSPORT_FAILED', transport: t }));
    t.on('error', () => machine.send({ type: 'TRANSPORT_FAILED', transport: t }));
    return t;
  }

  /** An effect that sends `event` after `ms` unless the state is left first. */
  const timeout =
    (ms: () => number, event: PeerLinkEvent = { type: 'TIMEOUT' }) =>
    (_c: PeerLinkContext, send: (e: PeerLinkEvent) => void) => {
      const timer = setTimeout(() => send(event), ms());
      return () => clearTimeout(timer);
    };

  /** Effects by state; the transitions are the shared table. */
  const effects: Partial<Record<PeerLinkState, StateNode<PeerLinkState, PeerLinkEvent, PeerLinkContext>['effects']>> = {
    'awaiting-offer': [timeout(() => o.connectTimeoutMs)],
    preparing: [
      (c, send) => {
        const attempt = c.connectionId!;
        let live = true;
        void Promise.all([o.getIceConfig(), o.localMediaReady?.()]).then(([config]) => {
          if (live) send({ type: 'CONFIG_READY', attempt, config });
        });
        return () => {
          live = false;
        };
      },
    ],
    // Later attempts get longer: a peer that was too slow once is usually slow again.
    negotiating: [timeout(() => o.connectTimeoutMs * Math.min(1 + context.failures, 3))],
    interrupted: [timeout(() => timing.disconnectedGraceMs)],
    held: [timeout(() => Math.max(0, timing.congestionHoldMs - (Date.now() - (context.interruptedAt ?? Date.now()))))],
    'ice-restarting': [
      (c, send) => {
        if (!c.initiator) {
          // The initiator makes the new offer; ask it (it may not have noticed yet), then follow.
          o.sendSignal(c.connectionId!, { type: ICE_RESTART });
        } else if (!c.transport?.restartIce?.()) {
          send({ type: 'TIMEOUT' });
        }
      },
      timeout(() => (context.initiator ? timing.iceRestartTimeoutMs : timing.iceRestartTimeoutMs * 1.5)),
    ],
    backoff: [timeout(() => o.backoff.delay(context.failures), { type: 'RETRY' })],
    'awaiting-rebuild': [
      (c) => {
        o.sendSignal(c.lastConnectionId, { type: REBUILD });
      },
      timeout(() => o.connectTimeoutMs),
    ],
    failed: [
      () => {
        o.onFailed(new MeetingError('peer-connection-failed', undefined, { participantId: o.remoteId }));
      },
    ],
    closed: [
      () => {
        remoteLabels = null;
        publishStreams();
      },
    ],
  };
  const config: MachineConfig<PeerLinkState, PeerLinkEvent, PeerLinkContext> = {
    initial: peerLinkMachine.initial,
    states: Object.fromEntries(
      Object.entries(peerLinkMachine.states).map(([state, node]) => [state, { ...node, effects: effects[state as PeerLinkState] }]),
    ) as MachineConfig<PeerLinkState, PeerLinkEvent, PeerLinkContext>['states'],
  };

  let state: PeerState = 'new';
  const machine = createMachine(config, context);
  machine.onChange((next) => {
    const mapped = peerStateOf(next, context.failures);
    if (mapped === state) return;
    state = mapped;
    o.onState(mapped);
  });

  return {
    get state() {
      return state;
    },
    get transport() {
      return context.transport;
    },
    start() {
      machine.send({ type: 'START' });
    },
    handleSignal(id, signal) {
      if (!id) return;
      if (signal.type === REBUILD) {
        machine.send({ type: 'REBUILD_REQUEST', connectionId: id });
        return;
      }
      if (signal.type === ICE_RESTART) {
        machine.send({ type: 'ICE_RESTART_REQUEST', connectionId: id });
        return;
      }
      if (context.retired.has(id)) return;
      if (id === context.connectionId) machine.send({ type: 'SIGNAL', signal });
      // A new attempt from the initiator starts with its offer.
      else if (signal.type === 'offer') machine.send({ type: 'OFFER', connectionId: id, signal });
    },
    announceStreams() {
      context.transport?.send(encodeStreamLabels(o.getStreamLabels()));
    },
    sendControl(message) {
      context.transport?.send(encodePeerControl(message));
    },
    setLiveness(liveness) {
      machine.send({ type: 'LIVENESS', liveness });
    },
    restart() {
      machine.send({ type: 'RESTART' });
    },
    close() {
      if (machine.state === 'closed') return;
      machine.send({ type: 'CLOSE' });
      machine.stop();
    },
  };
}
