import type { PrecallAdvice, PrecallFigures, PrecallReason, PrecallStepResult, PrecallVerdict } from './types';

const ORDER: readonly PrecallVerdict[] = ['good', 'fair', 'poor', 'failed'];

/** The worse of two verdicts. */
export const worse = (a: PrecallVerdict, b: PrecallVerdict): PrecallVerdict => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

/** The worst verdict of finished steps, `null` if none finished. */
export function overallVerdict(steps: readonly PrecallStepResult[]): PrecallVerdict | null {
  let out: PrecallVerdict | null = null;
  for (const step of steps) if (step.verdict) out = out ? worse(out, step.verdict) : step.verdict;
  return out;
}

/** What a graded figure says: verdict, reason and advice. */
export interface Grade {
  verdict: PrecallVerdict;
  reason: PrecallReason | null;
  advice: PrecallAdvice[];
}

/** Thresholds of the network verdict (round trip over the relay loop, loss share, bit/s). */
export const NETWORK_THRESHOLDS = {
  good: { rttMs: 300, loss: 0.02, bitrate: 600_000 },
  fair: { rttMs: 700, loss: 0.06, bitrate: 250_000 },
} as const;

/**
 * Grade the relay-path test: every figure is judged on its own, the worst one wins; its reason
 * and advice come first. Below `fair` on bandwidth or loss the call will likely run audio-only.
 */
export function gradeNetwork(f: PrecallFigures): Grade {
  const grades: Grade[] = [];
  const judge = (value: number | undefined, good: number, fair: number, higherIsBetter: boolean, reason: PrecallReason, advice: PrecallAdvice[]) => {
    if (value === undefined) return;
    const ok = (limit: number) => (higherIsBetter ? value >= limit : value < limit);
    const verdict: PrecallVerdict = ok(good) ? 'good' : ok(fair) ? 'fair' : 'poor';
    grades.push({ verdict, reason: verdict === 'good' ? null : reason, advice: verdict === 'good' ? [] : advice });
  };
  const { good, fair } = NETWORK_THRESHOLDS;
  judge(f.packetLoss, good.loss, fair.loss, false, 'packet-loss', ['move-closer-to-router', 'try-another-network']);
  judge(f.availableBitrate, good.bitrate, fair.bitrate, true, 'low-bandwidth', ['close-apps-using-network', 'try-another-network']);
  judge(f.rttMs, good.rttMs, fair.rttMs, false, 'high-latency', ['close-apps-using-network', 'try-another-network']);
  if (grades.length === 0) return { verdict: 'failed', reason: 'not-run', advice: ['check-internet'] };
  const sorted = [...grades].sort((a, b) => ORDER.indexOf(b.verdict) - ORDER.indexOf(a.verdict));
  const verdict = sorted[0]!.verdict;
  const advice = [...new Set(sorted.flatMap((g) => g.advice))];
  if (verdict === 'poor') advice.push('expect-audio-only');
  return { verdict, reason: sorted[0]!.reason, advice };
}

/** Grade the camera: frames arrived, at a usable rate, and the picture is not black. */
export function gradeCamera(f: PrecallFigures, meanLuma: number | null): Grade {
  if (!f.frameRate) return { verdict: 'failed', reason: 'no-frames', advice: ['close-apps-using-camera', 'connect-camera'] };
  if (meanLuma !== null && meanLuma < 12) return { verdict: 'fair', reason: 'dark-picture', advice: ['improve-lighting'] };
  if (f.frameRate < 10) return { verdict: 'fair', reason: 'low-frame-rate', advice: ['close-apps-using-camera', 'improve-lighting'] };
  return { verdict: 'good', reason: null, advice: [] };
}

/** Loudest RMS level under which the microphone counts as silent. */
export const SILENT_LEVEL = 0.003;

/** Grade the microphone level (`null`: could not be measured). */
export function gradeMicrophone(level: number | null): Grade {
  if (level === null) return { verdict: 'fair', reason: 'level-unmeasured', advice: [] };
  if (level < SILENT_LEVEL) return { verdict: 'poor', reason: 'silent', advice: ['unmute-microphone', 'connect-microphone'] };
  return { verdict: 'good', reason: null, advice: [] };
}

/** Grade the signalling connect time. */
export function gradeSignalling(connectMs: number): Grade {
  if (connectMs < 1_500) return { verdict: 'good', reason: null, advice: [] };
  if (connectMs < 5_000) return { verdict: 'fair', reason: 'slow', advice: ['check-internet'] };
  return { verdict: 'poor', reason: 'slow', advice: ['check-internet', 'try-another-network'] };
}
