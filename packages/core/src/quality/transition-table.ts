/** One row of a transition table: when `guard` holds, go to `target`. */
export interface TransitionRow<S extends string, G extends string> {
  guard: G;
  target: S;
}

/**
 * States × events → rows tried in order; the first row whose guard holds wins. An event a state
 * does not list leaves the state as it is (its context may still change).
 */
export type TransitionTable<S extends string, E extends string, G extends string> = {
  readonly [state in S]: { readonly [event in E]?: readonly TransitionRow<S, G>[] };
};

/** The target of the first row of `table[state][event]` whose guard holds, or `null`. */
export function pickTarget<S extends string, E extends string, G extends string>(
  table: TransitionTable<S, E, G>,
  state: S,
  event: E,
  holds: (guard: G) => boolean,
): S | null {
  for (const row of table[state][event] ?? []) if (holds(row.guard)) return row.target;
  return null;
}
