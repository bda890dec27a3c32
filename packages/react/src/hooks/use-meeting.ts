import { useCallback } from 'react';
import { useSyncExternalStoreWithSelector } from 'use-sync-external-store/with-selector';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';

/**
 * Select a slice of the meeting snapshot. The component re-renders only when the selected value
 * changes by `isEqual` (default `Object.is`; pass `shallowEqual` for selectors that build arrays
 * or objects). Works during server rendering (the initial snapshot).
 *
 * @example
 * const count = useMeeting((s) => s.participantCount)
 */
export function useMeeting<T>(
  selector: (snapshot: MeetingSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const client = useMeetingClient();
  const subscribe = useCallback((onChange: () => void) => client.subscribe(onChange), [client]);
  // Called as a method: a client of your own may rely on `this`.
  const getSnapshot = useCallback(() => client.getSnapshot(), [client]);
  // React's own selector primitive: memoises the selection per snapshot, keeps the previous value
  // when `isEqual` says so, and reads the same snapshot on the server and during hydration (so
  // the server snapshot is the client's).
  return useSyncExternalStoreWithSelector(subscribe, getSnapshot, getSnapshot, selector, isEqual);
}
