import type { MeetingEventHandler, MeetingEventName, MeetingEvents } from './types';

/** A typed event emitter for `MeetingEvents`; one throwing handler never breaks the others. */
export interface MeetingEmitter {
  on<E extends MeetingEventName>(event: E, handler: MeetingEventHandler<E>): () => void;
  emit<E extends MeetingEventName>(event: E, payload: MeetingEvents[E]): void;
  clear(): void;
}

/** Create a `MeetingEmitter`. Handler errors are re-thrown asynchronously so they stay visible. */
export function createEmitter(): MeetingEmitter {
  const handlers = new Map<MeetingEventName, Set<(payload: never) => void>>();
  return {
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      const entry = handler as (payload: never) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(event, payload) {
      const set = handlers.get(event);
      if (!set) return;
      for (const handler of [...set]) {
        try {
          (handler as MeetingEventHandler<typeof event>)(payload);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    clear() {
      handlers.clear();
    },
  };
}
