import { createStore } from 'zustand/vanilla';
import type { PrecallCheck } from '../precall/run-precall-check';
import { PRECALL_STEPS, type PrecallStatus, type PrecallStepName, type PrecallStepResult } from '../precall/types';
import { overallVerdict } from '../precall/verdict';

/** How one step of a simulated check ends. Omitted fields: a `good` step with no advice. */
export type SimulatedPrecallStep = Partial<Pick<PrecallStepResult, 'verdict' | 'reason' | 'advice' | 'figures' | 'detail'>> & {
  /** `skipped` instead of `done`. */
  skipped?: boolean;
};

/** Options of {@link createSimulatedPrecallCheck}. */
export interface SimulatedPrecallOptions {
  /** How each step ends; steps not listed end `good`. */
  steps?: Partial<Record<PrecallStepName, SimulatedPrecallStep>>;
  /** Time each step runs, ms. @default 400 */
  stepMs?: number;
  /** Stop at this step, `running` for good (a story of a check in progress). */
  holdAt?: PrecallStepName;
}

/**
 * A pre-call check that plays a script instead of touching devices and the network — for
 * Storybook, demos and UI tests. Same `PrecallCheck` interface and status objects as
 * `runPrecallCheck`: steps go `pending → running → done` one after the other, the overall verdict
 * and advice are computed the same way, and `cancel()` stops it.
 *
 * @example
 * const check = createSimulatedPrecallCheck({ steps: { network: { verdict: 'poor', reason: 'packet-loss', advice: ['move-closer-to-router'] } } })
 */
export function createSimulatedPrecallCheck(options: SimulatedPrecallOptions = {}): PrecallCheck {
  const stepMs = options.stepMs ?? 400;
  const initial: PrecallStatus = {
    state: 'running',
    steps: Object.fromEntries(
      PRECALL_STEPS.map((name): [PrecallStepName, PrecallStepResult] => [name, { name, status: 'pending', verdict: null, reason: null, detail: null, advice: [], figures: {} }]),
    ) as Record<PrecallStepName, PrecallStepResult>,
    overall: null,
    advice: [],
  };
  const store = createStore<PrecallStatus>()(() => initial);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let finish: (status: PrecallStatus) => void = () => undefined;
  const result = new Promise<PrecallStatus>((resolve) => (finish = resolve));

  const update = (name: PrecallStepName, patch: Partial<PrecallStepResult>) => {
    const steps = { ...store.getState().steps, [name]: { ...store.getState().steps[name], ...patch } };
    const list = PRECALL_STEPS.map((n) => steps[n]);
    store.setState({ steps, overall: overallVerdict(list), advice: [...new Set(list.flatMap((s) => s.advice))] });
  };
  const later = (fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, stepMs);
    timers.add(timer);
  };

  function play(index: number) {
    const name = PRECALL_STEPS[index];
    if (!name) {
      store.setState({ state: 'done' });
      finish(store.getState());
      return;
    }
    update(name, { status: 'running' });
    if (options.holdAt === name) return;
    later(() => {
      const s = options.steps?.[name] ?? {};
      update(name, {
        status: s.skipped ? 'skipped' : 'done',
        verdict: s.skipped ? null : (s.verdict ?? 'good'),
        reason: s.reason ?? (s.skipped ? 'not-run' : null),
        advice: s.advice ?? [],
        figures: s.figures ?? {},
        detail: s.detail ?? null,
      });
      play(index + 1);
    });
  }
  play(0);

  return {
    getSnapshot: store.getState,
    subscribe: (listener) => store.subscribe((s) => listener(s)),
    result,
    cancel() {
      if (store.getState().state !== 'running') return;
      timers.forEach(clearTimeout);
      timers.clear();
      store.setState({ state: 'cancelled' });
      finish(store.getState());
    },
  };
}
