import type { JoinOptions, MeetingClient } from '@mentara/meetings-core';
import type { MachineConfig } from '../utils/machine';

/**
 * Where one client is, as far as its mounted users are concerned:
 * - `idle`: not in the meeting (before the first join, or after leaving);
 * - `joining` / `leaving`: `client.join()` / `client.leave()` in flight — one at a time;
 * - `joined`: in the meeting;
 * - `failed`: the last join failed; nothing is retried until someone acquires again.
 */
export type JoinState = 'idle' | 'joining' | 'joined' | 'leaving' | 'failed';

/**
 * - `ACQUIRE` / `RELEASE`: a user (a mounted provider) starts or stops wanting to be in the meeting;
 * - `RECONCILE`: the synchronous burst of acquisitions and releases is over (sent a microtask later),
 *   so StrictMode's mount → unmount → mount counts as one user and never leaves or joins twice;
 * - `JOIN_DONE` / `JOIN_FAILED` / `LEAVE_DONE`: the in-flight operation settled.
 */
export type JoinEvent =
  | { type: 'ACQUIRE'; meetingId: string | undefined; joinOptions: JoinOptions | undefined }
  | { type: 'RELEASE' }
  | { type: 'RECONCILE' }
  | { type: 'JOIN_DONE' }
  | { type: 'JOIN_FAILED' }
  | { type: 'LEAVE_DONE' };

/** What the machine works on. */
export interface JoinContext {
  readonly client: MeetingClient;
  /** Users currently wanting to be in the meeting. */
  holders: number;
  /** Meeting and options of the next join (the latest acquisition that gave them). */
  meetingId: string | undefined;
  joinOptions: JoinOptions | undefined;
}

const wanted = (c: JoinContext) => c.holders > 0;
const unwanted = (c: JoinContext) => c.holders === 0;

type Acquire = Extract<JoinEvent, { type: 'ACQUIRE' }>;

function countIn(c: JoinContext, e: Acquire): void {
  c.holders += 1;
  if (e.meetingId !== undefined) c.meetingId = e.meetingId;
  if (e.joinOptions !== undefined) c.joinOptions = e.joinOptions;
}

function countOut(c: JoinContext): void {
  c.holders -= 1;
}

/** Holders are counted in every state; only `RECONCILE` and settled operations move the machine. */
const counting = { ACQUIRE: { actions: [countIn] }, RELEASE: { actions: [countOut] } } as const;

/** Effect of `joining`: one `client.join()`; its result is ignored once the state is left. */
function join(c: JoinContext, send: (event: JoinEvent) => void): () => void {
  let current = true;
  c.client.join(c.meetingId, c.joinOptions).then(
    () => current && send({ type: 'JOIN_DONE' }),
    // The error is already in `snapshot.error` and the client's `onError`.
    () => current && send({ type: 'JOIN_FAILED' }),
  );
  return () => {
    current = false;
  };
}

/** Effect of `leaving`: one `client.leave()`; a destroyed or never-joined client has nothing to undo. */
function leave(c: JoinContext, send: (event: JoinEvent) => void): () => void {
  let current = true;
  const done = () => current && send({ type: 'LEAVE_DONE' });
  c.client.leave().then(done, done);
  return () => {
    current = false;
  };
}

/**
 * Serialised, ref-counted join/leave for one client, as one table. An operation in flight always
 * completes before the next starts; the one after it follows from the holders at that moment.
 */
export const joinCoordinatorMachine: MachineConfig<JoinState, JoinEvent, JoinContext> = {
  initial: 'idle',
  states: {
    idle: {
      on: { ...counting, RECONCILE: { target: 'joining', guard: wanted } },
    },
    joining: {
      effects: [join],
      on: {
        ...counting,
        JOIN_DONE: [{ target: 'joined', guard: wanted }, { target: 'leaving' }],
        JOIN_FAILED: { target: 'failed' },
      },
    },
    joined: {
      on: { ...counting, RECONCILE: { target: 'leaving', guard: unwanted } },
    },
    leaving: {
      effects: [leave],
      on: {
        ...counting,
        LEAVE_DONE: [{ target: 'joining', guard: wanted }, { target: 'idle' }],
      },
    },
    failed: {
      // Only a new acquisition tries again (after the burst, through `idle`).
      on: { ACQUIRE: { target: 'idle', actions: [countIn] }, RELEASE: { actions: [countOut] } },
    },
  },
};
