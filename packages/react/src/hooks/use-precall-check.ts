import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrecallCheck, PrecallCheckOptions, PrecallStatus } from '@mentara/meetings-core';

type RunCheck = (options: PrecallCheckOptions) => PrecallCheck;

/** The real check, fetched on first use so pages that never run one do not ship it. */
const loadRunPrecallCheck = (): Promise<RunCheck> => import('@mentara/meetings-core/precall').then((m) => m.runPrecallCheck);

/** A pre-call check driven from a component: its status, and start / cancel. */
export interface UsePrecallCheckResult {
  /** The latest status, `null` before the first start. */
  status: PrecallStatus | null;
  /** Start a check (cancelling one still running): from a click, so the microphone level can be measured. */
  start: () => void;
  /** Stop the running check; everything it opened is closed. */
  cancel: () => void;
}

/**
 * Run `runPrecallCheck` (or `runCheck`) from a component: one check at a time, its status as
 * state, cancelled on unmount. The options are read when a check starts. Without `runCheck`, the
 * check's code (`@mentara/meetings-core/precall`) is loaded with a dynamic `import()` on the first
 * start, so it is a chunk of its own in the app's bundle.
 *
 * @example
 * const { status, start, cancel } = usePrecallCheck({ serverUrl, token })
 */
export function usePrecallCheck(
  options: Omit<PrecallCheckOptions, 'onProgress'>,
  runCheck?: RunCheck,
  onResult?: (status: PrecallStatus) => void,
): UsePrecallCheckResult {
  const [status, setStatus] = useState<PrecallStatus | null>(null);
  const current = useRef<{ check: PrecallCheck; stop: () => void } | null>(null);
  const latest = useRef({ options, runCheck, onResult });
  latest.current = { options, runCheck, onResult };

  const cancel = useCallback(() => {
    current.current?.check.cancel();
  }, []);
  /** Bumped by every start and by unmount, so a check whose code arrives late never begins. */
  const generation = useRef(0);
  const start = useCallback(() => {
    const previous = current.current;
    current.current = null;
    previous?.stop();
    previous?.check.cancel();
    const ticket = ++generation.current;
    const begin = (run: RunCheck) => {
      if (generation.current !== ticket) return;
      const check = run({ ...latest.current.options });
      const stop = check.subscribe(setStatus);
      current.current = { check, stop };
      setStatus(check.getSnapshot());
      void check.result.then((final) => {
        if (current.current?.check !== check) return;
        setStatus(final);
        latest.current.onResult?.(final);
      });
    };
    const { runCheck: run } = latest.current;
    if (run) begin(run);
    else void loadRunPrecallCheck().then(begin);
  }, []);

  useEffect(
    () => () => {
      generation.current += 1;
      const running = current.current;
      current.current = null;
      running?.stop();
      running?.check.cancel();
    },
    [],
  );
  return { status, start, cancel };
}
