import { describe, expect, it } from 'vitest';
import { EFFECT_ASSETS, effectAssetUrl } from './manifest';

describe('effectAssetUrl', () => {
  it('joins a base with or without a trailing slash, absolute or page-relative', () => {
    expect(effectAssetUrl('https://app.example/fx', 'rnnoise.wasm')).toBe('https://app.example/fx/rnnoise.wasm');
    expect(effectAssetUrl('https://app.example/fx/', 'rnnoise.wasm')).toBe('https://app.example/fx/rnnoise.wasm');
    // Outside a page, relative bases resolve against http://localhost/.
    expect(effectAssetUrl('/static/effects', 'selfie_segmentation.js')).toBe('http://localhost/static/effects/selfie_segmentation.js');
  });

  it('lists each file once, for one of the two effects', () => {
    expect(new Set(EFFECT_ASSETS.map((a) => a.file)).size).toBe(EFFECT_ASSETS.length);
    for (const asset of EFFECT_ASSETS) expect(['background', 'noise-suppression']).toContain(asset.use);
  });
});
