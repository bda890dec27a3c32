import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { copyEffectAssets, effectAssetSource } from './copy-assets';
import { EFFECT_ASSETS } from './manifest';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'effect-assets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('copyEffectAssets', () => {
  it('copies every listed file, byte for byte, with the documented sizes', async () => {
    const dir = join(tempDir(), 'public', 'mentara-effects');
    const copied = await copyEffectAssets(dir);
    expect(copied.map((c) => c.file)).toEqual(EFFECT_ASSETS.map((a) => a.file));
    expect(readdirSync(dir).sort()).toEqual(EFFECT_ASSETS.map((a) => a.file).sort());
    for (const asset of EFFECT_ASSETS) {
      const copy = readFileSync(join(dir, asset.file));
      expect(copy.length).toBe(asset.bytes);
      expect(copy.equals(readFileSync(effectAssetSource(asset)))).toBe(true);
    }
  });

  it('names the install command when an optional effect package is missing', () => {
    const missing = { ...EFFECT_ASSETS[0]!, from: '@mediapipe/selfie_segmentation/not-a-file-of-it.js' };
    expect(() => effectAssetSource(missing)).toThrow(/npm install @mediapipe\/selfie_segmentation@0\.1\.1675465747/);
  });

  it('copies only the files one effect needs', async () => {
    const dir = tempDir();
    const copied = await copyEffectAssets(dir, { use: ['noise-suppression'] });
    expect(copied.map((c) => c.file).sort()).toEqual(['rnnoise-worklet.js', 'rnnoise.wasm', 'rnnoise_simd.wasm']);
  });

  it('the worklet and wasm are what the processors expect: a registered RNNoise processor and valid WebAssembly', () => {
    const source = (file: string) => readFileSync(effectAssetSource(EFFECT_ASSETS.find((a) => a.file === file)!));
    expect(source('rnnoise-worklet.js').toString()).toContain("registerProcessor(`@sapphi-red/web-noise-suppressor/rnnoise`");
    for (const file of ['rnnoise.wasm', 'rnnoise_simd.wasm', 'selfie_segmentation_solution_simd_wasm_bin.wasm', 'selfie_segmentation_solution_wasm_bin.wasm']) {
      expect(WebAssembly.validate(source(file)), file).toBe(true);
    }
    expect(source('selfie_segmentation.js').toString()).toContain('Aa("SelfieSegmentation",nd)');
  });

  it('the mentara-effect-assets command copies into the folder it is given', async () => {
    const dir = tempDir();
    const cli = new URL('./cli.ts', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)('npx', ['tsx', cli, dir, '--only', 'background'], { cwd: process.cwd() });
    expect(stdout).toContain('8 files copied');
    expect(readdirSync(dir)).toContain('selfie_segmentation.tflite');
    await expect(promisify(execFile)('npx', ['tsx', cli], { cwd: process.cwd() })).rejects.toMatchObject({ code: 64 });
  });
});
