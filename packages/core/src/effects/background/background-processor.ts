import { MeetingError } from '../../errors/meeting-error';
import { createProcessorLifecycle, toEffectError } from '../processor-lifecycle';
import { backgroundProcessingSupport } from '../support';
import type { TrackProcessor } from '../../media/track-processor';
import { loadBackgroundImage, type BackgroundImageSource } from './background-image';
import { createCanvasPipeline } from './canvas-pipeline';
import { createCompositor, type Compositor } from './compositor';
import type { FramePipeline, RenderFrame } from './frame-pipeline';
import { createInsertablePipeline } from './insertable-pipeline';
import { createSegmenter, type SegmentationInference, type Segmenter } from './segmenter';

/**
 * What to do with the background: `none` (the camera as it is), `blur` (Gaussian blur, `radius`
 * in pixels of a 640-wide frame, default 12), or `image` (replace it, scaled to cover the frame).
 */
export type BackgroundEffect = { mode: 'none' } | { mode: 'blur'; radius?: number } | { mode: 'image'; image: BackgroundImageSource };

/** Options of {@link createBackgroundProcessor}. */
export interface BackgroundProcessorOptions {
  /** Base URL, on the app's own origin, where the effect assets are served (see `EFFECT_ASSETS`). */
  assetsUrl: string;
  /** @default { mode: 'blur' } */
  effect?: BackgroundEffect;
  /** Where the segmentation model runs. @default 'cpu' */
  inference?: SegmentationInference;
  /** Force a pipeline (tests, diagnostics). @default 'auto' */
  pipeline?: 'auto' | 'insertable-streams' | 'canvas';
}

/** Counters since the last start, for diagnostics and benchmarks. */
export interface BackgroundProcessorStats {
  /** Frames rendered with an effect (pass-through frames are not counted). */
  frames: number;
  /** Frames the model segmented (the others reuse the latest mask). */
  segmentations: number;
  /** Mean milliseconds per segmentation, and per composited frame (upload, blur, draw). */
  segmentationMs: number;
  compositeMs: number;
}

/** Background blur/replacement for a camera track. */
export interface BackgroundProcessor extends TrackProcessor {
  readonly kind: 'video';
  /** The effect being applied (or to apply once started). */
  readonly effect: BackgroundEffect;
  /** The pipeline of the current run, `null` when not running. */
  readonly pipeline: 'insertable-streams' | 'canvas' | null;
  /**
   * Change the effect on the running output track (no new capture, no `replaceTrack`). Resolves
   * once it shows: after the model (first time) or the image has loaded. On failure the previous
   * effect stays and it rejects with a `MeetingError`.
   */
  setEffect(effect: BackgroundEffect): Promise<void>;
  getStats(): BackgroundProcessorStats;
}

/**
 * Segmentation takes at most this share of the time, so frames keep their rate on slow machines
 * (the frames in between reuse the latest mask), but runs at least every `MAX_MASK_AGE_MS`.
 */
const SEGMENTATION_SHARE = 0.4;
const MAX_MASK_AGE_MS = 250;
const DEFAULT_RADIUS = 12;

interface Run {
  kind: 'insertable-streams' | 'canvas';
  compositor: Compositor;
  pipeline: FramePipeline | null;
  segmenter: Segmenter | null;
  size: { width: number; height: number };
}

/**
 * Creates a background processor: person segmentation (MediaPipe Selfie Segmentation, model and
 * WebAssembly from `assetsUrl`) and WebGL2 compositing. Until the first mask arrives the whole
 * frame counts as background, so the room is never shown unblurred.
 *
 * @example
 * const background = createBackgroundProcessor({ assetsUrl: '/mentara-effects/' })
 * const sent = await background.start(cameraTrack)
 * await background.setEffect({ mode: 'image', image: '/backgrounds/office.jpg' })
 */
export function createBackgroundProcessor(options: BackgroundProcessorOptions): BackgroundProcessor {
  const life = createProcessorLifecycle('background effect');
  let effect: BackgroundEffect = options.effect ?? { mode: 'blur' };
  let image: ImageBitmap | null = null;
  let run: Run | null = null;
  /** Bumped by stop(): a start still loading then knows it was cancelled. */
  let generation = 0;
  let segmentationEma = 0;
  let lastSegmentation = -Infinity;
  const totals = { frames: 0, segmentations: 0, segmentationMs: 0, compositeMs: 0 };

  const segmenterFor = (r: Run) =>
    createSegmenter({ assetsUrl: options.assetsUrl, ...r.size, inference: options.inference ?? 'cpu' });

  const render: RenderFrame = async (source, width, height) => {
    const r = run;
    if (!r) return 'drawn';
    const mode = effect.mode;
    if (mode === 'none' && r.kind === 'insertable-streams') return 'passthrough';
    const started = performance.now();
    const due = Math.min(MAX_MASK_AGE_MS, segmentationEma / SEGMENTATION_SHARE);
    if (mode !== 'none' && r.segmenter && started - lastSegmentation >= due) {
      lastSegmentation = started;
      const input = r.segmenter.input;
      const inputHeight = Math.max(1, Math.round((input.width * height) / width));
      if (input.height !== inputHeight) input.height = inputHeight;
      input.getContext('2d')!.drawImage(source, 0, 0, input.width, inputHeight);
      await r.segmenter.segment((mask) => r.compositor.setMask(mask));
      if (run !== r) return 'drawn';
      const took = performance.now() - started;
      segmentationEma = segmentationEma === 0 ? took : segmentationEma * 0.8 + took * 0.2;
      totals.segmentations += 1;
      totals.segmentationMs += took;
    }
    const composited = performance.now();
    const radius = effect.mode === 'blur' ? (effect.radius ?? DEFAULT_RADIUS) : 0;
    r.compositor.render(source, width, height, mode, radius);
    totals.frames += 1;
    totals.compositeMs += performance.now() - composited;
    if (r.kind === 'canvas') return 'drawn';
    return new VideoFrame(r.compositor.canvas, { timestamp: (source as VideoFrame).timestamp });
  };

  function release(r: Run | null) {
    if (!r) return;
    r.pipeline?.close();
    r.segmenter?.close();
    r.compositor.close();
  }

  function fail(error: unknown) {
    const r = run;
    if (!r) return;
    run = null;
    release(r);
    life.fail(toEffectError(error, 'background effect: stopped'));
  }

  async function begin(input: MediaStreamTrack, token: number): Promise<MediaStreamTrack> {
    const support = options.pipeline && options.pipeline !== 'auto' ? options.pipeline : backgroundProcessingSupport();
    if (support === 'unsupported') throw new MeetingError('unsupported-browser', 'background effects need WebGL2, WebAssembly and canvas capture');
    life.set('starting');
    const settings = input.getSettings();
    const r: Run = {
      kind: support,
      compositor: createCompositor(support === 'insertable-streams'),
      pipeline: null,
      segmenter: null,
      size: { width: settings.width ?? 640, height: settings.height ?? 480 },
    };
    const cancelled = () => token !== generation;
    try {
      if (effect.mode !== 'none') r.segmenter = await segmenterFor(r);
      if (effect.mode === 'image' && !image) image = await loadBackgroundImage(effect.image);
      if (cancelled()) throw new MeetingError('media-failed', 'background effect stopped while starting');
      r.compositor.setBackgroundImage(image);
      r.compositor.onLost(() => fail(new Error('the GPU context was lost')));
      r.pipeline =
        support === 'insertable-streams'
          ? createInsertablePipeline(render, fail)
          : createCanvasPipeline(r.compositor.canvas as HTMLCanvasElement, render, fail, settings.frameRate ?? 30);
      Object.assign(totals, { frames: 0, segmentations: 0, segmentationMs: 0, compositeMs: 0 });
      [segmentationEma, lastSegmentation] = [0, -Infinity];
      run = r;
      await r.pipeline.setInput(input);
      if (cancelled()) throw new MeetingError('media-failed', 'background effect stopped while starting');
      life.set('running');
      return r.pipeline.output;
    } catch (error) {
      if (run === r) run = null;
      release(r);
      if (!cancelled()) life.set('failed');
      throw error;
    }
  }

  return {
    kind: 'video',
    name: 'background',
    get state() {
      return life.state;
    },
    get output() {
      return run?.pipeline?.output ?? null;
    },
    get effect() {
      return effect;
    },
    get pipeline() {
      return run?.kind ?? null;
    },
    start(input) {
      const token = generation;
      return life.serial(async () => {
        const r = run;
        if (r?.pipeline && life.state === 'running') {
          // A switched camera: same output track; the new view starts fully masked.
          r.compositor.setMask(new ImageData(1, 1));
          lastSegmentation = -Infinity;
          await r.pipeline.setInput(input);
          return r.pipeline.output;
        }
        return begin(input, token);
      }, 'could not start');
    },
    setEffect(next) {
      return life.serial(async () => {
        const bitmap = next.mode === 'image' ? await loadBackgroundImage(next.image) : null;
        const r = run;
        if (r && next.mode !== 'none' && !r.segmenter) {
          r.segmenter = await segmenterFor(r);
          if (run !== r) r.segmenter.close();
        }
        if (bitmap) {
          image?.close();
          image = bitmap;
          run?.compositor.setBackgroundImage(bitmap);
        }
        effect = next;
      }, 'could not change the effect');
    },
    stop() {
      generation += 1;
      const r = run;
      run = null;
      release(r);
      image?.close();
      image = null;
      if (life.state !== 'idle') life.set('stopped');
    },
    onError: life.onError,
    getStats() {
      const { frames, segmentations, segmentationMs, compositeMs } = totals;
      return { frames, segmentations, segmentationMs: segmentations ? segmentationMs / segmentations : 0, compositeMs: frames ? compositeMs / frames : 0 };
    },
  };
}
