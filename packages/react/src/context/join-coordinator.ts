import type { JoinOptions, MeetingClient } from '@mentara/meetings-core';

/**
 * Serialised, ref-counted join/leave for one client. Every mounted user `acquire()`s; the first
 * acquisition joins, the last release leaves. Operations run one at a time and only when the
 * wanted state differs from the current one after the synchronous burst of mounts/unmounts —
 * so React StrictMode's mount → unmount → mount produces exactly one `join()`.
 */
export interface JoinCoordinator {
  /**
   * Register one user wanting to be in the meeting (`meetingId` defaults to the client's option;
   * `joinOptions` such as the display name apply to the next join); returns its release function
   * (idempotent).
   */
  acquire(meetingId?: string, joinOptions?: JoinOptions): () => void;
  /** Number of current holders. */
  readonly holders: number;
  /** Resolves when no join/leave is in flight. */
  settled(): Promise<void>;
}

const coordinators = new WeakMap<MeetingClient, JoinCoordinator>();

/** The coordinator of `client` (one per client, created on first use). */
export function joinCoordinatorFor(client: MeetingClient): JoinCoordinator {
  let coordinator = coordinators.get(client);
  if (!coordinator) {
    coordinator = createJoinCoordinator(client);
    coordinators.set(client, coordinator);
  }
  return coordinator;
}

function createJoinCoordinator(client: MeetingClient): JoinCoordinator {
  let holders = 0;
  let meetingId: string | undefined;
  let joinOptions: JoinOptions | undefined;
  let joined = false;
  let running: Promise<void> | null = null;
  /** The last join failed; wait for a new acquisition before trying again. */
  let failed = false;

  async function reconcile(): Promise<void> {
    // Yield first so a synchronous release/acquire pair (StrictMode) cancels out.
    await Promise.resolve();
    while (holders > 0 !== joined) {
      if (holders > 0) {
        try {
          await client.join(meetingId, joinOptions);
          joined = true;
        } catch {
          // The error is in `snapshot.error` and the client's onError; a later acquire retries.
          failed = true;
          return;
        }
      } else {
        joined = false;
        try {
          await client.leave();
        } catch {
          // Leaving a destroyed or never-joined client has nothing left to undo.
        }
      }
    }
  }

  function schedule(): void {
    if (running) return;
    running = reconcile().finally(() => {
      running = null;
      // A change that arrived between the loop's last check and here.
      if (holders > 0 !== joined && !(failed && holders > 0)) schedule();
    });
  }

  return {
    acquire(id, options) {
      if (id !== undefined) meetingId = id;
      if (options !== undefined) joinOptions = options;
      holders += 1;
      failed = false;
      schedule();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        schedule();
      };
    },
    get holders() {
      return holders;
    },
    async settled() {
      while (running) await running;
    },
  };
}
