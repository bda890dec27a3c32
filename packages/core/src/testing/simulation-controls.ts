import { MeetingError, type MeetingErrorCode } from '../errors/meeting-error';
import type { TrackSource, WaitingParticipant } from '../protocol/types';
import type { MeetingStore } from '../state/store';
import { sameLinkVideo } from '../state/link-video';
import type { ConnectionState, LinkVideo } from '../state/types';
import type { SimulatedParticipant, SimulationControls } from './scenario';
import { toParticipantInfo } from './participant-info';

/** What the controls need from the simulated client. */
export interface SimulationContext {
  store: MeetingStore;
  /** Let the local participant in from the waiting room. */
  admit: () => void;
  /** A new waiting participant (not yet listed). */
  knock: (displayName: string) => WaitingParticipant;
  /** Turn a local source off, as the real client does on a host's request. */
  disableLocal: (source: 'microphone' | 'camera') => void;
  reportError: (error: MeetingError) => void;
  setConnection: (state: ConnectionState) => void;
  nextMessageId: () => string;
  mediaErrors: Partial<Record<TrackSource, MeetingErrorCode>>;
  isJoined: () => boolean;
  /** How far the simulated server's clock runs ahead of this device's. */
  clockOffsetMs: number;
  /** A synthetic camera stream for a scripted participant, when `fakeStreams` is on. */
  fakeStream: (displayName: string) => MediaStream | null;
}

/** The controls plus the helper the client uses for scripted participants. */
export interface InternalSimulationControls extends SimulationControls {
  applyParticipantExtras(participantId: string, p: SimulatedParticipant): void;
}

/**
 * Build `client.simulate`. Every control dispatches the same actions the real client does, so
 * the same events follow from the store.
 */
export function createSimulationControls(ctx: SimulationContext): InternalSimulationControls {
  const { store } = ctx;
  const { dispatch, getSnapshot } = store;
  let joinCount = 100;

  const find = (idOrName: string) => {
    const s = getSnapshot();
    return s.participants.find((p) => p.id === idOrName || p.displayName === idOrName) ?? null;
  };

  const controls: InternalSimulationControls = {
    applyParticipantExtras(id, p) {
      dispatch({ type: 'peer-state', participantId: id, state: p.peerState ?? 'connected' });
      if (p.quality !== 'unknown') {
        dispatch({
          type: 'peer-stats',
          participantId: id,
          quality: p.quality ?? 'good',
          stats: { rttMs: 40, packetLoss: 0, inboundBitrate: 800_000, outboundBitrate: 800_000, frameWidth: 640, frameHeight: 360, framesPerSecond: 24, localCandidateType: 'host', remoteCandidateType: 'host', sampledAt: Date.now() },
        });
      }
      const camera = p.stream ?? (p.media?.camera === false ? null : ctx.fakeStream(p.displayName));
      if (camera) dispatch({ type: 'peer-stream', participantId: id, source: 'camera', stream: camera });
      if (p.screenStream) dispatch({ type: 'peer-stream', participantId: id, source: 'screen', stream: p.screenStream });
      if (p.receiving) controls.setLink(id, { receiving: p.receiving });
      if (p.speaking) controls.setSpeaking(id);
    },
    participantJoins(p) {
      const info = toParticipantInfo(p, joinCount++, Date.now() - 1000);
      dispatch({ type: 'participant-joined', participant: { ...info, joinedAt: Date.now() } });
      controls.applyParticipantExtras(info.id, p);
      return info.id;
    },
    participantLeaves(participantId, reason = 'left') {
      dispatch({ type: 'participant-left', participantId, reason });
    },
    setMedia(participantId, media) {
      const p = getSnapshot().remotes[participantId];
      if (!p) return;
      const next = { ...p.media, ...media };
      dispatch({ type: 'participant-media', participantId, media: next });
    },
    setSpeaking(participantId, level = 0.6) {
      const levels: Record<string, number> = {};
      for (const p of getSnapshot().participants) levels[p.id] = p.id === participantId ? level : 0;
      dispatch({ type: 'audio-levels', levels, activeSpeakerId: participantId });
    },
    setQuality(participantId, quality) {
      const p = find(participantId);
      if (!p) return;
      const stats = getSnapshot().peerStats[p.id] ?? { rttMs: null, packetLoss: null, inboundBitrate: null, outboundBitrate: null, frameWidth: null, frameHeight: null, framesPerSecond: null, localCandidateType: null, remoteCandidateType: null, sampledAt: 0 };
      const rtt = { good: 40, fair: 300, poor: 700, lost: null, unknown: null }[quality];
      const loss = { good: 0, fair: 0.05, poor: 0.15, lost: 1, unknown: null }[quality];
      dispatch({ type: 'peer-stats', participantId: p.id, quality, stats: { ...stats, rttMs: rtt, packetLoss: loss, sampledAt: Date.now() } });
    },
    setLink(participantId, patch) {
      dispatch({ type: 'link', participantId, patch });
    },
    setSendingVideo(video, participantId) {
      const s = getSnapshot();
      const ids = participantId ? [participantId] : Object.keys(s.remotes);
      for (const id of ids) dispatch({ type: 'link', participantId: id, patch: { sending: video } });
      const links = getSnapshot().links;
      const all: LinkVideo[] = Object.keys(getSnapshot().remotes).map((id) => links[id]?.sending ?? { level: 'high', reason: null });
      const order = ['high', 'medium', 'low', 'paused'];
      const least = all.reduce<LinkVideo>((a, b) => (order.indexOf(b.level) > order.indexOf(a.level) ? b : a), { level: 'high', reason: null });
      if (!sameLinkVideo(least, getSnapshot().localVideo.sending)) dispatch({ type: 'local-video', patch: { sending: least } });
    },
    setPeerState(participantId, state) {
      dispatch({ type: 'peer-state', participantId, state });
      if (state === 'failed') ctx.reportError(new MeetingError('peer-connection-failed', undefined, { participantId }));
    },
    setReady(participantId, ready) {
      dispatch({ type: 'participant-ready', participantId, ready });
    },
    setStream(participantId, source, stream) {
      dispatch({ type: 'peer-stream', participantId, source, stream });
    },
    receiveChat(from, text) {
      const s = getSnapshot();
      const sender = find(from);
      if (!sender || !s.meetingId) return;
      const message = { id: ctx.nextMessageId(), meetingId: s.meetingId, from: sender.id, fromName: sender.displayName, text, sentAt: Date.now() };
      dispatch({ type: 'chat', messages: [message] });
    },
    dropConnection() {
      ctx.setConnection('reconnecting');
      for (const p of getSnapshot().remoteParticipants) controls.setPeerState(p.id, 'reconnecting');
    },
    restoreConnection() {
      ctx.setConnection('connected');
      dispatch({ type: 'error', error: null });
      for (const p of getSnapshot().remoteParticipants) controls.setPeerState(p.id, 'connected');
    },
    failConnection(code = 'signalling-unreachable') {
      ctx.reportError(new MeetingError(code, undefined, { recoverable: false }));
      ctx.setConnection('failed');
    },
    startMeeting() {
      const s = getSnapshot();
      if (!s.meetingId) return;
      const payload = { meetingId: s.meetingId, startedAt: Date.now() };
      dispatch({ type: 'meeting-started', payload });
    },
    endMeeting(reason = 'ended-by-host') {
      const s = getSnapshot();
      if (!s.meetingId) return;
      const payload = { meetingId: s.meetingId, reason, endedAt: Date.now() };
      dispatch({ type: 'meeting-ended', payload });
      ctx.setConnection('disconnected');
    },
    raiseError(code, participantId) {
      ctx.reportError(new MeetingError(code, undefined, participantId ? { participantId } : {}));
    },
    blockAutoplay(blocked = true) {
      if (getSnapshot().audioPlaybackBlocked === blocked) return;
      dispatch({ type: 'audio-blocked', blocked });
      if (blocked) ctx.reportError(new MeetingError('autoplay-blocked'));
    },
    failMedia(source, code) {
      if (code) ctx.mediaErrors[source] = code;
      else delete ctx.mediaErrors[source];
    },
    admit() {
      if (getSnapshot().admission === 'waiting') ctx.admit();
    },
    deny() {
      if (getSnapshot().admission !== 'waiting') return;
      dispatch({ type: 'admission', admission: 'denied' });
      ctx.setConnection('disconnected');
    },
    remove() {
      if (getSnapshot().admission !== 'admitted') return;
      dispatch({ type: 'admission', admission: 'removed' });
      ctx.setConnection('disconnected');
    },
    knock(displayName) {
      const participant = ctx.knock(displayName);
      dispatch({ type: 'waiting-added', participant });
      return participant.id;
    },
    requestMute(source = 'microphone', byName = 'Host') {
      dispatch({ type: 'mute-requested', source, byName, at: Date.now() });
      ctx.disableLocal(source);
    },
    updateMeeting(patch) {
      const meeting = getSnapshot().meeting;
      if (!meeting) return;
      const now = Date.now();
      dispatch({ type: 'meeting-updated', meeting: { ...meeting, ...patch }, serverTime: now + ctx.clockOffsetMs, receivedAt: now });
    },
  };
  return controls;
}
