/**
 * `@mentara/meetings-core/effects/assets` — Node helper that copies the background and
 * noise-suppression files into a folder the host app serves.
 *
 * @packageDocumentation
 */
export { copyEffectAssets, effectAssetSource, type CopiedEffectAsset, type CopyEffectAssetsOptions } from './copy-assets';
export { EFFECT_ASSETS, type EffectAsset, type EffectAssetUse } from './manifest';
