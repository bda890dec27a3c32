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
export {
  issueMeetingsApiToken,
  MEETINGS_API_AUDIENCE,
  MEETINGS_API_SCOPE,
  type IssueMeetingsApiTokenOptions,
} from './auth/api-token';
export { createMeetingsApiHandler, type MeetingsApiHandlerOptions } from './rest/meetings-api-handler';
export { createOpenApiDocument, MEETINGS_API_BASE_PATH } from './rest/openapi';
export { API_ERROR_CODES, type ApiErrorCode } from './rest/errors';
export type { ApiMeeting } from './rest/schemas';
export type { MeetingsApiTarget } from './rest/operations';
export type { MeetingSnapshot, MeetingSnapshotParticipant, MeetingSnapshotWaiting } from './meeting/snapshot';
export {
  constructWebhookEvent,
  signWebhookPayload,
  verifyWebhookSignature,
  WebhookSignatureError,
  WEBHOOK_ATTEMPT_HEADER,
  WEBHOOK_EVENT_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  type VerifyWebhookSignatureOptions,
  type WebhookSignatureFailure,
  type WebhookVerification,
} from './webhooks/signature';
export {
  WEBHOOK_EVENT_TYPES,
  type WebhookAttendance,
  type WebhookEvent,
  type WebhookEventDataMap,
  type WebhookEventType,
  type WebhookParticipant,
} from './webhooks/types';
export type { WebhookOptions } from './webhooks/options';
export type { WebhookRetryOptions } from './webhooks/retry';
export { MemoryWebhookOutbox } from './webhooks/memory-outbox';
export type { WebhookOutbox, OutboxAppend, ClaimedDelivery, ClaimOptions, OutboxLimits } from './webhooks/outbox';
export { configFromEnv, type ServerConfig, type Env } from './config/env';
export { createWebrtcConfigHandler, type WebrtcConfigHandlerOptions, type NodeRequestHandler } from './http/webrtc-config-handler';
export { createStaticHandler } from './http/static-handler';
export type { SecurityHeaderOptions } from './http/security-headers';
export { lastForwardedAddress, type ClientAddressHook, type HandshakeAddress } from './socket/client-address';
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
  MeetingView,
  MeetingViewOptions,
  OpenAndAddOptions,
  OpenAndAddResult,
  OpeningRefusal,
  KnockOptions,
  KnockRefusal,
  KnockResult,
  ParticipantPatch,
  WaitingRecord,
} from './store/room-store';
export { silentLogger, consoleLogger, type MeetingsLogger } from './observability/logger';
export type { MeetingsServerDiagnostics } from './observability/diagnostics';
export type { MetricsOptions, MetricsRegistryLike } from './observability/metrics';
export { SOCKET_HEARTBEAT, type AttachTarget } from './socket/io-target';
export type { MeetingsIoServer, MeetingsNamespace, MeetingsSocket, MeetingsSocketData } from './socket/types';
