import { useCallback, useEffect, useRef, useState } from 'react';
import { runPrecallCheck, type PrecallCheck, type PrecallCheckOptions, type PrecallStatus } from '@mentara/meetings-core';

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
 * state, cancelled on unmount. The options are read when a check starts.
 *
 * @example
 * const { status, start, cancel } = usePrecallCheck({ serverUrl, token })
 */
export function usePrecallCheck(
  options: Omit<PrecallCheckOptions, 'onProgress'>,
  runCheck: (options: PrecallCheckOptions) => PrecallCheck = runPrecallCheck,
  onResult?: (status: PrecallStatus) => void,
): UsePrecallCheckResult {
  const [status, setStatus] = useState<PrecallStatus | null>(null);
  const current = useRef<{ check: PrecallCheck; stop: () => void } | null>(null);
  const latest = useRef({ options, runCheck, onResult });
  latest.current = { options, runCheck, onResult };

  const cancel = useCallback(() => {
    current.current?.check.cancel();
  }, []);
  const start = useCallback(() => {
    const previous = current.current;
    current.current = null;
    previous?.stop();
    previous?.check.cancel();
    const { options: o, runCheck: run } = latest.current;
    const check = run({ ...o });
    const stop = check.subscribe(setStatus);
    current.current = { check, stop };
    setStatus(check.getSnapshot());
    void check.result.then((final) => {
      if (current.current?.check !== check) return;
      setStatus(final);
      latest.current.onResult?.(final);
    });
  }, []);

  useEffect(
    () => () => {
      const running = current.current;
      current.current = null;
      running?.stop();
      running?.check.cancel();
    },
    [],
  );
  return { status, start, cancel };
}
