import type {
  Ack,
  AckCallback,
  ChatMessage,
  ChatMessagePayload,
  JoinMeetingPayload,
  LeaveMeetingPayload,
  MeetingEndedPayload,
  MeetingJoinedPayload,
  MeetingStartedPayload,
  ParticipantJoinedPayload,
  ParticipantLeftPayload,
  ParticipantMediaChangedPayload,
  ParticipantReadyEventPayload,
  ParticipantReadyPayload,
  ToggleMediaPayload,
  WebrtcAnswerEvent,
  WebrtcAnswerPayload,
  WebrtcIceCandidateEvent,
  WebrtcIceCandidatePayload,
  WebrtcOfferEvent,
  WebrtcOfferPayload,
  WebrtcSignalEvent,
  WebrtcSignalPayload,
  MediaState,
} from './types';
import type { ProtocolError } from './errors';

/** Namespace that hosts every meeting event. */
export const MEETINGS_NAMESPACE = '/meetings';

/** Path of the ICE configuration endpoint. */
export const WEBRTC_CONFIG_PATH = '/api/meetings/webrtc-config';

/**
 * Events the client emits, with their payloads and acknowledgements
 * (Socket.IO's `ClientToServerEvents` generic). Acknowledgements are optional for
 * fire-and-forget events; signalling is never acknowledged (it is hot-path traffic).
 */
export interface ClientToServerEvents {
  'join-meeting': (payload: JoinMeetingPayload, ack: AckCallback<MeetingJoinedPayload>) => void;
  'leave-meeting': (payload: LeaveMeetingPayload, ack?: AckCallback<null>) => void;
  'toggle-media': (payload: ToggleMediaPayload, ack?: AckCallback<MediaState>) => void;
  'participant-ready': (payload: ParticipantReadyPayload, ack?: AckCallback<null>) => void;
  'chat-message': (payload: ChatMessagePayload, ack?: AckCallback<ChatMessage>) => void;
  'webrtc-signal': (payload: WebrtcSignalPayload) => void;
  'webrtc-offer': (payload: WebrtcOfferPayload) => void;
  'webrtc-answer': (payload: WebrtcAnswerPayload) => void;
  'webrtc-ice-candidate': (payload: WebrtcIceCandidatePayload) => void;
}

/** Events the server emits (Socket.IO's `ServerToClientEvents` generic). */
export interface ServerToClientEvents {
  'meeting-joined': (payload: MeetingJoinedPayload) => void;
  'participant-joined': (payload: ParticipantJoinedPayload) => void;
  'participant-left': (payload: ParticipantLeftPayload) => void;
  'participant-media-changed': (payload: ParticipantMediaChangedPayload) => void;
  'participant-ready': (payload: ParticipantReadyEventPayload) => void;
  'meeting-started': (payload: MeetingStartedPayload) => void;
  'meeting-ended': (payload: MeetingEndedPayload) => void;
  'chat-message': (payload: ChatMessage) => void;
  'webrtc-signal': (payload: WebrtcSignalEvent) => void;
  'webrtc-offer': (payload: WebrtcOfferEvent) => void;
  'webrtc-answer': (payload: WebrtcAnswerEvent) => void;
  'webrtc-ice-candidate': (payload: WebrtcIceCandidateEvent) => void;
  'webrtc-error': (payload: ProtocolError) => void;
}

/** Every client → server event name, in the deployment guide's order. */
export const CLIENT_EVENTS = [
  'join-meeting',
  'leave-meeting',
  'toggle-media',
  'participant-ready',
  'chat-message',
  'webrtc-signal',
  'webrtc-offer',
  'webrtc-answer',
  'webrtc-ice-candidate',
] as const satisfies ReadonlyArray<keyof ClientToServerEvents>;

/** Every server → client event name, in the deployment guide's order. */
export const SERVER_EVENTS = [
  'meeting-joined',
  'participant-joined',
  'participant-left',
  'participant-media-changed',
  'participant-ready',
  'meeting-started',
  'meeting-ended',
  'chat-message',
  'webrtc-signal',
  'webrtc-offer',
  'webrtc-answer',
  'webrtc-ice-candidate',
  'webrtc-error',
] as const satisfies ReadonlyArray<keyof ServerToClientEvents>;

export type { Ack };
