/**
 * Whether the local camera gives the call a picture. A camera can stay "live" and give nothing:
 * it froze, was unplugged without the track ending, or delivers a kind of frame the browser
 * cannot send (a depth camera's 16-bit frames) while the self view still shows something. The
 * sender's media-source frame counter is the one figure that stands still in every one of those
 * cases and moves in every other (encoder paused, track disabled, low light), so that is what is
 * watched.
 */
export interface CameraWatchState {
  /** The camera gave no frame for `stallAfterMs` while on. */
  stalled: boolean;
  /** The camera track being watched (a new one starts a new watch). */
  trackId: string | null;
  /** When the watched track last gave a frame, or the watch began. */
  lastFrameAt: number | null;
}

/** One stats round of the watch. */
export interface CameraWatchInput {
  at: number;
  /** The camera track sent, while the person has the camera on and sends video (not audio only); else `null`. */
  trackId: string | null;
  /**
   * Frames the track gave the connections' senders in the round: the most of any connection,
   * `null` where no connection reported it (none connected yet, or a browser without the figure).
   */
  frames: number | null;
}

/** How long a camera may give nothing before it counts as stalled. */
export const CAMERA_STALL_AFTER_MS = 4_000;

/** Nothing watched. */
export const CAMERA_WATCH_IDLE: CameraWatchState = Object.freeze({ stalled: false, trackId: null, lastFrameAt: null });

/**
 * The next state of the watch: stalled after `stallAfterMs` of rounds that measured no frame,
 * recovered on the first frame; a new track, the camera off or audio only start over. Rounds
 * that measured nothing change nothing, so a connection being rebuilt neither raises nor clears it.
 */
export function watchCamera(state: CameraWatchState, input: CameraWatchInput, stallAfterMs = CAMERA_STALL_AFTER_MS): CameraWatchState {
  if (input.trackId === null) return state === CAMERA_WATCH_IDLE ? state : CAMERA_WATCH_IDLE;
  if (input.trackId !== state.trackId) return { stalled: false, trackId: input.trackId, lastFrameAt: input.at };
  if (input.frames === null) return state;
  if (input.frames > 0) return { ...state, stalled: false, lastFrameAt: input.at };
  const stalled = input.at - (state.lastFrameAt ?? input.at) >= stallAfterMs;
  return stalled === state.stalled ? state : { ...state, stalled };
}
