import type { JoinOptions, MeetingClient } from '@mentara/meetings-core';
import { createMachine } from '../utils/machine';
import { joinCoordinatorMachine, type JoinContext, type JoinState } from './join-coordinator.machine';

/**
 * Serialised, ref-counted join/leave for one client. Every mounted user `acquire()`s; the first
 * acquisition joins, the last release leaves. Operations run one at a time and only when the
 * wanted state differs from the current one after the synchronous burst of mounts/unmounts —
 * so React StrictMode's mount → unmount → mount produces exactly one `join()`. The rules are one
 * table: `join-coordinator.machine.ts`.
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
  /** `idle | joining | joined | leaving | failed`. */
  readonly state: JoinState;
  /** Resolves when no join/leave is in flight or about to start. */
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
  const context: JoinContext = { client, holders: 0, meetingId: undefined, joinOptions: undefined };
  const machine = createMachine(joinCoordinatorMachine, context);
  let reconcileQueued = false;
  const waiters = new Set<() => void>();

  const resting = () => !reconcileQueued && machine.state !== 'joining' && machine.state !== 'leaving';
  function wake(): void {
    if (!resting()) return;
    for (const resolve of [...waiters]) resolve();
    waiters.clear();
  }
  machine.onChange(wake);

  /** Decide once the current synchronous burst of acquisitions and releases is over. */
  function queueReconcile(): void {
    if (reconcileQueued) return;
    reconcileQueued = true;
    queueMicrotask(() => {
      reconcileQueued = false;
      machine.send({ type: 'RECONCILE' });
      wake();
    });
  }

  return {
    acquire(meetingId, joinOptions) {
      machine.send({ type: 'ACQUIRE', meetingId, joinOptions });
      queueReconcile();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        machine.send({ type: 'RELEASE' });
        queueReconcile();
      };
    },
    get holders() {
      return context.holders;
    },
    get state() {
      return machine.state;
    },
    settled() {
      return resting() ? Promise.resolve() : new Promise<void>((resolve) => waiters.add(resolve));
    },
  };
}
