import { forwardRef, useEffect, useId, type HTMLAttributes } from 'react';
import {
  PRECALL_STEPS,
  type PrecallCheck as PrecallCheckRun,
  type PrecallCheckOptions,
  type PrecallStatus,
  type PrecallStepResult,
} from '@mentara/meetings-core';
import { usePrecallCheck } from '../hooks/use-precall-check';
import { formatMessage, type MeetingMessages } from '../messages/messages';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon, type IconName } from './icons';

/** Props of `<PrecallCheck>`. */
export interface PrecallCheckProps extends HTMLAttributes<HTMLElement> {
  /** What to check against: server, token, ICE servers, the preview stream… (see `runPrecallCheck`). */
  options: Omit<PrecallCheckOptions, 'onProgress'>;
  /**
   * Start on mount instead of on the Start button. Prefer the button: the microphone level is
   * measured only when the page may play audio, which takes a click. @default false
   */
  autoStart?: boolean;
  /** Told when a run ends (`done` or `cancelled`). */
  onResult?: (status: PrecallStatus) => void;
  /** Advanced: the check to run, e.g. `createSimulatedPrecallCheck` from the testing kit in stories. @default runPrecallCheck */
  runCheck?: (options: PrecallCheckOptions) => PrecallCheckRun;
}

/** `idle` (not started), then the check's own state. */
type PanelState = 'idle' | PrecallStatus['state'];

function stepIcon(step: PrecallStepResult): IconName {
  if (step.status === 'running') return 'running';
  if (step.status !== 'done') return 'pending';
  return step.verdict === 'good' ? 'check' : step.verdict === 'failed' ? 'close' : 'warning';
}

function stepResult(step: PrecallStepResult, m: MeetingMessages): string {
  const word = step.status === 'done' && step.verdict ? m.precallVerdict[step.verdict] : m.precallVerdict[step.status === 'done' ? 'pending' : step.status];
  const why = step.reason && step.reason !== 'not-run' && step.verdict !== 'good' ? m.precallReason[step.reason] : null;
  return why ? `${word} — ${why}` : word;
}

/** The connection test's figures in words (`null` for other steps or before it measured). */
function stepFigures(step: PrecallStepResult, m: MeetingMessages): string | null {
  if (step.name !== 'network' || step.status !== 'done') return null;
  const { rttMs, packetLoss, availableBitrate } = step.figures;
  const parts = [
    rttMs === undefined ? null : formatMessage(m.precall.figureRtt, { value: String(Math.round(rttMs)) }),
    packetLoss === undefined ? null : formatMessage(m.precall.figureLoss, { value: String(Math.round(packetLoss * 1000) / 10) }),
    availableBitrate === undefined ? null : formatMessage(m.precall.figureBitrate, { value: String(Math.round(availableBitrate / 1000)) }),
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * The pre-call check of a pre-join screen (therapist and client alike): runs `runPrecallCheck`
 * — camera, microphone, meeting service, video connection through the relay, connection quality
 * — shows each step's status with a word and a symbol (never colour alone) and the connection
 * test's round trip, loss and bitrate, then the verdict in a sentence with plain advice, and
 * offers "Run again". Stoppable while it runs; unmounting stops it too, closing everything it
 * opened. `data-state` is `idle | running | done | cancelled`,
 * `data-verdict` the overall verdict.
 *
 * @example
 * <PrecallCheck options={{ serverUrl: 'https://api.example.com', token, stream: previewStream }} />
 */
export const PrecallCheck = forwardRef<HTMLElement, PrecallCheckProps>(function PrecallCheck(
  { options, autoStart = false, onResult, runCheck, className, ...rest },
  ref,
) {
  const m = useMessages();
  const { status, start, cancel } = usePrecallCheck(options, runCheck, onResult);
  const titleId = useId();
  const state: PanelState = status?.state ?? 'idle';
  useEffect(() => {
    if (autoStart) start();
  }, [autoStart, start]);

  const summary =
    state === 'running' ? m.precall.running : state === 'cancelled' ? m.precall.cancelled : state === 'done' && status?.overall ? m.precallSummary[status.overall] : '';
  const action = state === 'running' ? { label: m.precall.cancel, onClick: cancel } : { label: state === 'idle' ? m.precall.start : m.precall.runAgain, onClick: start };
  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      data-state={state}
      data-verdict={status?.overall ?? undefined}
      {...rest}
      className={cx('mm-precall', className)}
    >
      <h2 id={titleId} className="mm-precall__title">
        {m.precall.title}
      </h2>
      {state === 'idle' ? <p className="mm-precall__intro">{m.precall.intro}</p> : null}
      {status ? (
        <ol className="mm-precall__steps" aria-label={m.precall.steps}>
          {PRECALL_STEPS.map((name) => {
            const step = status.steps[name];
            const figures = stepFigures(step, m);
            return (
              <li key={name} className="mm-precall__step" data-status={step.status} data-verdict={step.verdict ?? undefined}>
                <Icon name={stepIcon(step)} className="mm-precall__icon" />
                <span className="mm-precall__name">{m.precallStep[name]}</span>
                <span className="mm-precall__result">{stepResult(step, m)}</span>
                {figures ? <span className="mm-precall__figures">{figures}</span> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <div role="status" className="mm-precall__summary">
        {summary ? <p>{summary}</p> : null}
        {state === 'done' && status && status.advice.length > 0 ? (
          <ul className="mm-precall__advice">
            {status.advice.map((advice) => (
              <li key={advice}>{m.precallAdvice[advice]}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" className="mm-button" data-variant={state === 'running' ? undefined : 'primary'} onClick={action.onClick}>
        {action.label}
      </button>
    </section>
  );
});
