import type { MeetingClient } from '../client/types';
import type { MediaDevicesLike } from '../media/types';
import type { MeetingErrorCode } from '../errors/meeting-error';
import type {
  ChatHistoryPolicy,
  MediaState,
  MeetingEndReason,
  MeetingInfo,
  MeetingStatus,
  ParticipantLeftReason,
  ParticipantRole,
} from '../protocol/types';
import type { ConnectionQuality, LinkVideo, MediaDevice, PeerState, RemoteLink } from '../state/types';

/** A scripted remote participant. */
export interface SimulatedParticipant {
  /** @default generated from the name */
  id?: string;
  displayName: string;
  role?: ParticipantRole;
  /** @default { camera: true, microphone: true, screen: false } */
  media?: Partial<MediaState>;
  ready?: boolean;
  speaking?: boolean;
  /** @default 'good' */
  quality?: ConnectionQuality;
  /** @default 'connected' */
  peerState?: PeerState;
  /**
   * Their camera video to us, as their link would tell us — e.g. `{ level: 'paused', reason: 'network' }`
   * for someone on a weak link. @default all video
   */
  receiving?: LinkVideo;
  /** A stream to show as their camera (e.g. built from the fake tracks); none by default. */
  stream?: MediaStream | null;
  screenStream?: MediaStream | null;
}

/** A scripted chat message; `from` is a participant id or display name, or `'self'`. */
export interface SimulatedChatMessage {
  from: string;
  text: string;
  /** Epoch ms. @default spaced one minute apart, ending now */
  sentAt?: number;
}

/** Everything a simulated meeting starts with. All fields are optional. */
export interface SimulationScenario {
  /** @default 'simulated-meeting' */
  meetingId?: string;
  /** Name of the local participant. @default 'You' */
  displayName?: string;
  role?: ParticipantRole;
  participants?: SimulatedParticipant[];
  chat?: SimulatedChatMessage[];
  /** @default 'active' */
  meetingStatus?: MeetingStatus;
  /** Epoch ms of the scheduled start. */
  startsAt?: number;
  /** Epoch ms of the scheduled end. */
  endsAt?: number;
  /**
   * The meeting has a waiting room: a `participant` who joins waits until `simulate.admit()`
   * (hosts always go straight in). @default false
   */
  waitingRoom?: boolean;
  /** Whether a host is in the meeting (what a waiting participant sees). @default true */
  hostPresent?: boolean;
  /** @default false */
  locked?: boolean;
  /**
   * How far the simulated server's clock runs ahead of this device's, in ms (negative: behind):
   * the join answer and `updateMeeting` carry `serverTime` accordingly, so `clockOffsetMs` is this. @default 0
   */
  clockOffsetMs?: number;
  /** @default 'none' */
  chatHistory?: ChatHistoryPolicy;
  /** Hosts: people already in the waiting room when you join. */
  waiting?: Array<{ displayName: string; since?: number }>;
  /**
   * Seats, as the server's `maxParticipants`: hosts do not count, and a host admitting someone
   * into a full meeting gets `meeting-full` (`admitAll` lets in as many as fit). @default 8
   */
  maxParticipants?: number;
  /** Delay before `join()` resolves. @default 0 */
  joinDelayMs?: number;
  /**
   * Make `join()` fail with this code (e.g. 'meeting-full', 'join-timeout'), or with the details
   * the server sends along (`meeting-not-started` carries `startsAt` and `retryAfterMs`).
   */
  joinError?: MeetingErrorCode | { code: MeetingErrorCode; startsAt?: number; retryAfterMs?: number };
  /** Make a toggle fail with this code (e.g. 'permission-denied', 'device-in-use'). */
  mediaErrors?: Partial<Record<'camera' | 'microphone' | 'screen', MeetingErrorCode>>;
  /** Media turned on by `join()`. @default { camera: true, microphone: true } */
  media?: { camera?: boolean; microphone?: boolean };
  /** Start with the browser's autoplay block (shows the start-audio button). */
  autoplayBlocked?: boolean;
  /** @default one camera, one microphone, one speaker */
  devices?: MediaDevice[];
  /** @default true */
  canSelectSpeaker?: boolean;
  /** Real (or fake) media devices for a live local preview, e.g. `createFakeMediaDevices()`. */
  mediaDevices?: MediaDevicesLike;
  /**
   * In a browser: give every participant with video a synthetic camera (a labelled canvas) and,
   * without `mediaDevices`, the local participant a fake preview — lively stories with no camera.
   * @default false
   */
  fakeStreams?: boolean;
  /** Join immediately on creation (Storybook). @default false */
  autoJoin?: boolean;
  /** Id of the participant speaking at start. */
  activeSpeakerId?: string;
  /** Start with audio only chosen (`client.setAudioOnly(true)`). */
  audioOnly?: boolean;
  /** What our link policy sends everyone after joining, e.g. `{ level: 'paused', reason: 'network' }` on a weak link. */
  sendingVideo?: LinkVideo;
}

/** Drive a simulated meeting from a test or a story. */
export interface SimulationControls {
  /** Add a participant; returns their id. */
  participantJoins(participant: SimulatedParticipant): string;
  participantLeaves(participantId: string, reason?: ParticipantLeftReason): void;
  setMedia(participantId: string, media: Partial<MediaState>): void;
  /**
   * Make one participant (or nobody) the active speaker, at audio `level` (0–1, default 0.6);
   * everyone else's level is 0. Call it again with another level to play speech (the real client
   * samples levels twice a second).
   */
  setSpeaking(participantId: string | null, level?: number): void;
  setQuality(participantId: string, quality: ConnectionQuality): void;
  /** Change the link to one participant (their video to us, ours to them, what we asked), as the link policy would. */
  setLink(participantId: string, patch: Partial<RemoteLink>): void;
  /** What our link policy sends (to everyone, or to one participant): e.g. video paused for the network. */
  setSendingVideo(video: LinkVideo, participantId?: string): void;
  /** Change a peer's connection state; `failed` also raises `peer-connection-failed`. */
  setPeerState(participantId: string, state: PeerState): void;
  setReady(participantId: string, ready: boolean): void;
  setStream(participantId: string, source: 'camera' | 'screen', stream: MediaStream | null): void;
  /** A chat message from a participant (id or name). */
  receiveChat(from: string, text: string): void;
  /** The socket dropped: `reconnecting`, peers reconnecting. */
  dropConnection(): void;
  /** Back after a drop: `connected`, peers connected. */
  restoreConnection(): void;
  /** Give up: `failed` with the error (default `signalling-unreachable`). */
  failConnection(code?: MeetingErrorCode): void;
  startMeeting(): void;
  endMeeting(reason?: MeetingEndReason): void;
  /** Raise any error (lands in `snapshot.error`, `onError` and the `error` event). */
  raiseError(code: MeetingErrorCode, participantId?: string): void;
  /** Simulate the browser blocking (or allowing) audio autoplay. */
  blockAutoplay(blocked?: boolean): void;
  /** Make a local toggle fail from now on (`null` clears). */
  failMedia(source: 'camera' | 'microphone' | 'screen', code: MeetingErrorCode | null): void;
  /** Waiting: a host lets you in (the scripted participants are there). */
  admit(): void;
  /** Waiting: a host refuses you. */
  deny(): void;
  /** A host removes you from the meeting. */
  remove(): void;
  /** Hosts: someone knocks; returns their waiting id. */
  knock(displayName: string): string;
  /** A host asks you to turn a source off (the client does it). */
  requestMute(source?: 'microphone' | 'camera', byName?: string): void;
  /** The meeting changed (a host came, the end moved…). */
  updateMeeting(patch: Partial<Omit<MeetingInfo, 'meetingId'>>): void;
}

/** A `MeetingClient` that runs a scripted meeting in memory, plus its `simulate` controls. */
export interface SimulatedClient extends MeetingClient {
  readonly simulate: SimulationControls;
}

/** Options shared by a simulated client (same callbacks as the real one). */
export interface SimulatedClientOptions {
  onError?: (error: import('../errors/meeting-error').MeetingError) => void;
}
