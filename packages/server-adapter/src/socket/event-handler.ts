import type { z } from 'zod';
import type { ClientEventName, clientEventSchemas } from '@mentara/meetings-core/protocol';
import type { MeetingsSocket } from './types';

/** The validated payload of a client event. */
export type EventPayload<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;

/** What a handler knows about the event it handles, beyond its payload. */
export interface EventContext {
  /** Whether the client asked for an acknowledgement. */
  acknowledged: boolean;
  /**
   * Queues work on the socket's lane, behind this event and its acknowledgement, so the client
   * hears the answer first (e.g. the join answer before `meeting-started`).
   */
  defer(work: () => Promise<void>): void;
}

/**
 * Handles one client event: gets a validated payload, returns the acknowledgement data — at once
 * when it needs nothing asynchronous (a relayed signal), or as a promise.
 */
export type EventHandler<E extends ClientEventName, R = unknown> = (
  socket: MeetingsSocket,
  payload: EventPayload<E>,
  event: EventContext,
) => R | Promise<R>;

/** One handler per client event of the wire contract. */
export type ClientEventHandlers = { [E in ClientEventName]: EventHandler<E> };
