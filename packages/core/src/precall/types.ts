/** The steps of a pre-call check, in the order they run. */
export type PrecallStepName = 'camera' | 'microphone' | 'signalling' | 'relay' | 'network';

/** Every step, in order. */
export const PRECALL_STEPS: readonly PrecallStepName[] = ['camera', 'microphone', 'signalling', 'relay', 'network'];

/** A plain verdict, for one step or the whole check. */
export type PrecallVerdict = 'good' | 'fair' | 'poor' | 'failed';

/** Where a step is. */
export type PrecallStepStatus = 'pending' | 'running' | 'done' | 'skipped';

/** Why a step is not `good` (closed: the UI maps each to a sentence). */
export type PrecallReason =
  | 'permission-denied'
  | 'no-device'
  | 'device-busy'
  | 'no-frames'
  | 'low-frame-rate'
  | 'dark-picture'
  | 'silent'
  | 'level-unmeasured'
  | 'unreachable'
  | 'refused'
  | 'timeout'
  | 'slow'
  | 'config-unavailable'
  | 'no-turn-server'
  | 'no-relay-candidates'
  | 'ice-failed'
  | 'high-latency'
  | 'packet-loss'
  | 'low-bandwidth'
  | 'not-run';

/** Advice keys for people (the React package localises them). */
export type PrecallAdvice =
  | 'allow-camera'
  | 'connect-camera'
  | 'close-apps-using-camera'
  | 'improve-lighting'
  | 'allow-microphone'
  | 'connect-microphone'
  | 'unmute-microphone'
  | 'check-internet'
  | 'sign-in-again'
  | 'network-blocks-relay'
  | 'contact-support'
  | 'move-closer-to-router'
  | 'close-apps-using-network'
  | 'try-another-network'
  | 'expect-audio-only';

/** Figures measured by the steps (each step fills its own). */
export interface PrecallFigures {
  /** Camera frames per second and size, as captured. */
  frameRate?: number;
  width?: number;
  height?: number;
  /** Loudest microphone level heard (RMS, 0–1). */
  microphoneLevel?: number;
  /** Time to a connected, authenticated signalling socket, ms. */
  connectMs?: number;
  /** Time until the relay-only connection was up, ms. */
  relayConnectMs?: number;
  /**
   * Round trip through the TURN relay and back, ms (median). The test loops from this device to
   * the relay and back, so the home link is crossed twice each way.
   */
  rttMs?: number;
  /** Share (0–1) of packets lost over the relay loop. */
  packetLoss?: number;
  /** The browser's send estimate at the end of the test, bit/s. */
  availableBitrate?: number;
  /** Receive jitter, ms. */
  jitterMs?: number;
}

/** One step's result. */
export interface PrecallStepResult {
  name: PrecallStepName;
  status: PrecallStepStatus;
  /** `null` until the step is done (or skipped). */
  verdict: PrecallVerdict | null;
  reason: PrecallReason | null;
  /** Technical detail for logs and support (never shown as the main message). */
  detail: string | null;
  advice: PrecallAdvice[];
  figures: PrecallFigures;
}

/** The observable status of a pre-call check: one immutable object per change. */
export interface PrecallStatus {
  state: 'running' | 'done' | 'cancelled';
  steps: Readonly<Record<PrecallStepName, PrecallStepResult>>;
  /** Worst verdict of the finished steps; `null` while none has finished. */
  overall: PrecallVerdict | null;
  /** Every step's advice, without repeats, most important first. */
  advice: PrecallAdvice[];
}
