/**
 * `@mentara/meetings-core` — the framework-agnostic meeting client: Socket.IO signalling on
 * `/meetings`, a simple-peer full mesh, ICE/TURN config, camera/microphone/screen toggles,
 * devices, chat, reconnection and typed errors, exposed as one immutable, subscribable snapshot.
 *
 * @packageDocumentation
 */
export { createMeetingClient } from './client/create-meeting-client';
export type { JoinOptions, MeetingClient, MeetingClientOptions } from './client/types';
export { resolveWebrtcConfigUrl } from './client/options';
export type { MeetingChat } from './chat/chat-facade';
export type { MeetingHostControls } from './membership/host-controls';
export { ENDING_SOON_MS } from './membership/session-window';
export type { MeetingDevices } from './media/devices-facade';
export type { MeetingPlayback } from './media/playback';
export type { CaptureToggle, MediaDevicesLike, MediaToggle } from './media/types';
export type { TrackProcessor, TrackProcessorState } from './media/track-processor';
export type { CaptureSource, DeviceKind, StreamSource, TrackKind, TrackSource, VideoLevel, VideoLimitReason } from './protocol/media-sources';
export type { MeetingEventHandler, MeetingEventName, MeetingEvents } from './state/events';
export type { BackoffOptions } from './util/backoff';
export {
  MeetingError,
  CLIENT_ERROR_CODES,
  errorHint,
  isMeetingError,
  type MeetingErrorCode,
  type MeetingErrorOptions,
} from './errors/meeting-error';
export { meetingErrorCodes, type MeetingErrorCodeInfo } from './errors/error-codes';
export { createInitialSnapshot, UNLIMITED_LINK } from './state/initial';
export type {
  ConnectionQuality,
  ConnectionState,
  DevicesState,
  LinkVideo,
  LocalMediaState,
  LocalVideoState,
  MediaDevice,
  HostRequest,
  MediaToggleState,
  MeetingSnapshot,
  SessionWarning,
  Participant,
  PeerState,
  PeerStats,
  RemoteLink,
} from './state/types';
export { iceServersFromEnv } from './ice/ice-servers-from-env';
export {
  PRECALL_STEPS,
  type PrecallAdvice,
  type PrecallFigures,
  type PrecallReason,
  type PrecallStatus,
  type PrecallStepName,
  type PrecallStepResult,
  type PrecallStepStatus,
  type PrecallVerdict,
} from './precall/types';
// The check itself (`runPrecallCheck`) is its own entry, `@mentara/meetings-core/precall`, so an app
// that never runs one does not ship it; its handle and options are plain types.
export type { PrecallCheck, PrecallCheckOptions } from './precall/run-precall-check';
export type {
  PeerTransport,
  PeerTransportEvents,
  PeerTransportFactory,
  PeerTransportOptions,
  WrtcImplementation,
} from './peers/transport';
export { createSimplePeerTransport } from './peers/simple-peer-transport';
export type {
  Admission,
  ChatHistoryPolicy,
  ChatMessage,
  MediaState,
  MeetingEndReason,
  MeetingInfo,
  MeetingStatus,
  ParticipantInfo,
  ParticipantLeftReason,
  ParticipantRole,
  ServerLimits,
  WaitingParticipant,
} from './protocol/types';
