import type { MeetingsLogger } from '../observability/logger';
import type { MeetingsMetrics } from '../observability/metrics';
import type { ResolvedOptions } from '../options';
import type { MeetingsNamespace } from '../socket/types';
import type { RoomStore } from '../store/room-store';
import type { MeetingLifecycle } from './lifecycle';
import type { LocalPresence } from './presence';

/** Everything an event handler needs; one per attached server. */
export interface ServerContext {
  nsp: MeetingsNamespace;
  store: RoomStore;
  options: ResolvedOptions;
  logger: MeetingsLogger;
  metrics: MeetingsMetrics;
  presence: LocalPresence;
  lifecycle: MeetingLifecycle;
}
