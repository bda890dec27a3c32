import type {
  ChatMessage,
  MediaState,
  MeetingEndedPayload,
  MeetingJoinedPayload,
  MeetingStartedPayload,
  MeetingInfo,
  ParticipantInfo,
  ParticipantLeftReason,
  TrackSource,
  WaitingParticipant,
  WaitingRoomPayload,
} from '../protocol/types';
import type { StreamSource } from '../protocol/media-sources';
import type { MeetingError } from '../errors/meeting-error';
import type {
  ConnectionQuality,
  ConnectionState,
  DevicesState,
  LocalVideoState,
  MediaToggleState,
  RemoteLink,
  PeerState,
  PeerStats,
  SessionWarning,
} from './types';

/** Every change to the client state, as one closed union handled by the reducer. */
export type MeetingAction =
  | { type: 'connection'; state: ConnectionState }
  | { type: 'joined'; payload: MeetingJoinedPayload; rejoined: boolean; receivedAt: number }
  | { type: 'participant-joined'; participant: ParticipantInfo }
  | { type: 'participant-left'; participantId: string; reason: ParticipantLeftReason }
  | { type: 'participant-media'; participantId: string; media: MediaState }
  | { type: 'participant-ready'; participantId: string; ready: boolean }
  | { type: 'meeting-started'; payload: MeetingStartedPayload }
  | { type: 'meeting-ended'; payload: MeetingEndedPayload }
  | { type: 'chat'; messages: readonly ChatMessage[] }
  | { type: 'peer-state'; participantId: string; state: PeerState }
  | { type: 'peer-stream'; participantId: string; source: StreamSource; stream: MediaStream | null }
  | { type: 'peer-stats'; participantId: string; stats: PeerStats; quality: ConnectionQuality }
  | { type: 'link'; participantId: string; patch: Partial<RemoteLink> }
  | { type: 'local-video'; patch: Partial<LocalVideoState> }
  | { type: 'audio-levels'; levels: Readonly<Record<string, number>>; activeSpeakerId: string | null }
  | { type: 'media-toggle'; source: TrackSource; patch: Partial<MediaToggleState> }
  | { type: 'local-streams'; stream: MediaStream | null; screenStream: MediaStream | null }
  | { type: 'devices'; patch: Partial<DevicesState> }
  | { type: 'audio-blocked'; blocked: boolean }
  | { type: 'error'; error: MeetingError | null }
  | { type: 'left' }
  /* the session flow */
  | { type: 'waiting'; payload: WaitingRoomPayload; receivedAt: number }
  | { type: 'admission'; admission: 'denied' | 'removed' }
  | { type: 'waiting-added'; participant: WaitingParticipant }
  | { type: 'waiting-removed'; participantId: string; reason: 'admitted' | 'denied' | 'left' }
  | { type: 'meeting-updated'; meeting: MeetingInfo; serverTime: number; receivedAt: number }
  | { type: 'meeting-locked'; locked: boolean }
  | { type: 'mute-requested'; source: 'microphone' | 'camera'; byName: string; at: number }
  | { type: 'session-warning'; warning: SessionWarning | null };
