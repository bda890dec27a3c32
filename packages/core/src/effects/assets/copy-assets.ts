import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { EFFECT_ASSETS, type EffectAsset, type EffectAssetUse } from './manifest';

/** Options of {@link copyEffectAssets}. */
export interface CopyEffectAssetsOptions {
  /**
   * Copy only the files these effects need.
   * @default ['background', 'noise-suppression']
   */
  use?: readonly EffectAssetUse[];
}

/** One copied file. */
export interface CopiedEffectAsset {
  file: string;
  bytes: number;
  /** Absolute path of the copy. */
  path: string;
}

/** Absolute path of an asset inside its installed package. */
export function effectAssetSource(asset: EffectAsset): string {
  // Resolved from this package, so it finds the exact versions it depends on (also under pnpm).
  // The CJS build has no import.meta but has __filename.
  const here = typeof __filename === 'string' ? __filename : import.meta.url;
  try {
    return createRequire(here).resolve(asset.from);
  } catch (cause) {
    // The effect packages are optional peers: apps that use no effects do not download 12 MB.
    const pkg = asset.from.startsWith('@') ? asset.from.split('/').slice(0, 2).join('/') : asset.from.split('/')[0]!;
    throw new Error(`${pkg} is not installed; effects need it: npm install ${pkg}@${EFFECT_PEER_VERSIONS[pkg] ?? 'latest'}`, { cause });
  }
}

/** The exact versions of the optional peer packages the manifest's sizes belong to. */
const EFFECT_PEER_VERSIONS: Readonly<Record<string, string>> = {
  '@mediapipe/selfie_segmentation': '0.1.1675465747',
  '@sapphi-red/web-noise-suppressor': '0.4.1',
};

/**
 * Copies the effect files (segmentation model and runtime, RNNoise worklet and wasm) from the
 * installed packages into `targetDir`, which the app then serves as the processors' `assetsUrl`.
 * Throws when a source file is missing or has another size than the pinned version's.
 *
 * @example
 * // vite.config.ts, Next.js `prebuild`, or before `mentara-meetings-server --static dist`
 * await copyEffectAssets('public/mentara-effects')
 */
export async function copyEffectAssets(targetDir: string, options: CopyEffectAssetsOptions = {}): Promise<CopiedEffectAsset[]> {
  const use = options.use ?? ['background', 'noise-suppression'];
  const dir = resolve(targetDir);
  await mkdir(dir, { recursive: true });
  const copied: CopiedEffectAsset[] = [];
  for (const asset of EFFECT_ASSETS.filter((a) => use.includes(a.use))) {
    const source = effectAssetSource(asset);
    const { size } = await stat(source);
    if (size !== asset.bytes) {
      throw new Error(`${asset.from} has ${size} bytes, expected ${asset.bytes}: install the version @mentara/meetings-core pins`);
    }
    const path = join(dir, asset.file);
    await copyFile(source, path);
    copied.push({ file: asset.file, bytes: size, path });
  }
  return copied;
}
