import { MeetingError } from '../../errors/meeting-error';
import { effectAssetUrl } from '../assets/manifest';

/** The part of `@mediapipe/selfie_segmentation`'s `SelfieSegmentation` we use. */
interface SelfieSegmentationLike {
  setOptions(options: { modelSelection?: number; selfieMode?: boolean; useCpuInference?: boolean }): void;
  onResults(listener: (results: { segmentationMask: ImageBitmap | HTMLCanvasElement }) => void): void;
  initialize(): Promise<void>;
  send(inputs: { image: HTMLCanvasElement }): Promise<void>;
  close(): Promise<void>;
}
type SelfieSegmentationCtor = new (config: { locateFile: (file: string) => string }) => SelfieSegmentationLike;

/** Where the model runs: `cpu` (WebAssembly SIMD, steady everywhere) or `gpu` (WebGL). */
export type SegmentationInference = 'cpu' | 'gpu';

/** A person segmenter: draw a frame into `input`, `segment()`, read `mask` (person = 1). */
export interface Segmenter {
  /** Width and height of the frames it takes (256 wide, the camera's aspect). */
  readonly input: HTMLCanvasElement;
  /** Segments what `input` holds; calls `onMask` with the mask before resolving. */
  segment(onMask: (mask: ImageBitmap | HTMLCanvasElement) => void): Promise<void>;
  close(): void;
}

const LOAD_TIMEOUT_MS = 30_000;

/**
 * Gives back the WebGL contexts the runtime created. Closing the solution frees its graph but
 * leaves its contexts to the garbage collector, and Chromium drops the oldest context of the
 * page once 16 are alive. The runtime keeps them in its Emscripten `GL.contexts` table (the
 * property names are those of the pinned package version; anything else is left alone).
 */
function releaseGlContexts(solution: SelfieSegmentationLike): void {
  const inner = (solution as unknown as { h?: { i?: { GL?: { contexts?: Array<{ GLctx?: WebGLRenderingContext } | null> } }; K?: WebGLRenderingContext } }).h;
  const contexts = [...(inner?.i?.GL?.contexts ?? []).map((c) => c?.GLctx), inner?.K];
  for (const gl of new Set(contexts)) {
    if (gl && typeof gl.getExtension === 'function' && !gl.isContextLost()) gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

/** Loads the segmentation loader script once per page (it defines `window.SelfieSegmentation`). */
function loadRuntime(assetsUrl: string): Promise<SelfieSegmentationCtor> {
  const existing = (window as { SelfieSegmentation?: SelfieSegmentationCtor }).SelfieSegmentation;
  if (existing) return Promise.resolve(existing);
  const src = effectAssetUrl(assetsUrl, 'selfie_segmentation.js');
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    const failed = () => reject(new MeetingError('media-failed', `background effect runtime not found at ${src}: serve the effect assets there`));
    script.addEventListener('error', failed, { once: true });
    script.addEventListener(
      'load',
      () => {
        const ctor = (window as { SelfieSegmentation?: SelfieSegmentationCtor }).SelfieSegmentation;
        // A server that answers unknown paths with its app page "loads" fine but defines nothing.
        if (ctor) resolve(ctor);
        else failed();
      },
      { once: true },
    );
    document.head.append(script);
  });
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MeetingError('media-failed', `${what} took longer than ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Creates a person segmenter for frames of `width`×`height`: MediaPipe Selfie Segmentation, with
 * its model, graph and WebAssembly runtime loaded from `assetsUrl` only. 16:9-ish cameras get
 * the landscape model (256×144), others the general one (256×256).
 */
export async function createSegmenter(options: { assetsUrl: string; width: number; height: number; inference: SegmentationInference }): Promise<Segmenter> {
  const Ctor = await withTimeout(loadRuntime(options.assetsUrl), 'loading the background effect runtime');
  const solution = new Ctor({ locateFile: (file) => effectAssetUrl(options.assetsUrl, file) });
  const landscape = options.width / options.height >= 1.5;
  solution.setOptions({ modelSelection: landscape ? 1 : 0, selfieMode: false, useCpuInference: options.inference === 'cpu' });
  let deliver: ((mask: ImageBitmap | HTMLCanvasElement) => void) | null = null;
  solution.onResults(({ segmentationMask }) => {
    deliver?.(segmentationMask);
    // The mask is ours once delivered; an ImageBitmap holds memory until closed.
    if (typeof ImageBitmap !== 'undefined' && segmentationMask instanceof ImageBitmap) segmentationMask.close();
  });
  const input = document.createElement('canvas');
  input.width = 256;
  input.height = Math.max(1, Math.round((256 * options.height) / options.width));
  const release = () => {
    void solution.close();
    releaseGlContexts(solution);
  };
  try {
    await withTimeout(solution.initialize(), 'loading the segmentation model');
    // The graph starts on the first frame (about a second): do it now, on a blank frame, so
    // start() resolves ready and the first camera frames are not held up.
    await withTimeout(solution.send({ image: input }), 'starting the segmentation model');
  } catch (error) {
    release();
    if (error instanceof MeetingError) throw error;
    const base = effectAssetUrl(options.assetsUrl, '');
    throw new MeetingError('media-failed', `segmentation model or runtime did not load from ${base}: ${String((error as Error)?.message ?? error)}`, { cause: error });
  }
  let closed = false;
  return {
    input,
    async segment(onMask) {
      if (closed) return;
      deliver = onMask;
      try {
        await solution.send({ image: input });
      } finally {
        deliver = null;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      release();
    },
  };
}
