import type { PeerMesh } from '../peers/mesh';
import type { PeerControlMessage } from '../peers/peer-control';
import type { PeerLiveness } from '../peers/peer-link.types';
import type { PeerTransport } from '../peers/transport';
import type { VideoLevel } from '../protocol/media-sources';
import type { MeetingAction } from '../state/actions';
import { UNLIMITED_LINK } from '../state/initial';
import { sameLinkVideo } from '../state/link-video';
import type { ConnectionQuality, LinkVideo, MeetingSnapshot, PeerStats } from '../state/types';
import { applyEncoding } from './apply-encoding';
import type { IceState } from './link-liveness.machine';
import { createLinkPolicy, type LinkDecision, type LinkPolicy } from './link-policy';
import type { LinkSample } from './link-sample';
import { effectiveVideo, leastVideo } from './send-video';

/** Options of {@link createLinkSessions}. */
export interface LinkSessionsOptions {
  mesh: PeerMesh;
  getState: () => MeetingSnapshot;
  dispatch: (action: MeetingAction) => void;
  /** The live camera track, whose sender on each connection gets the decided encoding. */
  cameraTrack: () => MediaStreamTrack | null;
  /** Whether stats samples feed the policies; without them only audio only is applied. */
  sampling: boolean;
  now?: () => number;
}

/** One connection's policy and what it last told the peer, the peer link and the snapshot. */
interface Session {
  readonly transport: PeerTransport;
  readonly policy: LinkPolicy;
  stats: PeerStats | null;
  /** The last quality put in the snapshot. */
  quality: ConnectionQuality;
  told: { video: LinkVideo; request: VideoLevel; liveness: PeerLiveness };
  /** The camera's sender on this connection, once found (it outlives track changes). */
  sender: RTCRtpSender | null;
  /** Video paused by sending no track, where `setParameters` is refused (wrtc). */
  trackPaused: boolean;
  off: () => void;
}

/** The link policies of every connection, applied: encodings, control messages, liveness and the snapshot. */
export interface LinkSessions {
  /** A `getStats` window of the connection to `id` (`link` for the policy, `stats` for the snapshot). */
  observe(id: string, transport: PeerTransport, link: LinkSample, stats: PeerStats): Promise<void>;
  /** A control message from `id`, received on `transport`. */
  control(id: string, message: PeerControlMessage, transport: PeerTransport): void;
  /** Send no camera video to anyone (`true`), or what each policy decides again. */
  setAudioOnly(on: boolean): Promise<void>;
  /** The camera gives no picture (`true`): tell every peer their video of us is paused for `camera`. */
  setCameraStalled(on: boolean): Promise<void>;
  /** Apply the current decisions to every live connection (a new connection, a new camera track). */
  applyAll(): Promise<void>;
  /** Forget connections that closed or whose participant left. */
  prune(): void;
  clear(): void;
}

/** One link policy per connection (see `createLinkPolicy`), with its decisions carried out. */
export function createLinkSessions(o: LinkSessionsOptions): LinkSessions {
  const now = o.now ?? Date.now;
  const sessions = new Map<string, Session>();
  let audioOnly = o.getState().localVideo.audioOnly;
  let cameraStalled = false;

  function ensure(id: string, transport: PeerTransport): Session {
    const existing = sessions.get(id);
    if (existing?.transport === transport) return existing;
    existing?.off();
    const session: Session = {
      transport,
      policy: createLinkPolicy({ remotePeers: Math.max(1, o.mesh.size) }),
      stats: null,
      quality: 'unknown',
      told: { video: UNLIMITED_LINK.sending, request: 'high', liveness: 'alive' },
      sender: null,
      trackPaused: false,
      off: () => {},
    };
    session.off = transport.on('ice', (state) => {
      if (sessions.get(id) !== session) return;
      session.policy.ice(state as IceState, now());
      void apply(id, session);
    });
    sessions.set(id, session);
    // A new connection: the peer starts from all video again and tells us anew.
    o.dispatch({ type: 'link', participantId: id, patch: { receiving: UNLIMITED_LINK.receiving } });
    return session;
  }

  /** Quality for people: the policy's, `lost` when media is expected and nothing arrived. */
  function qualityOf(id: string, decision: LinkDecision, stats: PeerStats | null): ConnectionQuality {
    if (!stats || stats.inboundBitrate === null) return decision.liveness === 'silent' ? 'lost' : 'unknown';
    const s = o.getState();
    const remote = s.remotes[id];
    const theirVideo = (s.links[id] ?? UNLIMITED_LINK).receiving;
    // Video they paused on purpose is not a lost link; their audio still has to arrive.
    const expecting = !!remote && (remote.media.microphone || (remote.media.camera && theirVideo.level !== 'paused'));
    return expecting && stats.inboundBitrate === 0 ? 'lost' : decision.quality;
  }

  async function apply(id: string, session: Session): Promise<void> {
    const decision = session.policy.decision();
    const quality = qualityOf(id, decision, session.stats);
    if (session.stats && quality !== session.quality) {
      session.quality = quality;
      o.dispatch({ type: 'peer-stats', participantId: id, stats: session.stats, quality });
    }
    if (decision.liveness !== session.told.liveness) {
      session.told.liveness = decision.liveness;
      o.mesh.setLiveness(id, decision.liveness);
    }
    const { video, encoding } = effectiveVideo(o.sampling ? decision.send : null, audioOnly, cameraStalled);
    if (!sameLinkVideo(video, session.told.video)) {
      session.told.video = video;
      o.mesh.sendControl(id, { kind: 'video', ...video });
    }
    if (decision.request !== session.told.request) {
      session.told.request = decision.request;
      o.mesh.sendControl(id, { kind: 'request', maxLevel: decision.request });
    }
    o.dispatch({ type: 'link', participantId: id, patch: { sending: video, requested: decision.request } });
    publishLocal();
    const camera = o.cameraTrack();
    const pc = session.transport.connection;
    // By id: some implementations (wrtc) hand out a new track wrapper on every `sender.track` read.
    session.sender ??= (camera && pc?.getSenders().find((s) => s.track?.id === camera.id)) || null;
    const sender = session.sender;
    if (!sender || session.transport.destroyed) return;
    try {
      await applyEncoding(sender, encoding);
      if (session.trackPaused && encoding.active && camera) await resumeTrack(session, sender, camera);
    } catch {
      // Where `setParameters` is refused (wrtc refuses every call), pause by sending no frames;
      // otherwise the connection closed meanwhile and the next round tries again.
      try {
        if (!encoding.active && !session.trackPaused) {
          session.trackPaused = true;
          await sender.replaceTrack(null);
        } else if (encoding.active && session.trackPaused && camera) await resumeTrack(session, sender, camera);
      } catch {
        // Closed meanwhile.
      }
    }
  }

  async function resumeTrack(session: Session, sender: RTCRtpSender, camera: MediaStreamTrack) {
    session.trackPaused = false;
    await sender.replaceTrack(camera);
  }

  const live = () => o.mesh.transports();
  /** What we send, for the snapshot: the least of every connection's video (audio only with none). */
  const publishLocal = () => {
    const sending = sessions.size > 0 ? leastVideo([...sessions.values()].map((s) => s.told.video)) : effectiveVideo(null, audioOnly, cameraStalled).video;
    o.dispatch({ type: 'local-video', patch: { audioOnly, sending } });
  };

  return {
    async observe(id, transport, link, stats) {
      const session = ensure(id, transport);
      const peers = Math.max(1, live().length);
      session.policy.setRemotePeers(peers);
      session.policy.sample(link);
      session.stats = stats;
      const quality = qualityOf(id, session.policy.decision(), stats);
      session.quality = quality;
      o.dispatch({ type: 'peer-stats', participantId: id, stats, quality });
      await apply(id, session);
    },
    control(id, message, transport) {
      const session = ensure(id, transport);
      if (message.kind === 'request') {
        session.policy.peerRequest(message.maxLevel, now());
        void apply(id, session);
      } else if (message.kind === 'video') {
        o.dispatch({ type: 'link', participantId: id, patch: { receiving: { level: message.level, reason: message.reason } } });
      }
    },
    async setAudioOnly(on) {
      audioOnly = on;
      publishLocal();
      await this.applyAll();
    },
    async setCameraStalled(on) {
      if (cameraStalled === on) return;
      cameraStalled = on;
      publishLocal();
      await this.applyAll();
    },
    async applyAll() {
      await Promise.all(live().map(([id, transport]) => apply(id, ensure(id, transport))));
    },
    prune() {
      const remotes = o.getState().remotes;
      for (const [id, session] of sessions) {
        if (!session.transport.destroyed && remotes[id]) continue;
        session.off();
        sessions.delete(id);
      }
      publishLocal();
    },
    clear() {
      for (const session of sessions.values()) session.off();
      sessions.clear();
      cameraStalled = false;
      publishLocal();
    },
  };
}
