import type {
  Ack,
  AckCallback,
  AdmitParticipantPayload,
  DenyParticipantPayload,
  ExtendMeetingPayload,
  JoinMeetingResult,
  LockMeetingPayload,
  MeetingInfo,
  MeetingLockedPayload,
  MeetingUpdatedPayload,
  MuteRequestedPayload,
  ParticipantAdmittedPayload,
  ParticipantDeniedPayload,
  ParticipantRemovedPayload,
  ParticipantWaitingPayload,
  RemoveParticipantPayload,
  RequestMutePayload,
  RefreshTokenPayload,
  RefreshTokenResult,
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

/**
 * The largest encoded event (a Socket.IO packet over the WebSocket, in bytes) every server
 * accepts: Socket.IO's own `maxHttpBufferSize` default, and the floor of the server adapter's.
 * A larger frame makes the server close the connection (WebSocket code 1009) before any handler
 * sees it, so the client refuses such an event up front (`payload-too-large`). Payloads are
 * further held to the server's `limits.maxPayloadBytes`, answered with a typed error.
 */
export const MAX_EVENT_BYTES = 1_000_000;

/** Path of the ICE configuration endpoint. */
export const WEBRTC_CONFIG_PATH = '/api/meetings/webrtc-config';

/**
 * Events the client emits, with their payloads and acknowledgements
 * (Socket.IO's `ClientToServerEvents` generic). Acknowledgements are optional for
 * fire-and-forget events; signalling is never acknowledged (it is hot-path traffic).
 * The host controls at the end answer `forbidden` to anyone but a host.
 */
export interface ClientToServerEvents {
  /** In the meeting, or in its waiting room; see `JoinMeetingResult`. */
  'join-meeting': (payload: JoinMeetingPayload, ack: AckCallback<JoinMeetingResult>) => void;
  'leave-meeting': (payload: LeaveMeetingPayload, ack?: AckCallback<null>) => void;
  'toggle-media': (payload: ToggleMediaPayload, ack?: AckCallback<MediaState>) => void;
  'participant-ready': (payload: ParticipantReadyPayload, ack?: AckCallback<null>) => void;
  'chat-message': (payload: ChatMessagePayload, ack?: AckCallback<ChatMessage>) => void;
  'webrtc-signal': (payload: WebrtcSignalPayload) => void;
  'webrtc-offer': (payload: WebrtcOfferPayload) => void;
  'webrtc-answer': (payload: WebrtcAnswerPayload) => void;
  'webrtc-ice-candidate': (payload: WebrtcIceCandidatePayload) => void;
  /** Answers with the ids let in (one, or everyone waiting when `all`). */
  'admit-participant': (payload: AdmitParticipantPayload, ack?: AckCallback<{ admitted: string[] }>) => void;
  'deny-participant': (payload: DenyParticipantPayload, ack?: AckCallback<null>) => void;
  'remove-participant': (payload: RemoveParticipantPayload, ack?: AckCallback<null>) => void;
  'request-mute': (payload: RequestMutePayload, ack?: AckCallback<null>) => void;
  'lock-meeting': (payload: LockMeetingPayload, ack?: AckCallback<MeetingInfo>) => void;
  'extend-meeting': (payload: ExtendMeetingPayload, ack?: AckCallback<MeetingInfo>) => void;
  /** A new token for this connection (same user); answers when it expires. */
  'refresh-token': (payload: RefreshTokenPayload, ack?: AckCallback<RefreshTokenResult>) => void;
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
  'participant-waiting': (payload: ParticipantWaitingPayload) => void;
  'participant-admitted': (payload: ParticipantAdmittedPayload) => void;
  'participant-denied': (payload: ParticipantDeniedPayload) => void;
  'participant-removed': (payload: ParticipantRemovedPayload) => void;
  'mute-requested': (payload: MuteRequestedPayload) => void;
  'meeting-locked': (payload: MeetingLockedPayload) => void;
  'meeting-updated': (payload: MeetingUpdatedPayload) => void;
}

/** The client → server events of the deployment guide, in its order. */
export const GUIDE_CLIENT_EVENTS = [
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

/** The client → server events of the session flow (host controls), added to the guide's. */
export const SESSION_CLIENT_EVENTS = [
  'admit-participant',
  'deny-participant',
  'remove-participant',
  'request-mute',
  'lock-meeting',
  'extend-meeting',
] as const satisfies ReadonlyArray<keyof ClientToServerEvents>;

/** The client → server events that keep the connection itself going (token refresh). */
export const CONNECTION_CLIENT_EVENTS = ['refresh-token'] as const satisfies ReadonlyArray<keyof ClientToServerEvents>;

/** Every client → server event name: the guide's, then the session flow's, then the connection's. */
export const CLIENT_EVENTS = [...GUIDE_CLIENT_EVENTS, ...SESSION_CLIENT_EVENTS, ...CONNECTION_CLIENT_EVENTS] as const;

/** The server → client events of the deployment guide, in its order. */
export const GUIDE_SERVER_EVENTS = [
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

/** The server → client events of the session flow (waiting room, host controls, session window). */
export const SESSION_SERVER_EVENTS = [
  'participant-waiting',
  'participant-admitted',
  'participant-denied',
  'participant-removed',
  'mute-requested',
  'meeting-locked',
  'meeting-updated',
] as const satisfies ReadonlyArray<keyof ServerToClientEvents>;

/** Every server → client event name: the guide's, then the session flow's. */
export const SERVER_EVENTS = [...GUIDE_SERVER_EVENTS, ...SESSION_SERVER_EVENTS] as const;

export type { Ack };
