/** Thresholds and timings of the send policy. Loss is 0–1, times in ms. */
export interface SendPolicyConfig {
  /** Smoothed loss at or above which the level steps down (3 % steady loss stays below). @default 0.06 */
  congestedLoss: number;
  /** Smoothed loss at or above which the link is critical (video is cut to `low`, then paused). @default 0.1 */
  criticalLoss: number;
  /** Smoothed loss under which a sample counts as good (for stepping up). @default 0.02 */
  goodLoss: number;
  /** Round trip at or above which the level steps down / the link is critical / a sample is not good. */
  congestedRttMs: number;
  criticalRttMs: number;
  goodRttMs: number;
  /** Least time at a level before stepping down again (one sampling window). @default 1900 */
  downDwellMs: number;
  /** Least time at a level before stepping up. @default 8000 */
  minDwellMs: number;
  /** How long samples must have been good before stepping up a level. @default 10000 */
  upHoldMs: number;
  /** How long samples must have been good before video resumes; doubles after each quick relapse. @default 15000 */
  resumeHoldMs: number;
  maxResumeHoldMs: number;
  /** A pause within this long after a resume counts as a relapse. @default 60000 */
  relapseWindowMs: number;
  /**
   * After video resumes, how long the estimate is not trusted (it still reflects audio alone and
   * needs seconds to ramp up): only loss and round trip may pause video again. @default 10000
   */
  resumeGraceMs: number;
  /** How long the link must have been good before the bitrate cap rises one step. @default 4000 */
  capUpHoldMs: number;
}

/** Defaults of {@link SendPolicyConfig}. */
export const SEND_POLICY_DEFAULTS: SendPolicyConfig = {
  congestedLoss: 0.06,
  criticalLoss: 0.1,
  goodLoss: 0.02,
  congestedRttMs: 600,
  criticalRttMs: 1_500,
  goodRttMs: 400,
  downDwellMs: 1_900,
  minDwellMs: 8_000,
  upHoldMs: 10_000,
  resumeHoldMs: 15_000,
  maxResumeHoldMs: 60_000,
  relapseWindowMs: 60_000,
  resumeGraceMs: 10_000,
  capUpHoldMs: 4_000,
};
