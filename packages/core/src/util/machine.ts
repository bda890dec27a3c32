/**
 * A small finite-state machine runner in the style of Zag.js: states, events and transitions in
 * one table; effects tied to a state start on entry and return their own cleanup, which runs on
 * exit. Nothing else changes the state, so a unit built on it has one place that says what can
 * happen when.
 */

/** An event: a `type` plus whatever data the transition needs. */
export interface MachineEvent {
  type: string;
}

/** A transition of one event in one state. The first whose `guard` passes is taken. */
export interface Transition<S extends string, E extends MachineEvent, C> {
  /** Next state; omitted: stay (no exit/entry, only `actions`). */
  target?: S;
  /** Leave and re-enter `target` even when it is the current state (restarts its effects). */
  reenter?: boolean;
  guard?: (context: C, event: E) => boolean;
  /** Run between exit and entry, in order. */
  actions?: ReadonlyArray<(context: C, event: E) => void>;
}

/** What one state does: effects while in it, and its transitions. */
export interface StateNode<S extends string, E extends MachineEvent, C> {
  /** Started on entry; each may return a cleanup that runs on exit. */
  effects?: ReadonlyArray<(context: C, send: (event: E) => void) => (() => void) | void>;
  on?: { readonly [K in E['type']]?: Transition<S, Extract<E, { type: K }>, C> | ReadonlyArray<Transition<S, Extract<E, { type: K }>, C>> };
}

/** The whole table. */
export interface MachineConfig<S extends string, E extends MachineEvent, C> {
  initial: S;
  states: { readonly [K in S]: StateNode<S, E, C> };
}

/** A running machine. */
export interface Machine<S extends string, E extends MachineEvent> {
  readonly state: S;
  /** Handle an event; returns whether a transition was taken. Events sent from effects or actions are queued. */
  send(event: E): boolean;
  /** Called after every change of state, with the new and the previous state. Returns the unsubscribe. */
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

  function enter(next: S) {
    for (const effect of config.states[next].effects ?? []) {
      const cleanup = effect(context, send);
      if (typeof cleanup === 'function') cleanups.push(cleanup);
    }
  }

  function exit() {
    const running = cleanups;
    cleanups = [];
    for (const cleanup of running.reverse()) cleanup();
  }

  function pick(event: E): Transition<S, E, C> | undefined {
    const entry = (config.states[state].on as Record<string, unknown> | undefined)?.[event.type] as
      | Transition<S, E, C>
      | ReadonlyArray<Transition<S, E, C>>
      | undefined;
    if (!entry) return undefined;
    const options: ReadonlyArray<Transition<S, E, C>> = Array.isArray(entry) ? entry : [entry as Transition<S, E, C>];
    return options.find((t) => !t.guard || t.guard(context, event));
  }

  function handle(event: E): boolean {
    const t = pick(event);
    if (!t) return false;
    const previous = state;
    const moves = t.target !== undefined && (t.target !== state || t.reenter === true);
    if (moves) exit();
    for (const action of t.actions ?? []) action(context, event);
    if (!moves) return true;
    state = t.target!;
    enter(state);
    for (const listener of [...listeners]) listener(state, previous);
    return true;
  }

  /** Run `first`, then every event it (or its effects) queued. */
  function run(first: () => boolean): boolean {
    busy = true;
    try {
      let taken = first();
      while (queue.length > 0 && !stopped) taken = handle(queue.shift()!) || taken;
      return taken;
    } finally {
      busy = false;
    }
  }

  function send(event: E): boolean {
    if (stopped) return false;
    if (busy) {
      // Run-to-completion: an event raised while handling another waits its turn.
      queue.push(event);
      return true;
    }
    return run(() => handle(event));
  }

  run(() => {
    enter(state);
    return true;
  });
  return {
    get state() {
      return state;
    },
    send,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
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
