import { describe, expect, it } from 'vitest';
import { CAMERA_WATCH_IDLE, watchCamera, type CameraWatchInput, type CameraWatchState } from './camera-watch';

/** The watch's `stalled` after each round. */
function run(rounds: CameraWatchInput[]): boolean[] {
  let state: CameraWatchState = CAMERA_WATCH_IDLE;
  return rounds.map((round) => (state = watchCamera(state, round)).stalled);
}

describe('watchCamera', () => {
  it('reports a camera that gives no frame for four seconds, and its recovery on the first frame', () => {
    expect(
      run([
        { at: 0, trackId: 'a', frames: null },
        { at: 2_000, trackId: 'a', frames: 40 },
        { at: 4_000, trackId: 'a', frames: 0 },
        { at: 6_000, trackId: 'a', frames: 0 },
        { at: 8_000, trackId: 'a', frames: 0 },
        { at: 10_000, trackId: 'a', frames: 0 },
        { at: 12_000, trackId: 'a', frames: 3 },
      ]),
    ).toEqual([false, false, false, true, true, true, false]);
  });

  it('counts from the start of a track that never gives a frame (a depth camera)', () => {
    expect(
      run([
        { at: 0, trackId: 'depth', frames: null },
        { at: 2_000, trackId: 'depth', frames: 0 },
        { at: 4_000, trackId: 'depth', frames: 0 },
      ]),
    ).toEqual([false, false, true]);
  });

  it('starts over for a new track, the camera off or audio only', () => {
    expect(
      run([
        { at: 0, trackId: 'a', frames: 0 },
        { at: 4_000, trackId: 'a', frames: 0 },
        { at: 6_000, trackId: 'b', frames: 0 },
        { at: 8_000, trackId: 'b', frames: 0 },
        { at: 10_000, trackId: null, frames: 0 },
        { at: 12_000, trackId: 'b', frames: 0 },
        { at: 14_000, trackId: 'b', frames: 0 },
      ]),
    ).toEqual([false, true, false, false, false, false, false]);
  });

  it('neither raises nor clears a stall in rounds that measured nothing', () => {
    expect(
      run([
        { at: 0, trackId: 'a', frames: 0 },
        { at: 4_000, trackId: 'a', frames: 0 },
        { at: 6_000, trackId: 'a', frames: null },
        { at: 8_000, trackId: 'a', frames: 0 },
      ]),
    ).toEqual([false, true, true, true]);
    expect(run([{ at: 0, trackId: 'a', frames: 0 }, { at: 9_000, trackId: 'a', frames: null }])).toEqual([false, false]);
  });
});
