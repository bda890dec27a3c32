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
export type { CaptureSource, DeviceKind, StreamSource, TrackKind, TrackSource } from './protocol/media-sources';
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
export { createInitialSnapshot } from './state/initial';
export type {
  ConnectionQuality,
  ConnectionState,
  DevicesState,
  LocalMediaState,
  MediaDevice,
  HostRequest,
  MediaToggleState,
  MeetingSnapshot,
  SessionWarning,
  Participant,
  PeerState,
  PeerStats,
} from './state/types';
export { iceServersFromEnv } from './ice/ice-servers-from-env';
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
