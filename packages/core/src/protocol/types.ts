import type { z } from 'zod';
import type {
  chatMessageSchema,
  joinMeetingSchema,
  leaveMeetingSchema,
  mediaStateSchema,
  trackSourceSchema,
  participantReadySchema,
  sessionDescriptionSchema,
  iceCandidateSchema,
  signalDataSchema,
  toggleMediaSchema,
  webrtcIceCandidateSchema,
  webrtcOfferSchema,
  webrtcSignalSchema,
} from './schemas';
import type { ProtocolError } from './errors';

/* ---------- shared values ---------- */

/** Where media comes from: `camera`, `microphone` or `screen` (share). */
export type TrackSource = z.infer<typeof trackSourceSchema>;
/** Published media state of one participant: which of their sources are on. */
export type MediaState = z.infer<typeof mediaStateSchema>;
/** An opaque simple-peer signal object. */
export type SignalData = z.infer<typeof signalDataSchema>;
/** An SDP description as carried by `webrtc-offer` / `webrtc-answer`. */
export type SessionDescription = z.infer<typeof sessionDescriptionSchema>;
/** An ICE candidate as carried by `webrtc-ice-candidate`. */
export type IceCandidate = z.infer<typeof iceCandidateSchema>;

/**
 * Role of a participant in a meeting. `host` may end the meeting for everyone (and, later,
 * admit from the waiting room, mute, remove and lock); `participant` is everyone else.
 */
export type ParticipantRole = 'host' | 'participant';

/** One person in a meeting, as the server publishes them. */
export interface ParticipantInfo {
  /** Server-issued id of this participant's session in the meeting. */
  id: string;
  /** The authenticated user id (from the token), stable across reconnects. */
  userId: string;
  displayName: string;
  role: ParticipantRole;
  media: MediaState;
  ready: boolean;
  /** Epoch milliseconds. */
  joinedAt: number;
}

/**
 * Lifecycle of a meeting on the server. `waiting`: nobody has joined yet (or only people who
 * are not ready); `active`: started; `ended`: closed for good.
 */
export type MeetingStatus = 'waiting' | 'active' | 'ended';

/** Why a meeting ended. */
export type MeetingEndReason = 'ended-by-host' | 'scheduled-end' | 'empty';

/** Public state of a meeting. */
export interface MeetingInfo {
  meetingId: string;
  status: MeetingStatus;
  /** Epoch ms when the meeting started, when it has. */
  startedAt?: number;
  /** Epoch ms of the scheduled end, when there is one. */
  endsAt?: number;
  /** Reserved for host controls: a locked meeting admits nobody new. */
  locked: boolean;
}

/** A chat message as stored and relayed by the server. */
export interface ChatMessage {
  /** Server-issued id, unique within the meeting. */
  id: string;
  meetingId: string;
  /** Participant id of the sender, stamped by the server. */
  from: string;
  /** Display name of the sender at the time of sending. */
  fromName: string;
  text: string;
  /** Epoch ms, stamped by the server. */
  sentAt: number;
  /** Echo of the client's de-duplication id, when it sent one. */
  clientMessageId?: string;
}

/** Limits the server enforces, sent on join so the client can respect them up front. */
export interface ServerLimits {
  maxParticipants: number;
  maxChatLength: number;
  maxPayloadBytes: number;
  eventsPerSecond: number;
}

/* ---------- client → server payloads (as the client sends them) ---------- */

export type JoinMeetingPayload = z.input<typeof joinMeetingSchema>;
export type LeaveMeetingPayload = z.input<typeof leaveMeetingSchema>;
export type ToggleMediaPayload = z.input<typeof toggleMediaSchema>;
export type ParticipantReadyPayload = z.input<typeof participantReadySchema>;
export type ChatMessagePayload = z.input<typeof chatMessageSchema>;
export type WebrtcSignalPayload = z.input<typeof webrtcSignalSchema>;
export type WebrtcOfferPayload = z.input<typeof webrtcOfferSchema>;
export type WebrtcAnswerPayload = z.input<typeof webrtcOfferSchema>;
export type WebrtcIceCandidatePayload = z.input<typeof webrtcIceCandidateSchema>;

/* ---------- server → client payloads ---------- */

/** Answer to `join-meeting`: who I am, who is here, the meeting, the chat so far. */
export interface MeetingJoinedPayload {
  meeting: MeetingInfo;
  /** This client's own participant record. */
  self: ParticipantInfo;
  /** Everyone else already in the meeting, with media state and readiness. */
  participants: ParticipantInfo[];
  /** Chat history of the meeting, oldest first (bounded by the server). */
  chat: ChatMessage[];
  limits: ServerLimits;
}

export interface ParticipantJoinedPayload {
  participant: ParticipantInfo;
}

/** Why a participant left. `replaced`: the same user rejoined on a new socket. */
export type ParticipantLeftReason = 'left' | 'disconnected' | 'replaced' | 'removed' | 'meeting-ended';

export interface ParticipantLeftPayload {
  participantId: string;
  reason: ParticipantLeftReason;
}

export interface ParticipantMediaChangedPayload {
  participantId: string;
  media: MediaState;
}

export interface ParticipantReadyEventPayload {
  participantId: string;
  ready: boolean;
}

export interface MeetingStartedPayload {
  meetingId: string;
  startedAt: number;
}

export interface MeetingEndedPayload {
  meetingId: string;
  reason: MeetingEndReason;
  endedAt: number;
}

/** A relayed signal: the server stamps `from`, never trusting the sender's payload. */
export interface WebrtcSignalEvent {
  from: string;
  signal: SignalData;
  connectionId?: string;
}

export interface WebrtcOfferEvent {
  from: string;
  sdp: SessionDescription;
  connectionId?: string;
}

export type WebrtcAnswerEvent = WebrtcOfferEvent;

export interface WebrtcIceCandidateEvent {
  from: string;
  candidate: IceCandidate;
  connectionId?: string;
}

/* ---------- acknowledgements ---------- */

/** Result of an acknowledged event. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

/** Callback the server calls to acknowledge an event. */
export type AckCallback<T> = (result: Ack<T>) => void;

/* ---------- HTTP ---------- */

/** Body of `GET /api/meetings/webrtc-config`, exactly as the deployment guide specifies. */
export interface WebrtcConfigResponse {
  iceServers: Array<{ urls: string | string[]; username?: string; credential?: string }>;
  iceCandidatePoolSize: number;
}
