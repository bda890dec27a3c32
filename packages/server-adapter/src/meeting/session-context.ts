import type { ResolvedOptions } from '../options';
import type { RoomStore } from '../store/room-store';
import type { MeetingEvents } from './events';
import type { MeetingLifecycle } from './lifecycle';
import type { ParticipantDirectory } from './participant-directory';
import type { LocalPresence } from './presence';
import type { RoomEmitter } from './room-emitter';
import type { RoomWatch } from './room-watch';

/** What the session flow's handlers (join, waiting room, host controls) work with. */
export interface SessionContext {
  store: RoomStore;
  rooms: RoomEmitter;
  presence: LocalPresence;
  events: MeetingEvents;
  lifecycle: Pick<MeetingLifecycle, 'afterJoin' | 'afterKnock' | 'armScheduledEnd' | 'end'>;
  /** Where admitted participants are; a join's answer tells it the roster's nodes. */
  directory?: Pick<ParticipantDirectory, 'mark' | 'learn' | 'moved'>;
  /** Deliveries to a meeting's room on this node; lets a join answer from its seat step's roster. */
  roomWatch?: Pick<RoomWatch, 'watch'>;
  clock: () => number;
  options: Pick<
    ResolvedOptions,
    | 'authorize'
    | 'nodeId'
    | 'limits'
    | 'waitingRoom'
    | 'chatHistory'
    | 'earlyJoinMarginMs'
    | 'admittedGraceMs'
    | 'denialCooldownMs'
    | 'maxDenials'
    | 'rejoinKey'
    | 'startPolicy'
  >;
}
