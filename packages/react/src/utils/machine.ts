/**
 * A finite-state machine runner in the style of Zag.js: states, events and transitions in one
 * table; effects tied to a state start on entry and return their own cleanup, which runs on exit.
 * The same shape as the core's internal runner (`packages/core/src/util/machine.ts`), which the
 * core does not export.
 */

/** An event: a `type` plus whatever data the transition needs. */
export interface MachineEvent {
  type: string;
}

/** A transition of one event in one state. The first whose `guard` passes is taken. */
export interface Transition<S extends string, E extends MachineEvent, C> {
  /** Next state; omitted: stay (no exit/entry, only `actions`). */
  target?: S;
  guard?: (context: C, event: E) => boolean;
  /** Run between exit and entry, in order. */
  actions?: ReadonlyArray<(context: C, event: E) => void>;
}

type Transitions<S extends string, E extends MachineEvent, C> = {
  readonly [K in E['type']]?: Transition<S, Extract<E, { type: K }>, C> | ReadonlyArray<Transition<S, Extract<E, { type: K }>, C>>;
};

/** What one state does: effects while in it, and its transitions. */
export interface StateNode<S extends string, E extends MachineEvent, C> {
  /** Started on entry; each may return a cleanup that runs on exit. */
  effects?: ReadonlyArray<(context: C, send: (event: E) => void) => (() => void) | void>;
  on?: Transitions<S, E, C>;
}

/** The whole table. */
export interface MachineConfig<S extends string, E extends MachineEvent, C> {
  initial: S;
  states: { readonly [K in S]: StateNode<S, E, C> };
}

/** A running machine. */
export interface Machine<S extends string, E extends MachineEvent> {
  readonly state: S;
  /** Handle an event; events sent while another is handled (from effects or actions) wait their turn. */
  send(event: E): void;
  /** Called after every change of state. Returns the unsubscribe. */
  onChange(listener: (state: S, previous: S) => void): () => void;
  /** Run the current state's cleanups and stop handling events. Idempotent. */
  stop(): void;
}

/**
 * Start a machine in `config.initial` (its effects run at once).
 *
 * @example
 * const m = createMachine({ initial: 'off', states: { off: { on: { TOGGLE: { target: 'on' } } }, on: { on: { TOGGLE: { target: 'off' } } } } }, {})
 * m.send({ type: 'TOGGLE' }) // → 'on'
 */
export function createMachine<S extends string, E extends MachineEvent, C>(config: MachineConfig<S, E, C>, context: C): Machine<S, E> {
  let state = config.initial;
  let cleanups: Array<() => void> = [];
  let stopped = false;
  let busy = false;
  const queue: E[] = [];
  const listeners = new Set<(state: S, previous: S) => void>();

  function enter(): void {
    for (const effect of config.states[state].effects ?? []) {
      const cleanup = effect(context, send);
      if (typeof cleanup === 'function') cleanups.push(cleanup);
    }
  }

  function exit(): void {
    const running = cleanups.reverse();
    cleanups = [];
    for (const cleanup of running) cleanup();
  }

  function handle(event: E): void {
    const entry = (config.states[state].on as Record<string, Transition<S, E, C> | ReadonlyArray<Transition<S, E, C>>> | undefined)?.[event.type];
    const options = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry as Transition<S, E, C>];
    const t = options.find((o) => !o.guard || o.guard(context, event));
    if (!t) return;
    const moves = t.target !== undefined && t.target !== state;
    if (moves) exit();
    for (const action of t.actions ?? []) action(context, event);
    if (!moves) return;
    const previous = state;
    state = t.target!;
    enter();
    for (const listener of [...listeners]) listener(state, previous);
  }

  /** Run `first`, then every event it (or its effects and actions) queued. */
  function run(first: () => void): void {
    busy = true;
    try {
      first();
      while (queue.length > 0 && !stopped) handle(queue.shift()!);
    } finally {
      busy = false;
    }
  }

  function send(event: E): void {
    if (stopped) return;
    // Run-to-completion: an event raised while handling another waits its turn.
    if (busy) queue.push(event);
    else run(() => handle(event));
  }

  run(enter);
  return {
    get state() {
      return state;
    },
    send,
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      queue.length = 0;
      exit();
      listeners.clear();
    },
  };
}
