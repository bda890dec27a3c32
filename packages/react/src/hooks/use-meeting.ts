import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';

interface Selection<T> {
  snapshot: MeetingSnapshot;
  selector: (snapshot: MeetingSnapshot) => T;
  value: T;
}

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
  const last = useRef<Selection<T> | null>(null);
  const subscribe = useCallback((onChange: () => void) => client.subscribe(onChange), [client]);
  const getSelection = (): T => {
    const snapshot = client.getSnapshot();
    const previous = last.current;
    if (previous && previous.snapshot === snapshot && previous.selector === selector) return previous.value;
    const value = selector(snapshot);
    // Keep the previous reference when equal, so consumers and memo deps stay stable.
    const stable = previous && isEqual(previous.value, value) ? previous.value : value;
    last.current = { snapshot, selector, value: stable };
    return stable;
  };
  return useSyncExternalStore(subscribe, getSelection, getSelection);
}
