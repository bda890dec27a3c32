import type { ParticipantInfo } from '../protocol/types';
import { mergeChat } from '../chat/merge-chat';
import type { MeetingAction } from './actions';
import { peerStateOfConnection, withDerived } from './derive';
import { createInitialSnapshot } from './initial';
import type { MeetingSnapshot, Participant } from './types';

function remoteFrom(info: ParticipantInfo, existing?: Participant): Participant {
  if (existing) return { ...existing, ...info, isLocal: false };
  return {
    ...info,
    isLocal: false,
    peerState: 'new',
    quality: 'unknown',
    stats: null,
    audioLevel: 0,
    isSpeaking: false,
    stream: null,
    screenStream: null,
  };
}

function localFrom(info: ParticipantInfo, s: MeetingSnapshot): Participant {
  return {
    ...info,
    isLocal: true,
    media: { audio: s.media.microphone.enabled, video: s.media.camera.enabled, screen: s.media.screen.enabled },
    peerState: peerStateOfConnection(s.connection),
    quality: s.localParticipant?.quality ?? 'unknown',
    stats: null,
    audioLevel: s.localParticipant?.audioLevel ?? 0,
    isSpeaking: s.localParticipant?.isSpeaking ?? false,
    stream: s.localStream,
    screenStream: s.localScreenStream,
  };
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
      const { meeting, self, participants, chat, limits } = a.payload;
      const remotes: Record<string, Participant> = {};
      for (const info of participants) {
        if (info.id !== self.id) remotes[info.id] = remoteFrom(info, s.remotes[info.id]);
      }
      return {
        ...s,
        meetingId: meeting.meetingId,
        meeting,
        limits,
        remotes,
        localParticipant: localFrom(self, s),
        chat: mergeChat(s.chat, chat),
      };
    }
    case 'participant-joined': {
      if (a.participant.id === s.localParticipant?.id) return s;
      const remote = remoteFrom(a.participant, s.remotes[a.participant.id]);
      return { ...s, remotes: { ...s.remotes, [remote.id]: remote } };
    }
    case 'participant-left': {
      if (!s.remotes[a.participantId]) return s;
      const { [a.participantId]: _gone, ...rest } = s.remotes;
      const activeSpeakerId = s.activeSpeakerId === a.participantId ? null : s.activeSpeakerId;
      return { ...s, remotes: rest, activeSpeakerId };
    }
    case 'participant-media':
      return patchRemote(s, a.participantId, { media: a.media });
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
    case 'peer-stats':
      return patchParticipant(s, a.participantId, { stats: a.stats, quality: a.quality });
    case 'audio-levels': {
      let next = s.activeSpeakerId === a.activeSpeakerId ? s : { ...s, activeSpeakerId: a.activeSpeakerId };
      for (const [id, level] of Object.entries(a.levels)) {
        next = patchParticipant(next, id, { audioLevel: level, isSpeaking: id === a.activeSpeakerId });
      }
      return next;
    }
    case 'media-toggle': {
      const toggle = { ...s.media[a.source], ...a.patch };
      const next = { ...s, media: { ...s.media, [a.source]: toggle } };
      const m = next.media;
      return patchLocal(next, {
        media: { audio: m.microphone.enabled, video: m.camera.enabled, screen: m.screen.enabled },
      });
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
      return { ...initial, connection: s.connection, devices: s.devices };
    }
  }
}

/**
 * The one reducer of the client: `(snapshot, action) → snapshot`. Returns the same object when
 * nothing changed; derived fields are recomputed here, never on read.
 */
export function reduceMeeting(s: MeetingSnapshot, a: MeetingAction): MeetingSnapshot {
  return withDerived(s, reduceCore(s, a));
}
