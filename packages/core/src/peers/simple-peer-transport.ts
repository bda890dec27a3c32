import SimplePeer from 'simple-peer';
import type { SignalData } from '../protocol/types';
import type { TrackKind } from '../protocol/media-sources';
import { preferAudioRedundancy } from './audio-redundancy';
import type { PeerTransport, PeerTransportEvents, PeerTransportOptions } from './transport';

type Handler = (...args: never[]) => void;

interface SimplePeerInternals {
  _pc?: RTCPeerConnection;
  /** Starts an offer (initiator) or asks the initiator for one; untyped in @types/simple-peer. */
  negotiate?: () => void;
}

/**
 * How long a connection may go without gathering a single local ICE candidate once its offer or
 * answer is set. Without a local candidate an ICE agent has nothing to check from, so the
 * connection can never connect; it is reported as failed (and rebuilt by its link) instead of
 * waiting for the link's connect timeout.
 *
 * Why it happens: Chromium's per-connection network filter can miss the network list for good
 * when its camera/microphone permission check (made when the connection is created) completes
 * while a network update is pending; it then never tells the connection's port allocator about
 * any network. Seen on answerers, which set their answer within that first ~100 ms. Such a
 * connection stays in `iceGatheringState` `gathering` with no candidate, and an ICE restart
 * cannot help; a new RTCPeerConnection gathers normally. Host candidates take milliseconds and
 * TURN allocations usually under a second, so 5 s only catches a connection that cannot work.
 */
export const GATHERING_STALL_MS = 5_000;

/**
 * `PeerTransport` over simple-peer. Always passes our ICE configuration (simple-peer would
 * otherwise fall back to public STUN servers). Senders are tracked per slot so a camera or
 * microphone switch is a `replaceTrack`, not a renegotiation.
 */
export const createSimplePeerTransport = (options: PeerTransportOptions): PeerTransport => {
  const peer = new SimplePeer({
    initiator: options.initiator,
    config: options.config,
    trickle: true,
    streams: options.streams,
    // Audio first on lossy links: RED (a copy of the previous Opus frame in each packet) where both sides have it.
    sdpTransform: preferAudioRedundancy,
    ...(options.wrtc ? { wrtc: options.wrtc as SimplePeer.Options['wrtc'] } : {}),
  });
  const pc = (peer as unknown as SimplePeerInternals)._pc ?? null;
  const senders = new Map<TrackKind, RTCRtpSender>();
  const listeners: Array<[string, Handler]> = [];
  let destroyed = false;

  // Senders created from the initial streams.
  for (const stream of options.streams) {
    for (const track of stream.getTracks()) {
      const sender = pc?.getSenders().find((s) => s.track === track);
      if (sender && (track.kind === 'audio' || track.kind === 'video') && !senders.has(track.kind)) {
        senders.set(track.kind, sender);
      }
    }
  }

  function listen(event: string, handler: Handler): () => void {
    peer.on(event, handler as (...args: unknown[]) => void);
    const entry: [string, Handler] = [event, handler];
    listeners.push(entry);
    return () => {
      peer.off(event, handler as (...args: unknown[]) => void);
      const i = listeners.indexOf(entry);
      if (i >= 0) listeners.splice(i, 1);
    };
  }

  // Errors are reported through `on('error')`; an unhandled 'error' would throw from the emitter.
  peer.on('error', () => {});

  // Gathering watchdog (see GATHERING_STALL_MS): armed when our first description goes out,
  // disarmed by the first real local candidate (Firefox's empty end-of-candidates does not count).
  let gathered = false;
  let stallTimer: ReturnType<typeof setTimeout> | null = null;
  const disarm = () => {
    if (stallTimer) clearTimeout(stallTimer);
    stallTimer = null;
  };
  peer.on('signal', (data: SimplePeer.SignalData) => {
    if (gathered) return;
    if (data.type === 'candidate') {
      if (data.candidate?.candidate) {
        gathered = true;
        disarm();
      }
    } else if ((data.type === 'offer' || data.type === 'answer') && !stallTimer) {
      stallTimer = setTimeout(() => {
        stallTimer = null;
        if (gathered || destroyed) return;
        const error = Object.assign(new Error(`ICE gathering produced no local candidate within ${GATHERING_STALL_MS} ms`), {
          code: 'ERR_ICE_GATHERING_STALLED',
        });
        // Like any other ICE failure: simple-peer emits 'error', then 'close'.
        peer.destroy(error);
      }, GATHERING_STALL_MS);
    }
  });
  peer.once('connect', () => {
    gathered = true;
    disarm();
  });
  peer.once('close', disarm);

  return {
    get connection() {
      return destroyed ? null : pc;
    },
    get destroyed() {
      return destroyed;
    },
    signal(data) {
      if (destroyed) return;
      peer.signal(data as SimplePeer.SignalData);
    },
    async setTrack(kind, track, stream) {
      if (destroyed) return;
      const sender = senders.get(kind);
      if (sender) {
        if (sender.track !== track) await sender.replaceTrack(track);
        return;
      }
      if (!track) return;
      peer.addTrack(track, stream);
      const added = pc?.getSenders().find((s) => s.track === track);
      if (added) senders.set(kind, added);
    },
    addStream(stream) {
      if (!destroyed) peer.addStream(stream);
    },
    removeStream(stream) {
      if (destroyed) return;
      try {
        peer.removeStream(stream);
      } catch {
        // The stream was never added to this connection (it was rebuilt meanwhile).
      }
    },
    send(text) {
      if (destroyed || !peer.connected) return;
      try {
        peer.send(text);
      } catch {
        // The data channel closed between the check and the send; the next announce retries.
      }
    },
    restartIce() {
      const negotiate = (peer as unknown as SimplePeerInternals).negotiate;
      if (destroyed || !options.initiator || !pc || typeof pc.restartIce !== 'function' || typeof negotiate !== 'function') return false;
      // The next offer carries new ICE credentials. simple-peer does not listen to
      // `negotiationneeded`, so the offer is started here; the answer comes back as any other.
      pc.restartIce();
      negotiate.call(peer);
      return true;
    },
    on<E extends keyof PeerTransportEvents>(event: E, handler: PeerTransportEvents[E]) {
      if (event === 'ice') {
        return listen('iceStateChange', handler as Handler);
      }
      if (event === 'stream') {
        // simple-peer fires 'stream' once per stream; a track added later to it only fires 'track'.
        const offStream = listen('stream', handler as Handler);
        const offTrack = listen('track', ((_track: MediaStreamTrack, stream: MediaStream) =>
          (handler as PeerTransportEvents['stream'])(stream)) as Handler);
        return () => {
          offStream();
          offTrack();
        };
      }
      if (event === 'data') {
        return listen('data', ((chunk: Uint8Array | string) =>
          (handler as PeerTransportEvents['data'])(
            typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk),
          )) as Handler);
      }
      return listen(event, handler as Handler);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      disarm();
      for (const [event, handler] of listeners.splice(0)) peer.off(event, handler as (...args: unknown[]) => void);
      senders.clear();
      peer.destroy();
      // simple-peer's destroy leaves its ICE-complete timer (5 s) armed, holding the peer and its
      // connection until it fires: a closed client must leave no timer behind.
      const internals = peer as unknown as { _iceCompleteTimer?: ReturnType<typeof setTimeout> | null };
      if (internals._iceCompleteTimer) clearTimeout(internals._iceCompleteTimer);
      internals._iceCompleteTimer = null;
    },
  };
};

export type { SignalData };
