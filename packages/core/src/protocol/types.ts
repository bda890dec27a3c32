import type { z } from 'zod';
import type {
  admitParticipantSchema,
  chatMessageSchema,
  denyParticipantSchema,
  extendMeetingSchema,
  lockMeetingSchema,
  refreshTokenSchema,
  removeParticipantSchema,
  requestMuteSchema,
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
 * Role of a participant in a meeting, from their verified identity only (token claim or the
 * server's `authorize` hook). `host` (the therapist) admits from the waiting room, removes,
 * asks to mute, locks, extends and ends the meeting for everyone; `participant` is everyone else.
 */
export type ParticipantRole = 'host' | 'participant';

/**
 * Where a person stands with a meeting: `waiting` in the waiting room until a host lets them in,
 * `admitted` (in the meeting), `denied` by a host, or `removed` by a host (cannot rejoin until the
 * meeting ends).
 */
export type Admission = 'waiting' | 'admitted' | 'denied' | 'removed';

/** Whether people who join later read the chat from before they came. */
export type ChatHistoryPolicy = 'none' | 'all';

/** Someone in the waiting room, as hosts see them. */
export interface WaitingParticipant {
  /** The participant id they will have once admitted. */
  id: string;
  userId: string;
  /** The verified name (token or `authorize`), else the name they typed. */
  displayName: string;
  role: ParticipantRole;
  /** Epoch ms they started waiting (kept across their reconnects). */
  since: number;
}

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

/** Public state of a meeting (no roster: waiting participants see this too). */
export interface MeetingInfo {
  meetingId: string;
  status: MeetingStatus;
  /** Epoch ms of the scheduled start, when there is one. */
  startsAt?: number;
  /** Epoch ms when the meeting started, when it has. */
  startedAt?: number;
  /** Epoch ms of the scheduled end, when there is one (hosts may extend it). */
  endsAt?: number;
  /** A locked meeting lets nobody new join or knock; hosts still can. */
  locked: boolean;
  /** Whether participants wait until a host lets them in. */
  waitingRoom: boolean;
  /** Whether a host is in the meeting now (waiting participants wait for one). */
  hostPresent: boolean;
  /** Whether people who join later read earlier chat. */
  chatHistory: ChatHistoryPolicy;
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

/** `admit-participant` as a host sends it: one waiting participant, or everyone waiting. */
export type AdmitParticipantPayload = z.input<typeof admitParticipantSchema>;
/** `deny-participant` as a host sends it: turn one waiting participant away. */
export type DenyParticipantPayload = z.input<typeof denyParticipantSchema>;
/** `remove-participant` as a host sends it: remove someone for the rest of the meeting. */
export type RemoveParticipantPayload = z.input<typeof removeParticipantSchema>;
/** `request-mute` as a host sends it: ask one participant to mute a source (cooperative). */
export type RequestMutePayload = z.input<typeof requestMuteSchema>;
/** `lock-meeting` as a host sends it: lock or unlock the meeting. */
export type LockMeetingPayload = z.input<typeof lockMeetingSchema>;
/** `extend-meeting` as a host sends it: move the session's end later. */
export type ExtendMeetingPayload = z.input<typeof extendMeetingSchema>;
/** Payload of `refresh-token`: the new token. */
export type RefreshTokenPayload = z.input<typeof refreshTokenSchema>;

/** Answer to `refresh-token`: when the new token expires (epoch ms), `null` when it does not say. */
export interface RefreshTokenResult {
  /** Epoch ms when the new token expires; `null` when it does not say. */
  expiresAt: number | null;
}

/** `join-meeting` as the client sends it. */
export type JoinMeetingPayload = z.input<typeof joinMeetingSchema>;
/** `leave-meeting` as the client sends it. */
export type LeaveMeetingPayload = z.input<typeof leaveMeetingSchema>;
/** `toggle-media` as the client sends it. */
export type ToggleMediaPayload = z.input<typeof toggleMediaSchema>;
/** `participant-ready` as the client sends it. */
export type ParticipantReadyPayload = z.input<typeof participantReadySchema>;
/** `chat-message` as the client sends it. */
export type ChatMessagePayload = z.input<typeof chatMessageSchema>;
/** `webrtc-signal` as the client sends it. */
export type WebrtcSignalPayload = z.input<typeof webrtcSignalSchema>;
/** `webrtc-offer` as the client sends it. */
export type WebrtcOfferPayload = z.input<typeof webrtcOfferSchema>;
/** `webrtc-answer` as the client sends it. */
export type WebrtcAnswerPayload = z.input<typeof webrtcOfferSchema>;
/** `webrtc-ice-candidate` as the client sends it. */
export type WebrtcIceCandidatePayload = z.input<typeof webrtcIceCandidateSchema>;

/* ---------- server → client payloads ---------- */

/** In the meeting: who I am, who is here, the meeting, the chat I may read. */
export interface MeetingJoinedPayload {
  meeting: MeetingInfo;
  /** This client's own participant record. */
  self: ParticipantInfo;
  /** Everyone else already in the meeting, with media state and readiness. */
  participants: ParticipantInfo[];
  /**
   * Chat this person may read, oldest first: with `chatHistory: 'none'` only what was said since
   * they were first let in; with `'all'` the meeting's history (bounded by the server).
   */
  chat: ChatMessage[];
  /** Hosts only: who is in the waiting room, longest waiting first. */
  waiting?: WaitingParticipant[];
  limits: ServerLimits;
  /** The server's clock (epoch ms) when it answered, so timers survive reloads and skewed clocks. */
  serverTime: number;
  /**
   * Opaque proof that this user was let into this meeting with this participant id; the client
   * sends it back with a rejoin (`join-meeting` `rejoinTicket`) so a server that lost the meeting
   * (a restart) lets it back in with the same id.
   */
  rejoinTicket?: string;
}

/** In the waiting room: the meeting (no roster), who I will be, and the server's clock. */
export interface WaitingRoomPayload {
  meeting: MeetingInfo;
  self: WaitingParticipant;
  limits: ServerLimits;
  serverTime: number;
}

/**
 * Answer to `join-meeting`: in the meeting (`admitted`), or in the waiting room (`waiting`) —
 * then `meeting-joined` follows when a host lets them in, or `participant-denied`.
 */
export type JoinMeetingResult = ({ admission: 'admitted' } & MeetingJoinedPayload) | ({ admission: 'waiting' } & WaitingRoomPayload);

/** `participant-waiting` (hosts only): someone knocked. */
export interface ParticipantWaitingPayload {
  participant: WaitingParticipant;
}

/** `participant-admitted` (hosts only): a host let someone in; drop them from the waiting list. */
export interface ParticipantAdmittedPayload {
  participantId: string;
  /** The host who let them in. */
  by: string;
}

/**
 * `participant-denied`: to the person refused (then they are out of the meeting), and to hosts
 * (drop them from the waiting list).
 */
export interface ParticipantDeniedPayload {
  participantId: string;
}

/** `participant-removed`: to the person a host removed; they cannot rejoin until the meeting ends. */
export interface ParticipantRemovedPayload {
  participantId: string;
  /** The host who removed them. */
  by: string;
}

/** `mute-requested`: a host asks this person to turn a source off; their client does it and says why. */
export interface MuteRequestedPayload {
  source: 'microphone' | 'camera';
  /** Participant id and name of the host who asked. */
  by: string;
  byName: string;
}

/** `meeting-locked`: to everyone in the meeting and the waiting room. */
export interface MeetingLockedPayload {
  locked: boolean;
  by: string;
}

/** `meeting-updated`: the meeting changed (extended, a host came or went, locked…). */
export interface MeetingUpdatedPayload {
  meeting: MeetingInfo;
  serverTime: number;
}

/** `participant-joined` (server → client): someone came into the meeting. */
export interface ParticipantJoinedPayload {
  participant: ParticipantInfo;
}

/** Why a participant left. `replaced`: the same user rejoined on a new socket. */
export type ParticipantLeftReason = 'left' | 'disconnected' | 'replaced' | 'removed' | 'denied' | 'meeting-ended';

/** `participant-left` (server → client): someone left, and why. */
export interface ParticipantLeftPayload {
  participantId: string;
  reason: ParticipantLeftReason;
}

/** `participant-media-changed` (server → client): someone's media state changed. */
export interface ParticipantMediaChangedPayload {
  participantId: string;
  media: MediaState;
}

/** `participant-ready` (server → client): someone can now take offers (or no longer). */
export interface ParticipantReadyEventPayload {
  participantId: string;
  ready: boolean;
}

/** `meeting-started` (server → client): the meeting started, by the server's clock. */
export interface MeetingStartedPayload {
  meetingId: string;
  startedAt: number;
}

/** `meeting-ended` (server → client): the meeting ended, why and when. */
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

/** `webrtc-offer` as relayed (server → client): the server stamps `from`. */
export interface WebrtcOfferEvent {
  from: string;
  sdp: SessionDescription;
  connectionId?: string;
}

/** `webrtc-answer` as relayed (server → client): the server stamps `from`. */
export type WebrtcAnswerEvent = WebrtcOfferEvent;

/** `webrtc-ice-candidate` as relayed (server → client): the server stamps `from`. */
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
