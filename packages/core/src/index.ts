/**
 * `@mentara/meetings-core` — the framework-agnostic meeting client: Socket.IO signalling on
 * `/meetings`, a simple-peer full mesh, ICE/TURN config, camera/microphone/screen toggles,
 * devices, chat, reconnection and typed errors, exposed as one immutable, subscribable snapshot.
 *
 * @packageDocumentation
 */
export { createMeetingClient } from './client/create-meeting-client';
export type {
  BackoffOptions,
  DeviceKind,
  JoinOptions,
  MediaDevicesLike,
  MediaToggle,
  MediaToggleSource,
  MeetingChat,
  MeetingClient,
  MeetingClientOptions,
  MeetingDevices,
  MeetingEventHandler,
  MeetingEventName,
  MeetingEvents,
  MeetingPlayback,
  StreamSource,
  WrtcImplementation,
} from './client/types';
export { resolveWebrtcConfigUrl } from './client/options';
export {
  MeetingError,
  CLIENT_ERROR_CODES,
  errorHint,
  isMeetingError,
  type MeetingErrorCode,
  type MeetingErrorOptions,
} from './errors/meeting-error';
export { meetingErrorCodes } from './errors/error-codes';
export { createInitialSnapshot } from './state/initial';
export type {
  ConnectionQuality,
  ConnectionState,
  DevicesState,
  LocalMediaState,
  MediaDevice,
  MediaSource,
  MediaToggleState,
  MeetingSnapshot,
  Participant,
  PeerState,
  PeerStats,
} from './state/types';
export { iceServersFromEnv } from './ice/ice-servers-from-env';
export type { PeerTransport, PeerTransportEvents, PeerTransportFactory, PeerTransportOptions, TrackSlot } from './peers/transport';
export { createSimplePeerTransport } from './peers/simple-peer-transport';
export type {
  ChatMessage,
  MediaKind,
  MediaState,
  MeetingInfo,
  MeetingStatus,
  ParticipantInfo,
  ParticipantRole,
  ServerLimits,
} from './protocol/types';
