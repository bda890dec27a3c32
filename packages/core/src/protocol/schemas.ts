import { z } from 'zod';

/**
 * Runtime schemas for every client → server payload. The server validates each incoming
 * event with these before acting on it; the TypeScript payload types are inferred from them,
 * so the schema and the type can never drift apart.
 */

/** Meeting ids: URL-safe, 1–128 chars (UUIDs and base64url ids both fit). */
export const meetingIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'invalid meeting id');
/** Participant ids are issued by the server; same alphabet as meeting ids. */
export const participantIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'invalid participant id');

/**
 * Where a participant's media comes from: their camera, their microphone or a screen share.
 * The one media vocabulary of the SDK, from the wire to the React props.
 */
export const trackSourceSchema = z.enum(['camera', 'microphone', 'screen']);

/** Published media state of one participant: which of their sources are on. */
export const mediaStateSchema = z.strictObject({
  camera: z.boolean(),
  microphone: z.boolean(),
  screen: z.boolean(),
});

/** `join-meeting` (client → server): the meeting to join, the name to show, the media state to start with. */
export const joinMeetingSchema = z.strictObject({
  meetingId: meetingIdSchema,
  displayName: z.string().trim().min(1).max(64).optional(),
  media: mediaStateSchema.optional(),
  /**
   * Set when the client rejoins after a socket drop: the participant id it had, so the
   * server can replace the stale session instead of showing the person twice.
   */
  previousParticipantId: participantIdSchema.optional(),
  /**
   * The `rejoinTicket` of the client's last join answer. After a server restart lost the meeting,
   * it lets the same user back in with the same participant id, so the others' peer connections
   * to them survive; the server ignores a ticket it cannot verify.
   */
  rejoinTicket: z.string().max(512).optional(),
});

/** `leave-meeting` (client → server): leave, or as a host end the meeting for everyone. */
export const leaveMeetingSchema = z.strictObject({
  meetingId: meetingIdSchema.optional(),
  /** Only a host may end the meeting for everyone. */
  endForAll: z.boolean().optional(),
});

/** `toggle-media` (client → server): one of my sources turned on or off. */
export const toggleMediaSchema = z.strictObject({
  source: trackSourceSchema,
  enabled: z.boolean(),
});

/** `participant-ready` (client → server): my media is set up and I can take offers. */
export const participantReadySchema = z.strictObject({
  ready: z.boolean().default(true),
});

/** `chat-message` (client → server): a chat message to everyone in the meeting. */
export const chatMessageSchema = z.strictObject({
  text: z.string().trim().min(1).max(100_000),
  /** Client-chosen id used to de-duplicate retries; echoed back on the stored message. */
  clientMessageId: z.string().min(1).max(64).optional(),
});

/**
 * An opaque simple-peer signal: `offer`/`answer` descriptions, `candidate`, `renegotiate`
 * and `transceiverRequest` objects all pass through untouched. Only the envelope is checked.
 */
export const signalDataSchema = z.looseObject({
  type: z.string().max(32).optional(),
  sdp: z.string().optional(),
  candidate: z.unknown().optional(),
  renegotiate: z.boolean().optional(),
  transceiverRequest: z.unknown().optional(),
});

/** Identifies one peer-connection attempt so stale signals of a rebuilt connection are dropped. */
export const connectionIdSchema = z.string().min(1).max(64);

/** `webrtc-signal` (client → server): an opaque simple-peer signal for one participant. */
export const webrtcSignalSchema = z.strictObject({
  to: participantIdSchema,
  signal: signalDataSchema,
  connectionId: connectionIdSchema.optional(),
});

/** An SDP session description (`RTCSessionDescriptionInit`), size-capped. */
export const sessionDescriptionSchema = z.strictObject({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(200_000).optional(),
});

/** `webrtc-offer` (client → server): an SDP offer for one participant. */
export const webrtcOfferSchema = z.strictObject({
  to: participantIdSchema,
  sdp: sessionDescriptionSchema,
  connectionId: connectionIdSchema.optional(),
});

/** `webrtc-answer` (client → server): an SDP answer for one participant (same shape as the offer). */
export const webrtcAnswerSchema = webrtcOfferSchema;

/** One ICE candidate (`RTCIceCandidateInit`), size-capped. */
export const iceCandidateSchema = z.strictObject({
  candidate: z.string().max(2048),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/** `webrtc-ice-candidate` (client → server): one ICE candidate for one participant. */
export const webrtcIceCandidateSchema = z.strictObject({
  to: participantIdSchema,
  candidate: iceCandidateSchema,
  connectionId: connectionIdSchema.optional(),
});

/* ---------- the session flow: host controls ---------- */

/** `admit-participant`: let one waiting participant in, or everyone who is waiting. */
export const admitParticipantSchema = z.union([
  z.strictObject({ participantId: participantIdSchema }),
  z.strictObject({ all: z.literal(true) }),
]);

/** `deny-participant`: refuse one waiting participant. */
export const denyParticipantSchema = z.strictObject({ participantId: participantIdSchema });

/** `remove-participant`: take someone out of the meeting; they cannot come back until it ends. */
export const removeParticipantSchema = z.strictObject({ participantId: participantIdSchema });

/**
 * `request-mute`: ask someone to turn off their microphone (or camera). In a peer-to-peer mesh
 * this is cooperative: their client turns it off and tells them why; turning it back on is
 * always their own choice.
 */
export const requestMuteSchema = z.strictObject({
  participantId: participantIdSchema,
  source: z.enum(['microphone', 'camera']).default('microphone'),
});

/** `lock-meeting`: nobody new may join or knock while locked (hosts still can). */
export const lockMeetingSchema = z.strictObject({ locked: z.boolean() });

/** `extend-meeting`: move the scheduled end later by whole minutes. */
export const extendMeetingSchema = z.strictObject({ minutes: z.number().int().min(1).max(240) });

/* ---------- the connection ---------- */

/**
 * `refresh-token`: a new token for this socket before the current one expires (the server asks
 * with `webrtc-error` `token-expired` and `retryAfterMs`). Same user only.
 */
export const refreshTokenSchema = z.strictObject({ token: z.string().min(1).max(8192) });

/** Schema for each client → server event, by event name. */
export const clientEventSchemas = {
  'join-meeting': joinMeetingSchema,
  'leave-meeting': leaveMeetingSchema,
  'toggle-media': toggleMediaSchema,
  'participant-ready': participantReadySchema,
  'chat-message': chatMessageSchema,
  'webrtc-signal': webrtcSignalSchema,
  'webrtc-offer': webrtcOfferSchema,
  'webrtc-answer': webrtcAnswerSchema,
  'webrtc-ice-candidate': webrtcIceCandidateSchema,
  'admit-participant': admitParticipantSchema,
  'deny-participant': denyParticipantSchema,
  'remove-participant': removeParticipantSchema,
  'request-mute': requestMuteSchema,
  'lock-meeting': lockMeetingSchema,
  'extend-meeting': extendMeetingSchema,
  'refresh-token': refreshTokenSchema,
} as const;

/** Name of a client → server event. */
export type ClientEventName = keyof typeof clientEventSchemas;
