import type {
  Admission,
  ChatMessage,
  MeetingInfo,
  ParticipantInfo,
  ParticipantRole,
  ServerLimits,
  TrackSource,
  WaitingParticipant,
} from '../protocol/types';
import type { MeetingError } from '../errors/meeting-error';
import type { VideoLevel, VideoLimitReason } from '../protocol/media-sources';

/** Lifecycle of the client's connection to a meeting. A closed union, exposed as `data-state`. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'failed';

/** Lifecycle of one peer connection. `reconnecting`: being rebuilt after a failure. */
export type PeerState = 'new' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** Summary of a link's health, from `getStats`. `unknown` until the first sample. */
export type ConnectionQuality = 'unknown' | 'good' | 'fair' | 'poor' | 'lost';

/** Per-peer statistics sampled from `RTCPeerConnection.getStats()`. */
export interface PeerStats {
  /** Round-trip time in milliseconds, from the selected candidate pair. */
  rttMs: number | null;
  /** Inbound packet loss over the last sample window, 0–1. */
  packetLoss: number | null;
  /** Inbound and outbound bitrate, bits per second. */
  inboundBitrate: number | null;
  outboundBitrate: number | null;
  /** Inbound video resolution and frame rate. */
  frameWidth: number | null;
  frameHeight: number | null;
  framesPerSecond: number | null;
  /** `host`, `srflx`, `prflx` or `relay` for the local side of the selected pair. */
  localCandidateType: string | null;
  remoteCandidateType: string | null;
  /** Epoch ms of the sample. */
  sampledAt: number;
}

/**
 * A participant as the UI sees it: the server record plus link state and streams. Fast-changing
 * readings live beside it in the snapshot (`audioLevels`, `peerStats`), so a participant object —
 * and every list of them — only changes when something a person list shows changes.
 */
export interface Participant extends ParticipantInfo {
  isLocal: boolean;
  /** For remotes: state of the peer connection to them. For the local participant: mirrors the meeting connection. */
  peerState: PeerState;
  /** Health of the link to them, from `getStats` (`snapshot.peerStats` has the figures). */
  quality: ConnectionQuality;
  /** The active speaker (never while their microphone is off). */
  isSpeaking: boolean;
  /** Camera + microphone stream (remote: as received; local: the captured preview). */
  stream: MediaStream | null;
  /** Screen-share stream, separate from the camera so both can be shown. */
  screenStream: MediaStream | null;
}

/** Camera video on one link, one way: how much goes, and why it is less than all. */
export interface LinkVideo {
  /** `high`, `medium`, `low` (lower resolution and frame rate) or `paused` (none: audio only). */
  level: VideoLevel;
  /** Why it is limited — `network`, `requested` or `audio-only`; `null` while nothing limits it. */
  reason: VideoLimitReason | null;
}

/**
 * The link to one remote participant, as the link policy decided it and as they told us: for a
 * calm message ("video paused to keep the audio clear") instead of a frozen picture.
 */
export interface RemoteLink {
  /** Our camera video to them. */
  sending: LinkVideo;
  /**
   * Their camera video to us, as they told us over the connection: `paused` with `network` when
   * their link cannot carry it, `requested` when we asked for less, `audio-only` when they chose it.
   */
  receiving: LinkVideo;
  /** The most video we asked them to send (`high`: no limit) because what we receive is poor. */
  requested: VideoLevel;
}

/** What this participant sends. */
export interface LocalVideoState {
  /** The person chose audio only (`client.setAudioOnly(true)`): no camera video to anyone, the self view stays. */
  audioOnly: boolean;
  /** The least camera video we send to any remote participant and why (each one: `links[id].sending`). */
  sending: LinkVideo;
}

/** State of one local media toggle (camera, microphone or screen). */
export interface MediaToggleState {
  enabled: boolean;
  /** A change is in flight (permission prompt, device start). */
  pending: boolean;
  /** The last error of this toggle, cleared on the next success. */
  error: MeetingError | null;
  /**
   * Camera and microphone: the name of the processor whose output is being sent (`background`,
   * `noise-suppression`), `null` when the raw capture is sent (none chosen, or it fell back).
   */
  processor: string | null;
}

/** The local toggles, by source. */
export type LocalMediaState = Readonly<Record<TrackSource, MediaToggleState>>;

/** A media device as listed by `enumerateDevices`, without browser objects. */
export interface MediaDevice {
  deviceId: string;
  groupId: string;
  kind: 'videoinput' | 'audioinput' | 'audiooutput';
  label: string;
}

/** The devices a person can pick and the ones picked (`snapshot.devices`). */
export interface DevicesState {
  cameras: MediaDevice[];
  microphones: MediaDevice[];
  speakers: MediaDevice[];
  selectedCameraId: string | null;
  selectedMicrophoneId: string | null;
  selectedSpeakerId: string | null;
  /** Whether the browser can route audio to a chosen output (`setSinkId`). */
  canSelectSpeaker: boolean;
}

/**
 * The whole client state: one immutable snapshot, replaced (never mutated) on every change.
 * Derived fields (`participants`, `participantCount`, `remoteParticipants`) are computed when
 * the state changes, so reading the snapshot never allocates.
 */
export interface MeetingSnapshot {
  connection: ConnectionState;
  meetingId: string | null;
  meeting: MeetingInfo | null;
  localParticipant: Participant | null;
  /** Remote participants by id. */
  remotes: Readonly<Record<string, Participant>>;
  /** Derived: local first, then remotes in join order. */
  participants: readonly Participant[];
  /** Derived: remotes in join order. */
  remoteParticipants: readonly Participant[];
  /** Derived: `participants.length`. */
  participantCount: number;
  /** Chat of this session, ordered by server time, de-duplicated by id. */
  chat: readonly ChatMessage[];
  activeSpeakerId: string | null;
  /**
   * 0–1 audio level per participant id (smoothed, twice a second while anyone speaks). Kept out
   * of `Participant` so level changes do not re-render participant lists.
   */
  audioLevels: Readonly<Record<string, number>>;
  /** Latest `getStats` figures per remote participant id. */
  peerStats: Readonly<Record<string, PeerStats>>;
  /** The link to each remote participant (video each way and why), by participant id; absent before the first decision. */
  links: Readonly<Record<string, RemoteLink>>;
  /** What we send: the audio-only choice and the least video any remote participant gets. */
  localVideo: LocalVideoState;
  media: LocalMediaState;
  devices: DevicesState;
  /** Whether the browser blocked audio autoplay (show a start-audio button). */
  audioPlaybackBlocked: boolean;
  /**
   * The local camera + microphone stream, also before joining (lobby preview). Same object as
   * `localParticipant.stream` once joined.
   */
  localStream: MediaStream | null;
  /** The local screen-share stream while sharing. */
  localScreenStream: MediaStream | null;
  /** The most recent error, cleared when the condition resolves. */
  error: MeetingError | null;
  limits: ServerLimits | null;
  /**
   * Where you stand with the meeting: `waiting` in its waiting room, `admitted`, `denied` or
   * `removed` by a host; `null` before the server answered a join (and after leaving).
   */
  admission: Admission | null;
  /** Your role, from your verified identity; known from the join answer (also while waiting). */
  role: ParticipantRole | null;
  /** Hosts: who is in the waiting room, longest waiting first. Empty for everyone else. */
  waiting: readonly WaitingParticipant[];
  /** The last thing a host asked of you (today: to mute), for the UI to explain what happened. */
  hostRequest: HostRequest | null;
  /** `ending-soon` from five minutes before the scheduled end (by the server's clock). */
  sessionWarning: SessionWarning | null;
  /**
   * The server's clock minus this device's, in ms, measured on every join answer and meeting
   * update: `Date.now() + clockOffsetMs` is the server's time, so timers need no trusted local clock.
   */
  clockOffsetMs: number;
}

/** A request a host made of this participant. */
export interface HostRequest {
  type: 'mute';
  source: 'microphone' | 'camera';
  /** Name of the host who asked. */
  byName: string;
  /** Epoch ms (this device's clock) it arrived. */
  at: number;
}

/** A warning about the session window. */
export type SessionWarning = 'ending-soon';
