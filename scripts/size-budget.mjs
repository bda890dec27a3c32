#!/usr/bin/env node
// Size budget: bundles what an application would ship (esbuild, minified, browser platform)
// and prints gzip sizes. Exits non-zero when a budget is exceeded or when a bundle still
// references a Node global (`process`, `global`, `Buffer`, `require`) that a plain Vite or
// Next.js app would have to polyfill.
//
//   node scripts/size-budget.mjs
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { simplePeerAliases } from '../packages/core/build/simple-peer-aliases.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
// React: 65 KB until <MeetingRoom/> took in the session flow's screens (waiting room, admit queue,
// participant list with host actions, leave dialog, session timer) and the call experience
// (spotlight and grid layouts, labelled controls, unread chat, permission help, invite card,
// timer, shortcuts): 87.0 KB with both, December 2026. Splitting the room's rarely shown screens
// into lazily loaded chunks is the way back down. The effects and the pre-call check stay out of
// it: dynamic imports, own budgets.
// Ready script: 150 KB until <MeetingRoom/> took in the session flow (waiting room, admit prompt,
// participant list with host actions, leave and end dialogs, timer, lock): 152.6 KB with its
// stylesheet minified and the effects entry left out (the element offers no effects), December 2026.
// precall: measured with everything bundled (socket.io-client included, which an app already has).
const BUDGETS = { core: 48 * KB, react: 90 * KB, effects: 30 * KB, precall: 20 * KB, readyScript: 160 * KB };
const NODE_GLOBALS = ['process', 'global', 'Buffer', 'require', '__dirname'];

/**
 * React and React DOM are the application's own, so they are not counted: each resolves to an
 * empty module. (Marking them external instead would leave a `require('react')` from CommonJS
 * dependencies such as use-sync-external-store, which an application's bundler resolves.)
 */
const appOwnsReact = {
  name: 'app-owns-react',
  setup(b) {
    b.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'app-owns-react' }));
    b.onLoad({ filter: /.*/, namespace: 'app-owns-react' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/** Bundle one entry; free references to Node globals are replaced by markers we can detect. */
async function bundle(entry, options = {}) {
  const code = await bundleBytes(entry, options);
  const text = new TextDecoder().decode(code);
  const nodeGlobals = MARKED_GLOBALS.filter((g) => text.includes(`__NODE_GLOBAL_${g}__`));
  if (/\btypeof require\b/.test(text)) nodeGlobals.push('require');
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, nodeGlobals };
}

/** The minified bundle of one entry, as text. */
async function bundleText(entry, options = {}) {
  return new TextDecoder().decode(await bundleBytes(entry, options));
}

/**
 * `require` is not replaced: esbuild must see the `require()` calls of CommonJS dependencies to
 * bundle them. One it cannot resolve stays behind its `__require` shim, which reads the global.
 */
const MARKED_GLOBALS = NODE_GLOBALS.filter((g) => g !== 'require');

async function bundleBytes(entry, { external = [], alias = {}, conditions = [], plugins = [] } = {}) {
  const define = {
    ...Object.fromEntries(MARKED_GLOBALS.map((g) => [g, `__NODE_GLOBAL_${g}__`])),
    // Every application bundler (Vite, Next.js, webpack) replaces this one; other uses of
    // `process` are still caught.
    'process.env.NODE_ENV': '"production"',
  };
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'error',
    absWorkingDir: root,
    external,
    alias,
    conditions,
    define,
    plugins,
  });
  return out.outputFiles[0].contents;
}

const fmt = (n) => `${(n / KB).toFixed(1)} KB`;
let failed = false;
const report = (name, r, budget) => {
  const over = budget !== undefined && r.gzip > budget;
  const status = over ? 'OVER BUDGET' : budget !== undefined ? 'ok' : 'info';
  console.log(`${name.padEnd(44)} min ${fmt(r.min).padStart(9)}  gzip ${fmt(r.gzip).padStart(8)}${budget ? `  / ${fmt(budget)}` : ''}  ${status}`);
  if (r.nodeGlobals.length > 0) {
    console.log(`  ✗ references Node globals: ${r.nodeGlobals.join(', ')}`);
    failed = true;
  }
  if (over) failed = true;
};

// Core: the published dist when built, else the source with the same simple-peer aliases.
const coreDist = join(root, 'packages/core/dist/index.js');
const fromDist = existsSync(coreDist);
const coreOptions = fromDist ? {} : { alias: simplePeerAliases, conditions: ['@mentara/source'] };
const coreEntry = fromDist ? coreDist : join(root, 'packages/core/src/index.ts');
console.log(`core measured from ${fromDist ? 'packages/core/dist' : 'packages/core/src (dist not built)'}`);
report('@mentara/meetings-core (all deps bundled)', await bundle(coreEntry, coreOptions), BUDGETS.core);
const testingEntry = fromDist ? join(root, 'packages/core/dist/testing.js') : join(root, 'packages/core/src/testing/index.ts');
report('@mentara/meetings-core/testing', await bundle(testingEntry, coreOptions));

// The pre-call check: its own entry, loaded on demand by usePrecallCheck.
const precallEntry = fromDist ? join(root, 'packages/core/dist/precall.js') : join(root, 'packages/core/src/precall/index.ts');
report('@mentara/meetings-core/precall', await bundle(precallEntry, coreOptions), BUDGETS.precall);

// Effects: the lazily imported entry's own JavaScript (everything bundled). Its model, runtime
// and worklet files are served by the app, not bundled: listed below for the record.
const effectsEntry = fromDist ? join(root, 'packages/core/dist/effects.js') : join(root, 'packages/core/src/effects/index.ts');
report('@mentara/meetings-core/effects (JS only)', await bundle(effectsEntry, coreOptions), BUDGETS.effects);
const { EFFECT_ASSETS } = await import(pathToFileURL(join(root, fromDist ? 'packages/core/dist/effects.js' : 'packages/core/src/effects/assets/manifest.ts')).href).catch(() => ({ EFFECT_ASSETS: null }));
if (EFFECT_ASSETS) {
  const total = EFFECT_ASSETS.reduce((sum, a) => sum + a.bytes, 0);
  console.log(`  effect assets served by the app (not in the budget): ${EFFECT_ASSETS.length} files, ${(total / KB / KB).toFixed(1)} MB`);
}
// The main entry must not pull the effects in: nothing of them may appear in its bundle.
const coreText = await bundleText(coreEntry, coreOptions);
if (/selfie_segmentation|rnnoise|createBackgroundProcessor/.test(coreText)) {
  console.log('  ✗ @mentara/meetings-core includes effects code: src/index.ts must not import src/effects');
  failed = true;
}

// React: dist JS + styles.css, everything but react/react-dom bundled.
const reactDist = join(root, 'packages/react/dist/index.js');
const reactCss = join(root, 'packages/react/dist/styles.css');
if (existsSync(reactDist)) {
  const js = await bundle(reactDist, {
    // Loaded with a dynamic import() only: an app's bundler puts them in chunks of their own,
    // fetched when a person turns an effect on or runs the pre-call check (measured above).
    external: ['@mentara/meetings-core/effects', '@mentara/meetings-core/precall'],
    plugins: [appOwnsReact],
    conditions: fromDist ? [] : ['@mentara/source'],
    alias: fromDist ? {} : simplePeerAliases,
  });
  const css = existsSync(reactCss) ? readFileSync(reactCss) : Buffer.alloc(0);
  const cssGzip = gzipSync(css, { level: 9 }).length;
  console.log(`  styles.css: min ${fmt(css.length)}, gzip ${fmt(cssGzip)}`);
  report('@mentara/meetings (JS + CSS, without React)', { ...js, min: js.min + css.length, gzip: js.gzip + cssGzip }, BUDGETS.react);
} else {
  console.log('@mentara/meetings: packages/react/dist not built — skipped (run `npm run build`)');
}

// The ready script of <mentara-meeting>: the whole file a page without a build step loads —
// React and React DOM included (the page has none of its own), styles inside. Measured as built.
const readyScript = join(root, 'packages/react/dist/mentara-meeting.js');
if (existsSync(readyScript)) {
  const code = readFileSync(readyScript);
  report('<mentara-meeting> ready script (with React)', { min: code.length, gzip: gzipSync(code, { level: 9 }).length, nodeGlobals: [] }, BUDGETS.readyScript);
} else {
  console.log('@mentara/meetings/mentara-meeting.js: not built — skipped (run `npm run build`)');
}

if (failed) {
  console.error('size budget: FAILED');
  process.exit(1);
}
console.log('size budget: ok');
