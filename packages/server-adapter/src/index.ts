/**
 * `@mentara/meetings-server` — host the Mentara Meetings `/meetings` signalling on any Node server.
 *
 * @packageDocumentation
 */
export { attachMeetings, type MeetingsServer, type MeetingSettings } from './attach';
export { MEETINGS_NAMESPACE, WEBRTC_CONFIG_PATH } from '@mentara/meetings-core/protocol';
export {
  DEFAULT_LIMITS,
  SESSION_DEFAULTS,
  type MeetingsServerOptions,
  type MeetingLimits,
  type SessionOptions,
  type StartPolicy,
} from './options';
export { OVERLOAD_DEFAULTS, type OverloadOptions } from './meeting/load-shedder';
export { createMeeting, meetingUrl, resolveFrontendUrl, type CreateMeetingOptions, type CreatedMeeting } from './meeting-url';
export { issueMeetingToken, type IssueMeetingTokenOptions } from './auth/issue-token';
export type {
  AuthContext,
  AuthenticatedUser,
  AuthenticateHook,
  AuthorizeHook,
  AuthorizeResult,
  AuthSettings,
  JwtAuthOptions,
} from './auth/types';
export { configFromEnv, type ServerConfig, type Env } from './config/env';
export { createWebrtcConfigHandler, type WebrtcConfigHandlerOptions, type NodeRequestHandler } from './http/webrtc-config-handler';
export { createStaticHandler } from './http/static-handler';
export { startMeetingsServer, type RunningMeetingsServer, type StartServerOptions } from './cli/start-server';
export { createIceConfig, type IceOptions, type IceConfigSource } from './ice/ice-config';
export { coturnCredentials, type CoturnSecretOptions, type CoturnStaticOptions } from './ice/coturn';
export type { TwilioOptions } from './ice/twilio';
export type { XirsysOptions } from './ice/xirsys';
export { DEFAULT_STUN_URL, type IceProvider, type IceServer, type FetchLike } from './ice/types';
export { MemoryRoomStore } from './store/memory-store';
export type {
  RoomStore,
  MaybePromise,
  ParticipantRecord,
  MeetingRecord,
  MeetingInit,
  AddParticipantOptions,
  AddParticipantRefusal,
  AddParticipantResult,
  AdmitResult,
  AdmitTarget,
  ChatRecord,
  KnockOptions,
  KnockRefusal,
  KnockResult,
  ParticipantPatch,
  WaitingRecord,
} from './store/room-store';
export { silentLogger, consoleLogger, type MeetingsLogger } from './observability/logger';
export type { MetricsOptions, MetricsRegistryLike } from './observability/metrics';
export type { AttachTarget } from './socket/io-target';
export type { MeetingsIoServer, MeetingsNamespace, MeetingsSocket, MeetingsSocketData } from './socket/types';
