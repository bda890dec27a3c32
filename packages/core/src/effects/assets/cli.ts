#!/usr/bin/env node
/**
 * `mentara-effect-assets <dir> [--only background|noise-suppression]`: copies the files the
 * background and noise effects load into a folder the app serves (e.g. `public/mentara-effects`).
 */
import { parseArgs } from 'node:util';
import { copyEffectAssets } from './copy-assets';
import type { EffectAssetUse } from './manifest';

const USES: readonly EffectAssetUse[] = ['background', 'noise-suppression'];
const { positionals, values } = parseArgs({ allowPositionals: true, options: { only: { type: 'string' } } });
const [target] = positionals;
const only = values.only as EffectAssetUse | undefined;
if (!target || (only !== undefined && !USES.includes(only))) {
  console.error('usage: mentara-effect-assets <dir> [--only background|noise-suppression]');
  process.exit(64);
}
copyEffectAssets(target, only ? { use: [only] } : {}).then(
  (copied) => {
    for (const file of copied) console.log(`${file.file.padEnd(50)} ${(file.bytes / 1024).toFixed(0).padStart(6)} KB`);
    console.log(`${copied.length} files copied to ${target}`);
  },
  (error: unknown) => {
    console.error(String((error as Error)?.message ?? error));
    process.exit(1);
  },
);
