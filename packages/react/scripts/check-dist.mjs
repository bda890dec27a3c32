#!/usr/bin/env node
/**
 * Checks the built package and prints the size budget. Run after `npm run build -w @mentara/meetings`
 * (and core's build for the dist-based figure):
 *   node packages/react/scripts/check-dist.mjs
 * - `'use client'` is the first directive of dist/index.js and dist/index.cjs
 * - core stays external (imported, not bundled); no `export *` in the entry or its types
 * - dist/styles.css exists
 * - budget: an app rendering <MeetingRoom/> (React external), minified + gzip, plus the CSS
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? '✓' : '✗'} ${what}`);
  if (!ok) failures.push(what);
};

const esm = await readFile(join(pkg, 'dist/index.js'), 'utf8');
const cjs = await readFile(join(pkg, 'dist/index.cjs'), 'utf8');
const dts = await readFile(join(pkg, 'dist/index.d.ts'), 'utf8');
const css = await readFile(join(pkg, 'dist/styles.css'), 'utf8');
const directive = /^(?:\s*(["'])use strict\1;?\s*)?(["'])use client\2/;
check(directive.test(esm), "dist/index.js starts with 'use client'");
check(directive.test(cjs), "dist/index.cjs starts with 'use client'");
check(/from "@mentara\/meetings-core"/.test(esm) && /require\("@mentara\/meetings-core"\)/.test(cjs), 'core imported, not bundled');
check(!/socket\.io|simple-peer/.test(esm), 'no core internals in the React bundle');
check(!/export \*/.test(esm) && !/export \*/.test(dts), 'no export * walls');
// Two declarations with one name come out renamed (`Props$1`), which editors then show to users.
check(!/\b\w+\$\d+\b/.test(dts), 'every type in the d.ts has one name (no X$1 renames)');
check(css.includes('.mm-root'), 'dist/styles.css present');

const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
async function bundle(entry, conditions) {
  const result = await build({
    stdin: { contents: entry, resolveDir: pkg, loader: 'tsx' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
const app = `import { MeetingRoom } from '@mentara/meetings'; export const App = () => <MeetingRoom meetingId="m" serverUrl="https://example.com" />;`;
const coreOnly = `export { createMeetingClient } from '@mentara/meetings-core';`;
// The published files: both packages' dist, as an app's bundler sees them.
const full = await bundle(app, []);
const core = await bundle(coreOnly, []);
const reactLayer = await build({
  entryPoints: [join(pkg, 'dist/index.js')],
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  external: ['react', 'react-dom', 'react/jsx-runtime', '@mentara/meetings-core'],
  logLevel: 'silent',
}).then((r) => r.outputFiles[0].text);
console.log(`\nbudget (minified + gzip, React external):`);
console.log(`  app with <MeetingRoom/> + core + deps: ${kb(gz(full))}`);
console.log(`  styles.css:                            ${kb(gz(css))}`);
console.log(`  total:                                 ${kb(gz(full) + gz(css))} (budget 65 KB)`);
console.log(`  core alone:                            ${kb(gz(core))}`);
console.log(`  React layer (core external):           ${kb(gz(reactLayer))}`);
check(gz(full) + gz(css) <= 65 * 1024, 'total within 65 KB gzip');
if (failures.length) {
  console.error(`\n${failures.length} check(s) failed`);
  process.exit(1);
}
