import type { Adapter, BroadcastOptions } from 'socket.io-adapter';

/** Tells whether anything was sent to one room on this node since it was taken. */
export interface RoomWatchHandle {
  /** Nothing reached the room on this node (from here or from another node) since the watch began. */
  quiet(): boolean;
  /** Ends the watch; idempotent. */
  stop(): void;
}

/** Watches rooms for deliveries; see {@link createRoomWatch}. */
export interface RoomWatch {
  /** Starts watching `room`. Stop the handle when done (a `finally`), or the room stays watched. */
  watch(room: string): RoomWatchHandle;
  /** How many rooms are watched now (for diagnostics and leak tests). */
  readonly size: number;
  /** Stops counting deliveries. */
  close(): void;
}

interface Watched {
  /** Deliveries to the room since its first watcher began. */
  touches: number;
  watchers: number;
}

/** The adapter's one funnel for deliveries and room changes (not in its public typings). */
type Apply = (this: Adapter, opts: BroadcastOptions, callback: (socket: unknown) => void) => void;

/**
 * Counts what the adapter delivers to watched rooms: every broadcast and room change of this node
 * and every one that arrives from another node (Socket.IO's cluster adapters and ours hand them to
 * the in-memory adapter's `broadcast`) ends in the adapter's `apply`, which this wraps. A join uses
 * it to know that nothing reached the meeting's room between its seat step and its socket joining
 * the room, so that the roster the seat step returned is the whole story and needs no second
 * store read. With nothing watched a delivery costs one size check. An adapter without `apply`
 * is never watched: every handle then answers "not quiet", and joins read as before.
 */
export function createRoomWatch(adapter: Adapter): RoomWatch {
  const watched = new Map<string, Watched>();
  /** Deliveries to the whole namespace (no rooms), which reach every watched room. */
  let everywhere = 0;
  const target = adapter as unknown as { apply?: Apply };
  const apply = target.apply;
  let closed = typeof apply !== 'function';
  const counting: Apply = function (opts, callback) {
    if (watched.size > 0) {
      if (opts.rooms.size === 0) everywhere += 1;
      else
        for (const room of opts.rooms) {
          const entry = watched.get(room);
          if (entry) entry.touches += 1;
        }
    }
    (apply as Apply).call(this, opts, callback);
  };
  if (!closed) target.apply = counting;
  return {
    watch(room) {
      let entry = watched.get(room);
      if (!entry) {
        entry = { touches: 0, watchers: 0 };
        watched.set(room, entry);
      }
      entry.watchers += 1;
      const own = entry;
      const touches = own.touches;
      const everywhereAt = everywhere;
      let stopped = false;
      return {
        quiet: () => !stopped && !closed && own.touches === touches && everywhere === everywhereAt,
        stop() {
          if (stopped) return;
          stopped = true;
          own.watchers -= 1;
          if (own.watchers === 0 && watched.get(room) === own) watched.delete(room);
        },
      };
    },
    get size() {
      return watched.size;
    },
    close() {
      closed = true;
      watched.clear();
      if (target.apply === counting) target.apply = apply;
    },
  };
}
