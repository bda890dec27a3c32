import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEmitter } from '../util/emitter';
import type { MeetingAction } from './actions';
import { deriveEvents, type MeetingEventHandler, type MeetingEventName, type MeetingEvents } from './events';
import { createInitialSnapshot } from './initial';
import { reduceMeeting } from './reducer';
import type { MeetingSnapshot } from './types';

/**
 * A snapshot store whose only write path is `dispatch(action)`. Every change notifies the
 * subscribers, then emits the events it implies (`deriveEvents`): one path for state and events.
 */
export interface MeetingStore {
  getSnapshot(): MeetingSnapshot;
  subscribe(listener: (snapshot: MeetingSnapshot, previous: MeetingSnapshot) => void): () => void;
  dispatch(action: MeetingAction): void;
  /** Listen to one derived event; returns the unsubscribe function. */
  on<E extends MeetingEventName>(event: E, handler: MeetingEventHandler<E>): () => void;
  /** Remove every subscriber and event handler (used by `destroy()`). */
  clear(): void;
}

/**
 * Create the per-client store (never a module singleton). One throwing subscriber or handler
 * does not stop the others from being notified.
 */
export function createMeetingStore(initial: MeetingSnapshot = createInitialSnapshot()): MeetingStore {
  const store: StoreApi<MeetingSnapshot> = createStore<MeetingSnapshot>()(() => initial);
  const emitter = createEmitter<MeetingEvents>();
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
      if (next === prev) return;
      store.setState(next, true);
      for (const { name, payload } of deriveEvents(action, prev, next)) emitter.emit(name, payload as never);
    },
    on: (event, handler) => emitter.on(event, handler),
    clear() {
      listeners.clear();
      emitter.clear();
      unsubscribeStore();
    },
  };
}
