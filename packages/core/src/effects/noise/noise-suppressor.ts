import { MeetingError } from '../../errors/meeting-error';
import { createProcessorLifecycle } from '../processor-lifecycle';
import { noiseSuppressionSupport } from '../support';
import type { TrackProcessor } from '../../media/track-processor';
import { createRnnoiseGraph, loadRnnoiseWasm, type RnnoiseGraph } from './rnnoise-graph';

/** What the user asked for: RNNoise on, or off. */
export type NoiseSuppressionMode = 'rnnoise' | 'off';

/**
 * What runs right now: `rnnoise`, `browser` (this browser has no AudioWorklet: the microphone's
 * own `noiseSuppression` constraint is switched on instead), or `off`.
 */
export type ActiveNoiseSuppression = 'rnnoise' | 'browser' | 'off';

/** Options of {@link createNoiseSuppressor}. */
export interface NoiseSuppressorOptions {
  /** Base URL, on the app's own origin, where the effect assets are served (see `EFFECT_ASSETS`). */
  assetsUrl: string;
  /** @default 'rnnoise' */
  mode?: NoiseSuppressionMode;
}

/** RNNoise noise suppression for a microphone track, switchable during a call. */
export interface NoiseSuppressor extends TrackProcessor {
  readonly kind: 'audio';
  readonly mode: NoiseSuppressionMode;
  readonly active: ActiveNoiseSuppression;
  /** Switch on the running output (no new capture, no `replaceTrack`). */
  setMode(mode: NoiseSuppressionMode): Promise<void>;
}

/**
 * Best effort: Chromium applies `noiseSuppression` to a live track, other browsers may keep the
 * capture's setting. Failing here changes nothing, so it is ignored.
 */
async function setBrowserSuppression(track: MediaStreamTrack, on: boolean): Promise<void> {
  if (track.getSettings().noiseSuppression === on) return;
  await track.applyConstraints({ ...track.getConstraints(), noiseSuppression: on }).catch(() => undefined);
}

/**
 * Creates a noise suppressor: RNNoise in an AudioWorklet (worklet and wasm from `assetsUrl`).
 * While it runs, the microphone's own `noiseSuppression` is switched off (where the browser
 * allows it on a live track), so speech is not processed twice and `off` really is off;
 * `stop()` and failures switch it back on, as the fallback for the raw track.
 *
 * @example
 * const noise = createNoiseSuppressor({ assetsUrl: '/mentara-effects/' })
 * const sent = await noise.start(microphoneTrack)
 * await noise.setMode('off') // same output track, unprocessed
 */
export function createNoiseSuppressor(options: NoiseSuppressorOptions): NoiseSuppressor {
  const life = createProcessorLifecycle('noise suppression');
  let mode: NoiseSuppressionMode = options.mode ?? 'rnnoise';
  let graph: RnnoiseGraph | null = null;
  let input: MediaStreamTrack | null = null;
  /** In the `browser` fallback the input itself is the output. */
  let passthrough = false;
  let wasm: ArrayBuffer | null = null;
  let generation = 0;

  const active = (): ActiveNoiseSuppression => (mode === 'off' || !input ? 'off' : passthrough ? 'browser' : 'rnnoise');

  function release() {
    graph?.close();
    graph = null;
    if (input) void setBrowserSuppression(input, true);
    input = null;
    passthrough = false;
  }

  async function begin(track: MediaStreamTrack, token: number): Promise<MediaStreamTrack> {
    const support = noiseSuppressionSupport();
    if (support === 'unsupported') throw new MeetingError('unsupported-browser', 'noise suppression is not available in this browser');
    life.set('starting');
    if (support === 'browser') {
      [input, passthrough] = [track, true];
      await setBrowserSuppression(track, mode !== 'off');
      life.set('running');
      return track;
    }
    try {
      wasm ??= await loadRnnoiseWasm(options.assetsUrl);
      const built = await createRnnoiseGraph(options.assetsUrl, wasm, (error) => {
        if (graph !== built) return;
        release();
        life.fail(error);
      });
      if (token !== generation) {
        built.close();
        throw new MeetingError('media-failed', 'noise suppression stopped while starting');
      }
      graph = built;
      input = track;
      graph.setSuppressing(mode === 'rnnoise');
      graph.setInput(track);
      await setBrowserSuppression(track, false);
      life.set('running');
      return graph.output;
    } catch (error) {
      if (token === generation) life.set('failed');
      throw error;
    }
  }

  return {
    kind: 'audio',
    name: 'noise-suppression',
    get state() {
      return life.state;
    },
    get output() {
      return passthrough ? input : (graph?.output ?? null);
    },
    get mode() {
      return mode;
    },
    get active() {
      return active();
    },
    start(track) {
      const token = generation;
      return life.serial(async () => {
        if (life.state === 'running' && input) {
          // A switched microphone: same output track.
          if (input !== track) void setBrowserSuppression(input, true);
          input = track;
          if (passthrough) {
            await setBrowserSuppression(track, mode !== 'off');
            return track;
          }
          graph!.setInput(track);
          await setBrowserSuppression(track, false);
          return graph!.output;
        }
        return begin(track, token);
      }, 'could not start');
    },
    setMode(next) {
      return life.serial(async () => {
        mode = next;
        if (!input) return;
        graph?.setSuppressing(next === 'rnnoise');
        // `off` means no suppression at all (music, an instrument in the room); in the fallback
        // the browser's own suppression is the one to switch.
        await setBrowserSuppression(input, passthrough ? next !== 'off' : false);
      }, 'could not change the mode');
    },
    stop() {
      generation += 1;
      release();
      if (life.state !== 'idle') life.set('stopped');
    },
    onError: life.onError,
  };
}
