import { useEffect, useRef } from 'react';
import type { MeetingEventHandler, MeetingEventName } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';

/**
 * Run `handler` for every `event` of the client (for side effects: sounds, toasts, analytics).
 * The latest handler is always called; it need not be memoised.
 *
 * @example
 * useMeetingEvent('participant-joined', ({ participant }) => playChime())
 */
export function useMeetingEvent<E extends MeetingEventName>(event: E, handler: MeetingEventHandler<E>): void {
  const client = useMeetingClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}
