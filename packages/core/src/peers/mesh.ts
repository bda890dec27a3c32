import type { MeetingError } from '../errors/meeting-error';
import type { LocalTrackChange } from '../media/local-tracks';
import { KIND_OF, type StreamSource } from '../protocol/media-sources';
import type { SignalData } from '../protocol/types';
import type { PeerState } from '../state/types';
import type { Backoff } from '../util/backoff';
import { createPeerLink, type PeerLink, type PeerLinkTiming } from './peer-link';
import type { PeerControlMessage } from './peer-control';
import type { PeerLiveness } from './peer-link.types';
import type { StreamLabels } from './stream-labels';
import type { PeerTransport, PeerTransportFactory, WrtcImplementation } from './transport';

/** A signal for one remote participant, as the mesh hands it to whoever carries it. */
export type SignalSink = (to: string, connectionId: string, signal: SignalData) => void;

/** A signal received from one remote participant. */
export interface IncomingSignal {
  from: string;
  connectionId: string | undefined;
  signal: SignalData;
}

/** Signals from a participant we do not know yet are kept this long (join races). */
const EARLY_SIGNAL_TTL_MS = 10_000;
const EARLY_SIGNAL_MAX = 200;

/** Options of `createPeerMesh`. */
export interface PeerMeshOptions {
  createTransport: PeerTransportFactory;
  getIceConfig: () => Promise<RTCConfiguration>;
  /** See `PeerLinkOptions.localMediaReady`. */
  localMediaReady?: () => Promise<void>;
  getLocalStreams: () => MediaStream[];
  getStreamLabels: () => StreamLabels;
  backoff: Backoff;
  connectTimeoutMs: number;
  /** See `PeerLinkOptions.iceRestart`. @default true */
  iceRestart?: boolean;
  timing?: Partial<PeerLinkTiming>;
  wrtc?: WrtcImplementation;
  onPeerState: (participantId: string, state: PeerState, previous: PeerState) => void;
  onStream: (participantId: string, source: StreamSource, stream: MediaStream | null) => void;
  onError: (error: MeetingError) => void;
  /** A control message arrived from a participant on the data channel of `transport`. */
  onControl?: (participantId: string, message: PeerControlMessage, transport: PeerTransport) => void;
}

/**
 * The full mesh: one `PeerLink` per remote participant, never two. Outgoing signals go to the
 * sink the current meeting membership attached; with none attached they are dropped.
 */
export interface PeerMesh {
  /** Carry outgoing signals through `sink` until the returned disposer is called. */
  attachSink(sink: SignalSink): () => void;
  /** Our participant id; changing it closes every link (the others see a new participant). */
  setLocalId(id: string | null): void;
  /** Make the links match `remoteIds`: add missing ones, close the others. */
  sync(remoteIds: readonly string[]): void;
  add(remoteId: string): void;
  remove(remoteId: string): void;
  handleSignal(incoming: IncomingSignal): void;
  /** Forward a local media change to every connection. */
  applyLocalChange(change: LocalTrackChange): void;
  /** Live transports by participant id (stats, bitrate). */
  transports(): Array<[string, PeerTransport]>;
  /** Send a control message to one participant over the data channel (dropped while not connected). */
  sendControl(remoteId: string, message: PeerControlMessage): void;
  /** Tell one link how alive its connection is after ICE dropped (see `PeerLiveness`). */
  setLiveness(remoteId: string, liveness: PeerLiveness): void;
  /** Rebuild one link now, or (no id) every link that is not connected — the `online` hint. */
  restart(remoteId?: string): void;
  readonly size: number;
  closeAll(): void;
}

/** Create the peer mesh. */
export function createPeerMesh(o: PeerMeshOptions): PeerMesh {
  const links = new Map<string, PeerLink>();
  const early = new Map<string, Array<{ at: number; incoming: IncomingSignal }>>();
  let localId: string | null = null;
  let sink: SignalSink | null = null;

  function add(remoteId: string) {
    if (!localId || remoteId === localId || links.has(remoteId)) return;
    let previous: PeerState = 'new';
    const link = createPeerLink({
      localId,
      remoteId,
      createTransport: o.createTransport,
      getIceConfig: o.getIceConfig,
      ...(o.localMediaReady ? { localMediaReady: o.localMediaReady } : {}),
      getLocalStreams: o.getLocalStreams,
      getStreamLabels: o.getStreamLabels,
      sendSignal: (connectionId, signal) => sink?.(remoteId, connectionId, signal),
      backoff: o.backoff,
      connectTimeoutMs: o.connectTimeoutMs,
      ...(o.iceRestart === undefined ? {} : { iceRestart: o.iceRestart }),
      ...(o.timing ? { timing: o.timing } : {}),
      ...(o.wrtc ? { wrtc: o.wrtc } : {}),
      onControl: (message, transport) => o.onControl?.(remoteId, message, transport),
      onState: (state) => {
        const before = previous;
        previous = state;
        o.onPeerState(remoteId, state, before);
      },
      onStream: (source, stream) => o.onStream(remoteId, source, stream),
      onFailed: o.onError,
    });
    links.set(remoteId, link);
    link.start();
    const queued = early.get(remoteId);
    early.delete(remoteId);
    const now = Date.now();
    for (const { at, incoming } of queued ?? []) {
      if (now - at < EARLY_SIGNAL_TTL_MS) link.handleSignal(incoming.connectionId, incoming.signal);
    }
  }

  function remove(remoteId: string) {
    const link = links.get(remoteId);
    links.delete(remoteId);
    early.delete(remoteId);
    link?.close();
  }

  return {
    get size() {
      return links.size;
    },
    attachSink(next) {
      sink = next;
      return () => {
        if (sink === next) sink = null;
      };
    },
    setLocalId(id) {
      if (id === localId) return;
      for (const remoteId of [...links.keys()]) remove(remoteId);
      localId = id;
    },
    sync(remoteIds) {
      const wanted = new Set(remoteIds);
      for (const remoteId of [...links.keys()]) if (!wanted.has(remoteId)) remove(remoteId);
      for (const remoteId of remoteIds) add(remoteId);
    },
    add,
    remove,
    handleSignal(incoming) {
      const link = links.get(incoming.from);
      if (link) {
        link.handleSignal(incoming.connectionId, incoming.signal);
        return;
      }
      const list = early.get(incoming.from) ?? [];
      if (list.length < EARLY_SIGNAL_MAX) list.push({ at: Date.now(), incoming });
      early.set(incoming.from, list);
    },
    applyLocalChange(change) {
      for (const link of links.values()) {
        const t = link.transport;
        if (!t) continue;
        if (change.type === 'track') {
          t.setTrack(KIND_OF[change.source], change.track, change.stream).catch(() => link.restart());
        } else {
          if (change.previous) t.removeStream(change.previous);
          if (change.stream) t.addStream(change.stream);
        }
        link.announceStreams();
      }
    },
    transports() {
      const out: Array<[string, PeerTransport]> = [];
      for (const [id, link] of links) if (link.transport && link.state === 'connected') out.push([id, link.transport]);
      return out;
    },
    sendControl(remoteId, message) {
      links.get(remoteId)?.sendControl(message);
    },
    setLiveness(remoteId, liveness) {
      links.get(remoteId)?.setLiveness(liveness);
    },
    restart(remoteId) {
      if (remoteId) links.get(remoteId)?.restart();
      else for (const link of links.values()) if (link.state !== 'connected') link.restart();
    },
    closeAll() {
      for (const remoteId of [...links.keys()]) remove(remoteId);
      early.clear();
    },
  };
}
