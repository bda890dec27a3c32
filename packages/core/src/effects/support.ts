/**
 * How this browser can run the background effects: `insertable-streams` (frames read with
 * `MediaStreamTrackProcessor`, written with `MediaStreamTrackGenerator`: Chromium browsers),
 * `canvas` (a `<video>` drawn into a WebGL canvas and sent with `captureStream`: Firefox,
 * Safari), or `unsupported` (no WebGL2, no WebAssembly, or not a browser).
 */
export type BackgroundProcessingSupport = 'insertable-streams' | 'canvas' | 'unsupported';

/**
 * How this browser can suppress noise: `rnnoise` (AudioWorklet + WebAssembly), `browser` (only
 * the browser's own `noiseSuppression` capture constraint), or `unsupported`.
 */
export type NoiseSuppressionSupport = 'rnnoise' | 'browser' | 'unsupported';

/** A WebGL2 context can be created (then released at once, so the check holds no context). */
function hasWebGl2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

/**
 * Which background pipeline this browser gets. Safe to call on a server (`unsupported`).
 *
 * @example
 * if (backgroundProcessingSupport() !== 'unsupported') showBackgroundMenu()
 */
export function backgroundProcessingSupport(): BackgroundProcessingSupport {
  if (typeof document === 'undefined' || typeof WebAssembly !== 'object' || !hasWebGl2()) return 'unsupported';
  const g = globalThis as { MediaStreamTrackProcessor?: unknown; MediaStreamTrackGenerator?: unknown; VideoFrame?: unknown };
  if (typeof g.MediaStreamTrackProcessor === 'function' && typeof g.MediaStreamTrackGenerator === 'function' && typeof g.VideoFrame === 'function') {
    return 'insertable-streams';
  }
  const canCapture = typeof HTMLCanvasElement !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
  return canCapture ? 'canvas' : 'unsupported';
}

/** Whether background blur and replacement can run here: a UI simply does not offer them otherwise. */
export function isBackgroundProcessingSupported(): boolean {
  return backgroundProcessingSupport() !== 'unsupported';
}

/** Which noise suppression this browser gets. Safe to call on a server (`unsupported`). */
export function noiseSuppressionSupport(): NoiseSuppressionSupport {
  if (typeof navigator === 'undefined' || typeof window === 'undefined') return 'unsupported';
  const g = globalThis as { AudioWorkletNode?: unknown; AudioContext?: unknown };
  if (typeof g.AudioWorkletNode === 'function' && typeof g.AudioContext === 'function' && typeof WebAssembly === 'object') return 'rnnoise';
  const supported = navigator.mediaDevices?.getSupportedConstraints?.() as MediaTrackSupportedConstraints | undefined;
  return supported?.noiseSuppression ? 'browser' : 'unsupported';
}

/** Whether WebAssembly SIMD is available (picks the SIMD build of a runtime). */
export function hasWasmSimd(): boolean {
  // The smallest module using a v128 instruction; validation fails without SIMD.
  const bytes = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
  try {
    return WebAssembly.validate(new Uint8Array(bytes));
  } catch {
    return false;
  }
}
