'use client';
/**
 * `@mentara/meetings` — React hooks, components and `<MeetingRoom/>` for Mentara Meetings.
 * Re-exports `@mentara/meetings-core`, so one package is all a frontend needs.
 *
 * @packageDocumentation
 */

// Context
export { MeetingProvider, type MeetingProviderProps } from './context/meeting-provider';
export { useMeetingClient } from './context/meeting-context';

// Hooks
export { useMeeting } from './hooks/use-meeting';
export {
  useParticipants,
  useParticipantIds,
  useParticipant,
  useLocalParticipant,
} from './hooks/use-participants';
export { useMediaToggle, type UseMediaToggleResult, type MediaToggleButtonAttributes } from './hooks/use-media-toggle';
export { useDevices, type UseDevicesResult } from './hooks/use-devices';
export { useChat, type UseChatResult } from './hooks/use-chat';
export { useConnectionState, useConnectionQuality, useMeetingError } from './hooks/use-connection';
export { useActiveSpeaker } from './hooks/use-active-speaker';
export { useAudioLevel } from './hooks/use-audio-level';
export { usePeerStats } from './hooks/use-peer-stats';
export { useMeetingEvent } from './hooks/use-meeting-event';
export { useAudioPlayback } from './hooks/use-audio-playback';
export { useStreamAudioLevel } from './hooks/use-stream-audio-level';
export { useAttachedStream } from './hooks/use-attached-stream';
export { useUnreadChat } from './hooks/use-unread-chat';

// Components
export { VideoTile, type VideoTileProps } from './components/video-tile';
export { ParticipantGrid, type ParticipantGridProps, type GridLayout } from './components/participant-grid';
export { ControlBar, type ControlBarProps, type ControlBarControls } from './components/control-bar';
export { MediaToggleButton, type MediaToggleButtonProps } from './components/media-toggle-button';
export { DeviceSelect, type DeviceSelectProps } from './components/device-select';
export { ChatPanel, type ChatPanelProps } from './components/chat-panel';
export {
  ConnectionQualityIndicator,
  type ConnectionQualityIndicatorProps,
} from './components/connection-quality-indicator';
export { ConnectionStatus, type ConnectionStatusProps } from './components/connection-status';
export { StartAudioButton, type StartAudioButtonProps } from './components/start-audio-button';
export { PreJoin, type PreJoinProps, type PreJoinValues } from './components/pre-join';
export { LeaveButton, type LeaveButtonProps } from './components/leave-button';
export { LiveAnnouncer, type LiveAnnouncerProps } from './components/live-announcer';
export { MeetingErrorMessage, type MeetingErrorMessageProps } from './components/meeting-error-message';
export { ChatToggleButton, type ChatToggleButtonProps } from './components/chat-toggle-button';
export { CallTimer, type CallTimerProps } from './components/call-timer';
export { InviteCard, type InviteCardProps } from './components/invite-card';
export { LeaveConfirmation, type LeaveConfirmationProps } from './components/leave-confirmation';
export { PermissionHelp, type PermissionHelpProps } from './components/permission-help';
export { PresentingBanner, type PresentingBannerProps } from './components/presenting-banner';
export { MutedSpeechHint, type MutedSpeechHintProps } from './components/muted-speech-hint';
export { ConnectionDetails, type ConnectionDetailsProps } from './components/connection-details';

// Prefab
export { MeetingRoom, type MeetingRoomProps } from './prefabs/meeting-room';

// Messages and utilities
export { defaultMessages, formatMessage, type MeetingMessages, type MeetingMessagesInput } from './messages/messages';
export { useMessages } from './messages/messages-context';
export { shallowEqual } from './utils/shallow-equal';

// Core, re-exported by name so one package is enough.
export {
  createMeetingClient,
  resolveWebrtcConfigUrl,
  MeetingError,
  CLIENT_ERROR_CODES,
  errorHint,
  isMeetingError,
  meetingErrorCodes,
  createInitialSnapshot,
  iceServersFromEnv,
  createSimplePeerTransport,
  ENDING_SOON_MS,
} from '@mentara/meetings-core';
export type {
  BackoffOptions,
  Admission,
  CaptureSource,
  CaptureToggle,
  ChatHistoryPolicy,
  DeviceKind,
  HostRequest,
  MeetingHostControls,
  SessionWarning,
  TrackProcessor,
  TrackProcessorState,
  WaitingParticipant,
  JoinOptions,
  MediaDevicesLike,
  MediaToggle,
  MeetingChat,
  MeetingClient,
  MeetingClientOptions,
  MeetingDevices,
  MeetingEventHandler,
  MeetingEventName,
  MeetingEvents,
  MeetingPlayback,
  StreamSource,
  TrackKind,
  TrackSource,
  WrtcImplementation,
  MeetingErrorCode,
  MeetingErrorCodeInfo,
  MeetingErrorOptions,
  ConnectionQuality,
  ConnectionState,
  DevicesState,
  LocalMediaState,
  MediaDevice,
  MediaToggleState,
  MeetingSnapshot,
  Participant,
  PeerState,
  PeerStats,
  PeerTransport,
  PeerTransportEvents,
  PeerTransportFactory,
  PeerTransportOptions,
  ChatMessage,
  MediaState,
  MeetingEndReason,
  MeetingInfo,
  MeetingStatus,
  ParticipantInfo,
  ParticipantLeftReason,
  ParticipantRole,
  ServerLimits,
} from '@mentara/meetings-core';
