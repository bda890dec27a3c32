/**
 * Holds room events while a `join-meeting` answer is on its way. The server reads the roster
 * after adding us to the room, so such events are newer than the roster in the answer: they are
 * applied after it, in order, instead of being overwritten by it.
 */
export interface RoomEventGate {
  /** Start holding (a join request is about to go out). */
  hold(): void;
  /** Stop holding; `apply` runs the held events in order, otherwise they are dropped (the join failed). */
  release(apply: boolean): void;
  /** Wrap a room-event handler so it waits behind an in-flight join answer. */
  wrap<T>(handler: (payload: T) => void): (payload: T) => void;
}

/** Create a gate (open until `hold()`). */
export function createRoomEventGate(): RoomEventGate {
  let held: Array<() => void> | null = null;
  return {
    hold() {
      held = [];
    },
    release(apply) {
      const queued = held ?? [];
      held = null;
      if (apply) for (const run of queued) run();
    },
    wrap:
      <T,>(handler: (payload: T) => void) =>
      (payload: T) => {
        if (held) held.push(() => handler(payload));
        else handler(payload);
      },
  };
}
