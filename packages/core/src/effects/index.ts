/**
 * `@mentara/meetings-core/effects` — background blur, background replacement and noise
 * suppression as track processors, loaded on demand. Every model, runtime and worklet comes
 * from the host app's own origin (`assetsUrl`); nothing is fetched from a third party.
 *
 * @packageDocumentation
 */
export type { TrackProcessor, TrackProcessorState } from '../media/track-processor';
export { createProcessedTrack, type ProcessedTrack, type ProcessedTrackOptions } from '../media/processed-track';
export {
  createBackgroundProcessor,
  type BackgroundEffect,
  type BackgroundProcessor,
  type BackgroundProcessorOptions,
  type BackgroundProcessorStats,
} from './background/background-processor';
export type { BackgroundImageSource } from './background/background-image';
export type { SegmentationInference } from './background/segmenter';
export {
  createNoiseSuppressor,
  type ActiveNoiseSuppression,
  type NoiseSuppressionMode,
  type NoiseSuppressor,
  type NoiseSuppressorOptions,
} from './noise/noise-suppressor';
export {
  backgroundProcessingSupport,
  isBackgroundProcessingSupported,
  noiseSuppressionSupport,
  type BackgroundProcessingSupport,
  type NoiseSuppressionSupport,
} from './support';
export { EFFECT_ASSETS, effectAssetUrl, type EffectAsset, type EffectAssetUse } from './assets/manifest';
