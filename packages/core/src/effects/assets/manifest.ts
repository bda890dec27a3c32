/** Which effect needs a file. */
export type EffectAssetUse = 'background' | 'noise-suppression';

/** One file the host app serves for the effects, under the `assetsUrl` it gives the processors. */
export interface EffectAsset {
  /** File name under `assetsUrl`. */
  readonly file: string;
  /** Where it comes from: the module specifier (package and path or export) in node_modules. */
  readonly from: string;
  /** Size in bytes of the pinned package version's file. */
  readonly bytes: number;
  readonly use: EffectAssetUse;
  /** What it is and when the browser fetches it. */
  readonly note: string;
}

const MP = '@mediapipe/selfie_segmentation';
const NS = '@sapphi-red/web-noise-suppressor';

/**
 * Every file the effects load at run time, all from the app's own origin. Nothing else is
 * fetched: no CDN, no model hub. A browser downloads only the files its features need (the
 * SIMD or the plain build, one of the two models).
 */
export const EFFECT_ASSETS: readonly EffectAsset[] = [
  { file: 'selfie_segmentation.js', from: `${MP}/selfie_segmentation.js`, bytes: 44_542, use: 'background', note: 'segmentation runtime loader (classic script)' },
  { file: 'selfie_segmentation.binarypb', from: `${MP}/selfie_segmentation.binarypb`, bytes: 362, use: 'background', note: 'segmentation graph' },
  { file: 'selfie_segmentation.tflite', from: `${MP}/selfie_segmentation.tflite`, bytes: 249_024, use: 'background', note: 'person segmentation model, 256×256 (cameras narrower than 3:2)' },
  { file: 'selfie_segmentation_landscape.tflite', from: `${MP}/selfie_segmentation_landscape.tflite`, bytes: 249_792, use: 'background', note: 'person segmentation model, 256×144 (16:9 cameras)' },
  { file: 'selfie_segmentation_solution_simd_wasm_bin.js', from: `${MP}/selfie_segmentation_solution_simd_wasm_bin.js`, bytes: 276_493, use: 'background', note: 'WebAssembly glue, SIMD build' },
  { file: 'selfie_segmentation_solution_simd_wasm_bin.wasm', from: `${MP}/selfie_segmentation_solution_simd_wasm_bin.wasm`, bytes: 5_694_839, use: 'background', note: 'segmentation runtime, SIMD build (current browsers)' },
  { file: 'selfie_segmentation_solution_wasm_bin.js', from: `${MP}/selfie_segmentation_solution_wasm_bin.js`, bytes: 276_488, use: 'background', note: 'WebAssembly glue, plain build' },
  { file: 'selfie_segmentation_solution_wasm_bin.wasm', from: `${MP}/selfie_segmentation_solution_wasm_bin.wasm`, bytes: 5_587_523, use: 'background', note: 'segmentation runtime for browsers without WebAssembly SIMD' },
  { file: 'rnnoise-worklet.js', from: `${NS}/rnnoiseWorklet.js`, bytes: 64_483, use: 'noise-suppression', note: 'RNNoise AudioWorklet processor (module)' },
  { file: 'rnnoise_simd.wasm', from: `${NS}/rnnoise_simd.wasm`, bytes: 157_234, use: 'noise-suppression', note: 'RNNoise, SIMD build (current browsers)' },
  { file: 'rnnoise.wasm', from: `${NS}/rnnoise.wasm`, bytes: 152_656, use: 'noise-suppression', note: 'RNNoise for browsers without WebAssembly SIMD' },
];

/**
 * The URL of an effect file under `assetsUrl`, which may be absolute (`https://app.example/fx/`)
 * or relative to the page (`/fx`, `fx/`); a missing trailing slash is added.
 */
export function effectAssetUrl(assetsUrl: string, file: string): string {
  const base = assetsUrl.endsWith('/') ? assetsUrl : `${assetsUrl}/`;
  // Relative bases resolve against the page, as the browser would for a <script src>.
  const page = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  return new URL(file, new URL(base, page)).href;
}
