import type { LocalVideoState, MediaToggleState, MeetingSnapshot, RemoteLink } from './types';

const OFF: MediaToggleState = { enabled: false, pending: false, error: null, processor: null };

/** A link before anything limited it: all video both ways, nothing asked. */
export const UNLIMITED_LINK: RemoteLink = Object.freeze({
  sending: Object.freeze({ level: 'high' as const, reason: null }),
  receiving: Object.freeze({ level: 'high' as const, reason: null }),
  requested: 'high' as const,
});

/** Video as sent before anything limited it. */
export const UNLIMITED_LOCAL_VIDEO: LocalVideoState = Object.freeze({ audioOnly: false, sending: UNLIMITED_LINK.sending });

/** The snapshot of a client that has not joined anything yet. */
export function createInitialSnapshot(): MeetingSnapshot {
  return {
    connection: 'idle',
    meetingId: null,
    meeting: null,
    localParticipant: null,
    remotes: {},
    participants: [],
    remoteParticipants: [],
    participantCount: 0,
    chat: [],
    activeSpeakerId: null,
    audioLevels: {},
    peerStats: {},
    links: {},
    localVideo: UNLIMITED_LOCAL_VIDEO,
    media: { camera: OFF, microphone: OFF, screen: OFF },
    devices: {
      cameras: [],
      microphones: [],
      speakers: [],
      selectedCameraId: null,
      selectedMicrophoneId: null,
      selectedSpeakerId: null,
      canSelectSpeaker: false,
    },
    audioPlaybackBlocked: false,
    localStream: null,
    localScreenStream: null,
    error: null,
    limits: null,
    admission: null,
    role: null,
    waiting: [],
    hostRequest: null,
    sessionWarning: null,
    clockOffsetMs: 0,
  };
}
