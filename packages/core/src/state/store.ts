import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MeetingAction } from './actions';
import { createInitialSnapshot } from './initial';
import { reduceMeeting } from './reducer';
import type { MeetingSnapshot } from './types';

/** A snapshot store whose only write path is `dispatch(action)`. */
export interface MeetingStore {
  getSnapshot(): MeetingSnapshot;
  subscribe(listener: (snapshot: MeetingSnapshot, previous: MeetingSnapshot) => void): () => void;
  dispatch(action: MeetingAction): void;
  /** Remove every subscriber (used by `destroy()`). */
  clear(): void;
}

/**
 * Create the per-client store (never a module singleton). One throwing subscriber does not
 * stop the others from being notified.
 */
export function createMeetingStore(initial: MeetingSnapshot = createInitialSnapshot()): MeetingStore {
  const store: StoreApi<MeetingSnapshot> = createStore<MeetingSnapshot>()(() => initial);
  const listeners = new Set<(s: MeetingSnapshot, p: MeetingSnapshot) => void>();
  const unsubscribeStore = store.subscribe((s, p) => {
    for (const listener of [...listeners]) {
      try {
        listener(s, p);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  });
  return {
    getSnapshot: store.getState,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch(action) {
      const prev = store.getState();
      const next = reduceMeeting(prev, action);
      if (next !== prev) store.setState(next, true);
    },
    clear() {
      listeners.clear();
      unsubscribeStore();
    },
  };
}
