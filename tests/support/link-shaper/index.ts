export { createLinkShaper, playShapeScript, type LinkShaper, type LinkShaperOptions, type FloodOptions, type ShaperEndpoint, type ShapeStep } from './link-shaper';
export { createDirection, type DirectionStats, type ShapedDirection, type PushOutcome } from './direction';
export { LINK_PRESETS, normaliseShape, symmetric, type LinkPresetName, type LinkProfile, type LinkShape } from './shape';
export { seededRandom } from './seeded-random';
