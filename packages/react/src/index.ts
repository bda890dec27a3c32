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
export { PermissionHelp, type PermissionHelpProps } from './components/permission-help';
export { PresentingBanner, type PresentingBannerProps } from './components/presenting-banner';
export { MutedSpeechHint, type MutedSpeechHintProps } from './components/muted-speech-hint';
export { ConnectionDetails, type ConnectionDetailsProps } from './components/connection-details';

// ---------- Session flow: waiting room, host controls, session time, home media ----------
// Standalone components and hooks for the therapy-session flow; `<MeetingRoom/>` composes them.
export { useAdmission, type AdmissionState, type UseAdmissionResult } from './hooks/use-admission';
export { useWaitingList } from './hooks/use-waiting-list';
export { useHostControls } from './hooks/use-host-controls';
export { useSessionTimer, type SessionTimerState, type UseSessionTimerResult } from './hooks/use-session-timer';
export {
  useBackgroundEffect,
  type BackgroundChoice,
  type BackgroundImageOption,
  type EffectState,
  type EffectSupport,
  type UseBackgroundEffectOptions,
  type UseBackgroundEffectResult,
} from './hooks/use-background-effect';
export { useNoiseSuppression, type UseNoiseSuppressionOptions, type UseNoiseSuppressionResult } from './hooks/use-noise-suppression';
export { WaitingRoom, type WaitingRoomProps } from './components/waiting-room';
export { SelfPreview, type SelfPreviewProps } from './components/self-preview';
export { MicrophoneLevel, type MicrophoneLevelProps } from './components/microphone-level';
export { SessionSchedule, type SessionScheduleProps } from './components/session-schedule';
export { AdmitQueue, type AdmitQueueProps } from './components/admit-queue';
export { ParticipantList, type ParticipantListProps } from './components/participant-list';
export { HostRequestNotice, type HostRequestNoticeProps } from './components/host-request-notice';
export { LeaveDialog, type LeaveDialogProps, type LeaveOutcome } from './components/leave-dialog';
export { SessionTimer, type SessionTimerProps } from './components/session-timer';
export { LockToggle, type LockToggleProps } from './components/lock-toggle';
export { BackgroundEffectPicker, type BackgroundEffectPickerProps } from './components/background-effect-picker';
export { NoiseSuppressionToggle, type NoiseSuppressionToggleProps } from './components/noise-suppression-toggle';
// ---------- end of the session flow block ----------

// ---- Weak links, audio only and the pre-call check (components and hooks; not yet in the prefab) ----
export { ConnectionNotice, connectionNoticeText, type ConnectionNoticeProps } from './components/connection-notice';
export { AudioOnlyToggle, type AudioOnlyToggleProps } from './components/audio-only-toggle';
export { PrecallCheck, type PrecallCheckProps } from './components/precall-check';
export {
  useConnectionNotice,
  connectionNoticeOf,
  type ConnectionNoticeInfo,
  type ConnectionNoticeState,
} from './hooks/use-connection-notice';
export { useAudioOnly, type UseAudioOnlyResult, type AudioOnlyButtonAttributes } from './hooks/use-audio-only';
export { usePrecallCheck, type UsePrecallCheckResult } from './hooks/use-precall-check';
export { PRECALL_STEPS, UNLIMITED_LINK } from '@mentara/meetings-core';
export type {
  LinkVideo,
  LocalVideoState,
  RemoteLink,
  VideoLevel,
  VideoLimitReason,
  PrecallAdvice,
  PrecallCheck as PrecallCheckRun,
  PrecallCheckOptions,
  PrecallFigures,
  PrecallReason,
  PrecallStatus,
  PrecallStepName,
  PrecallStepResult,
  PrecallStepStatus,
  PrecallVerdict,
} from '@mentara/meetings-core';
export type { CallMessages, LinkMessages, LinkNoticeMessage, PrecallMessage, SessionMessages } from './messages/messages';
// ---- end of weak links, audio only and the pre-call check ----

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
