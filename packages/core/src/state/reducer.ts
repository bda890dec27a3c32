import type { MediaState, ParticipantInfo } from '../protocol/types';
import { mergeChat } from './merge-chat';
import type { MeetingAction } from './actions';
import { peerStateOfConnection, withDerived } from './derive';
import { createInitialSnapshot, UNLIMITED_LINK, UNLIMITED_LOCAL_VIDEO } from './initial';
import { mergeLink, mergeLocalVideo } from './link-video';
import { isSessionAction, reduceSession } from './session-reducer';
import type { MeetingSnapshot, Participant } from './types';

function remoteFrom(info: ParticipantInfo, existing?: Participant): Participant {
  if (existing) return { ...existing, ...info, isLocal: false };
  return {
    ...info,
    isLocal: false,
    peerState: 'new',
    quality: 'unknown',
    isSpeaking: false,
    stream: null,
    screenStream: null,
  };
}

function localFrom(info: ParticipantInfo, s: MeetingSnapshot): Participant {
  return {
    ...info,
    isLocal: true,
    media: publishedMedia(s),
    peerState: peerStateOfConnection(s.connection),
    quality: s.localParticipant?.quality ?? 'unknown',
    isSpeaking: s.localParticipant?.isSpeaking ?? false,
    stream: s.localStream,
    screenStream: s.localScreenStream,
  };
}

/** What the local toggles publish. */
function publishedMedia(s: MeetingSnapshot): MediaState {
  return { camera: s.media.camera.enabled, microphone: s.media.microphone.enabled, screen: s.media.screen.enabled };
}

/** Drop the entry of `id` from a per-participant map (same object when absent). */
function without<T>(map: Readonly<Record<string, T>>, id: string): Readonly<Record<string, T>> {
  if (!(id in map)) return map;
  const { [id]: _gone, ...rest } = map;
  return rest;
}

/** The entries of `map` whose id passes `wanted` (same object when all do). */
function keep<T>(map: Readonly<Record<string, T>>, wanted: (id: string) => boolean): Readonly<Record<string, T>> {
  const ids = Object.keys(map);
  if (ids.every(wanted)) return map;
  return Object.fromEntries(ids.filter(wanted).map((id) => [id, map[id]!]));
}

function patchRemote(s: MeetingSnapshot, id: string, patch: Partial<Participant>): MeetingSnapshot {
  const current = s.remotes[id];
  if (!current) return s;
  const changed = (Object.keys(patch) as Array<keyof Participant>).some((k) => current[k] !== patch[k]);
  if (!changed) return s;
  return { ...s, remotes: { ...s.remotes, [id]: { ...current, ...patch } } };
}

function patchLocal(s: MeetingSnapshot, patch: Partial<Participant>): MeetingSnapshot {
  const current = s.localParticipant;
  if (!current) return s;
  const changed = (Object.keys(patch) as Array<keyof Participant>).some((k) => current[k] !== patch[k]);
  return changed ? { ...s, localParticipant: { ...current, ...patch } } : s;
}

function findMedia(s: MeetingSnapshot, id: string): MediaState | undefined {
  return s.localParticipant?.id === id ? s.localParticipant.media : s.remotes[id]?.media;
}

function patchParticipant(s: MeetingSnapshot, id: string, patch: Partial<Participant>): MeetingSnapshot {
  return s.localParticipant?.id === id ? patchLocal(s, patch) : patchRemote(s, id, patch);
}

function reduceCore(s: MeetingSnapshot, a: MeetingAction): MeetingSnapshot {
  switch (a.type) {
    case 'connection': {
      if (s.connection === a.state) return s;
      return patchLocal({ ...s, connection: a.state }, { peerState: peerStateOfConnection(a.state) });
    }
    case 'joined': {
      const { meeting, self, participants, chat, limits, waiting, serverTime } = a.payload;
      const remotes: Record<string, Participant> = {};
      for (const info of participants) {
        if (info.id !== self.id) remotes[info.id] = remoteFrom(info, s.remotes[info.id]);
      }
      const present = (id: string) => id === self.id || id in remotes;
      return {
        ...s,
        meetingId: meeting.meetingId,
        meeting,
        limits,
        remotes,
        localParticipant: localFrom(self, s),
        chat: mergeChat(s.chat, chat),
        audioLevels: keep(s.audioLevels, present),
        peerStats: keep(s.peerStats, present),
        links: keep(s.links, present),
        admission: 'admitted',
        role: self.role,
        waiting: waiting ?? [],
        clockOffsetMs: serverTime - a.receivedAt,
      };
    }
    case 'participant-joined': {
      if (a.participant.id === s.localParticipant?.id) return s;
      const remote = remoteFrom(a.participant, s.remotes[a.participant.id]);
      return { ...s, remotes: { ...s.remotes, [remote.id]: remote } };
    }
    case 'participant-left': {
      if (!s.remotes[a.participantId]) return s;
      const activeSpeakerId = s.activeSpeakerId === a.participantId ? null : s.activeSpeakerId;
      return {
        ...s,
        remotes: without(s.remotes, a.participantId),
        audioLevels: without(s.audioLevels, a.participantId),
        peerStats: without(s.peerStats, a.participantId),
        links: without(s.links, a.participantId),
        activeSpeakerId,
      };
    }
    case 'participant-media': {
      // Someone who just muted is no longer speaking, whatever the next level sample says.
      const muted = !a.media.microphone;
      const next = patchRemote(s, a.participantId, muted ? { media: a.media, isSpeaking: false } : { media: a.media });
      return muted && next.activeSpeakerId === a.participantId ? { ...next, activeSpeakerId: null } : next;
    }
    case 'participant-ready':
      return patchParticipant(s, a.participantId, { ready: a.ready });
    case 'meeting-started':
      if (!s.meeting) return s;
      return { ...s, meeting: { ...s.meeting, status: 'active', startedAt: a.payload.startedAt } };
    case 'meeting-ended':
      if (!s.meeting) return s;
      return { ...s, meeting: { ...s.meeting, status: 'ended' } };
    case 'chat': {
      const chat = mergeChat(s.chat, a.messages);
      return chat === s.chat ? s : { ...s, chat };
    }
    case 'peer-state':
      return patchRemote(s, a.participantId, { peerState: a.state });
    case 'peer-stream':
      return patchRemote(s, a.participantId, a.source === 'camera' ? { stream: a.stream } : { screenStream: a.stream });
    case 'peer-stats': {
      const next = patchParticipant(s, a.participantId, { quality: a.quality });
      if (!(a.participantId in next.remotes) && next.localParticipant?.id !== a.participantId) return next;
      return { ...next, peerStats: { ...next.peerStats, [a.participantId]: a.stats } };
    }
    case 'link': {
      if (!s.remotes[a.participantId]) return s;
      const current = s.links[a.participantId] ?? UNLIMITED_LINK;
      const link = mergeLink(current, a.patch);
      return link === current ? s : { ...s, links: { ...s.links, [a.participantId]: link } };
    }
    case 'local-video': {
      const localVideo = mergeLocalVideo(s.localVideo, a.patch);
      return localVideo === s.localVideo ? s : { ...s, localVideo };
    }
    case 'audio-levels': {
      // A muted microphone cannot make its owner the active speaker (levels lag behind a mute).
      const speakerMuted = a.activeSpeakerId !== null && findMedia(s, a.activeSpeakerId)?.microphone === false;
      const activeSpeakerId = speakerMuted ? null : a.activeSpeakerId;
      let next: MeetingSnapshot = s.activeSpeakerId === activeSpeakerId ? s : { ...s, activeSpeakerId };
      const changedLevels = Object.entries(a.levels).some(([id, level]) => s.audioLevels[id] !== level);
      if (changedLevels) next = { ...next, audioLevels: { ...s.audioLevels, ...a.levels } };
      for (const p of [s.localParticipant, ...Object.values(s.remotes)]) {
        if (p) next = patchParticipant(next, p.id, { isSpeaking: p.id === activeSpeakerId });
      }
      return next;
    }
    case 'media-toggle': {
      const toggle = { ...s.media[a.source], ...a.patch };
      const next = { ...s, media: { ...s.media, [a.source]: toggle } };
      const media = publishedMedia(next);
      const current = next.localParticipant?.media;
      const same = current && current.camera === media.camera && current.microphone === media.microphone && current.screen === media.screen;
      return same ? next : patchLocal(next, { media, ...(media.microphone ? {} : { isSpeaking: false }) });
    }
    case 'local-streams': {
      if (s.localStream === a.stream && s.localScreenStream === a.screenStream) return s;
      const next = { ...s, localStream: a.stream, localScreenStream: a.screenStream };
      return patchLocal(next, { stream: a.stream, screenStream: a.screenStream });
    }
    case 'devices':
      return { ...s, devices: { ...s.devices, ...a.patch } };
    case 'audio-blocked':
      return s.audioPlaybackBlocked === a.blocked ? s : { ...s, audioPlaybackBlocked: a.blocked };
    case 'error':
      return s.error === a.error ? s : { ...s, error: a.error };
    case 'left': {
      const initial = createInitialSnapshot();
      // Audio only is the person's choice: it outlives the meeting, what was sent does not.
      const localVideo = s.localVideo.audioOnly ? { ...UNLIMITED_LOCAL_VIDEO, audioOnly: true } : initial.localVideo;
      return { ...initial, connection: s.connection, devices: s.devices, localVideo };
    }
    default:
      return isSessionAction(a) ? reduceSession(s, a) : s;
  }
}

/**
 * The one reducer of the client: `(snapshot, action) → snapshot`. Returns the same object when
 * nothing changed; derived fields are recomputed here, never on read.
 */
export function reduceMeeting(s: MeetingSnapshot, a: MeetingAction): MeetingSnapshot {
  return withDerived(s, reduceCore(s, a));
}
