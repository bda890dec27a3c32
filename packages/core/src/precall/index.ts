/**
 * Pre-call check: devices, signalling, TURN relay and a short relay-path test, with verdicts
 * and advice keys: the `@mentara/meetings-core/precall` entry (loaded on demand by the React
 * `usePrecallCheck`). The step names and the status types are also on the core entry.
 */
export { runPrecallCheck, type PrecallCheck, type PrecallCheckOptions } from './run-precall-check';
export {
  PRECALL_STEPS,
  type PrecallAdvice,
  type PrecallFigures,
  type PrecallReason,
  type PrecallStatus,
  type PrecallStepName,
  type PrecallStepResult,
  type PrecallStepStatus,
  type PrecallVerdict,
} from './types';
export { NETWORK_THRESHOLDS, gradeNetwork } from './verdict';
