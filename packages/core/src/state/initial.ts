import type { MediaToggleState, MeetingSnapshot } from './types';

const OFF: MediaToggleState = { enabled: false, pending: false, error: null, processor: null };

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
