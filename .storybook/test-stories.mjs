#!/usr/bin/env node
/**
 * Story tests in Chromium: serves a static Storybook build on a free loopback port, opens its
 * preview once in headless Chromium (playwright-core, system browser, no download), then renders
 * every story tagged `test` in turn — waiting for its play function — and runs axe-core (with
 * colour contrast) on each. Prints one line per story and `N passed, N failed`.
 *
 * Every story runs once per theme (light and dark), so colour contrast is checked in both.
 *
 * Usage: node .storybook/test-stories.mjs [--build] [--dir storybook-static] [--filter text] [--themes light,dark]
 * Run inside a loopback-only namespace: unshare -n sh -c 'ip link set lo up && node .storybook/test-stories.mjs --build'
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliOption, launchChromium, readStories, serveStatic } from './static-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => cliOption(args, name, fallback);
const dir = resolve(root, option('--dir', 'storybook-static'));
const filter = option('--filter', '');
const STORY_TIMEOUT_MS = 15_000;
const THEMES = option('--themes', 'light,dark').split(',');
const started = Date.now();

if (args.includes('--build')) {
  execFileSync(join(root, 'node_modules/.bin/storybook'), ['build', '-c', '.storybook', '-o', dir, '--quiet'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
}

const server = await serveStatic(dir);
const base = server.base;
const stories = await readStories(dir, (e) => (e.tags ?? []).includes('test') && (!filter || e.id.includes(filter)));
const browser = await launchChromium();
let passed = 0;
let failed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleErrors = [];
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('response', (response) => response.status() >= 400 && consoleErrors.push(`HTTP ${response.status()} ${response.url()}`));
  await page.goto(`${base}/iframe.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => globalThis.__STORYBOOK_ADDONS_CHANNEL__ && globalThis.__STORYBOOK_PREVIEW__, null, { timeout: 30_000 });
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });

  const runs = THEMES.flatMap((theme) => stories.map((story) => ({ story, theme })));
  let currentTheme = '';
  for (const { story, theme } of runs) {
    if (theme !== currentTheme) {
      currentTheme = theme;
      // The preview's theme toolbar global: every story is checked (axe contrast too) in each theme.
      await page.evaluate((t) => globalThis.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { theme: t } }), theme);
    }
    consoleErrors.length = 0;
    const t0 = Date.now();
    const outcome = await page.evaluate(
      ({ id, timeoutMs }) =>
        new Promise((done) => {
          const channel = globalThis.__STORYBOOK_ADDONS_CHANNEL__;
          const events = {
            storyRendered: () => ({ ok: true }),
            playFunctionThrewException: (e) => ({ ok: false, error: `play: ${e?.message ?? e}` }),
            storyThrewException: (e) => ({ ok: false, error: `render: ${e?.message ?? e}` }),
            storyErrored: (e) => ({ ok: false, error: `errored: ${e?.title ?? ''} ${e?.description ?? ''}` }),
            storyMissing: () => ({ ok: false, error: 'missing' }),
            unhandledErrorsWhilePlaying: (e) => ({ ok: false, error: `unhandled: ${JSON.stringify(e)}` }),
          };
          const handlers = {};
          const finish = (result) => {
            clearTimeout(timer);
            for (const [name, handler] of Object.entries(handlers)) channel.off(name, handler);
            done(result);
          };
          for (const [name, toResult] of Object.entries(events)) {
            handlers[name] = (payload) => {
              // `storyRendered` carries the id itself; the others an object with `storyId`. Events of
              // another story (the previous one re-rendered for a new theme) are not this story's end.
              const from = typeof payload === 'string' ? payload : payload && typeof payload === 'object' && 'storyId' in payload ? payload.storyId : id;
              if (from !== id) return;
              finish(toResult(payload));
            };
            channel.on(name, handlers[name]);
          }
          const timer = setTimeout(() => finish({ ok: false, error: `timeout after ${timeoutMs} ms` }), timeoutMs);
          channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
        }),
      { id: story.id, timeoutMs: STORY_TIMEOUT_MS },
    );
    let problems = outcome.ok ? [] : [outcome.error];
    // Let transitions settle (contrast is measured on final colours) and late errors arrive.
    await page.waitForTimeout(outcome.ok ? 250 : 100);
    if (outcome.ok) {
      const applied = await page.evaluate(() => document.querySelector('#storybook-root .mm-root')?.getAttribute('data-theme'));
      if (applied !== theme) problems.push(`theme: expected ${theme}, preview has ${applied}`);
      const violations = await page.evaluate(async () => {
        const result = await globalThis.axe.run(document.getElementById('storybook-root'), {
          resultTypes: ['violations'],
        });
        return result.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      });
      problems = problems.concat(violations.map((v) => `axe: ${v}`));
    }
    problems = problems.concat(consoleErrors.map((e) => `console: ${e.slice(0, 300)}`));
    // eslint-disable-next-line no-control-regex
    problems = problems.map((p) => p.replace(/\u001b\[[0-9;]*m/g, ''));
    const ms = Date.now() - t0;
    if (problems.length === 0) {
      passed += 1;
      console.log(`  ✓ [${theme}] ${story.title} › ${story.name} (${ms} ms)`);
    } else {
      failed += 1;
      console.log(`  ✗ [${theme}] ${story.title} › ${story.name} (${ms} ms)\n      ${problems.join('\n      ')}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\nstories: ${stories.length} × themes: ${THEMES.join('+')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
