#!/usr/bin/env node
/**
 * Screenshots of stories for checking by eye, and the layout figures that can be measured: every
 * story whose id contains `--filter`, at 1280×800 and 390×844, light and dark, after its play
 * function. Prints per shot whether anything overflows the viewport sideways and which visible
 * elements stick out of it. PNGs go to `test-results/stories/` (git-ignored).
 *
 * Usage (after `npm run build-storybook`, inside the loopback-only namespace):
 *   bash scripts/netns-run.sh node .storybook/screenshot-stories.mjs --filter session
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliOption, launchChromium, readStories, serveStatic } from './static-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => cliOption(args, name, fallback);
const dir = resolve(root, option('--dir', 'storybook-static'));
const out = resolve(root, option('--out', 'test-results/stories'));
const filter = option('--filter', '');
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
const THEMES = ['light', 'dark'];

const server = await serveStatic(dir);
const base = server.base;
const stories = await readStories(dir, (e) => !filter || e.id.includes(filter));
await mkdir(out, { recursive: true });
const browser = await launchChromium();
let problems = 0;
try {
  for (const viewport of VIEWPORTS) {
    const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
    for (const theme of THEMES) {
      for (const story of stories) {
        await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme}`, { waitUntil: 'load' });
        // The play function's end, or its failure; then let transitions settle.
        await page
          .waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, null, { timeout: 15_000 })
          .catch(() => undefined);
        await page.waitForTimeout(2500);
        const file = join(out, `${story.id}--${viewport.name}-${theme}.png`);
        await page.screenshot({ path: file });
        const layout = await page.evaluate(() => {
          const width = window.innerWidth;
          const outside = [...document.querySelectorAll('#storybook-root .mm-root *')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('.mm-visually-hidden')) return false;
              return r.right > width + 0.5 || r.left < -0.5;
            })
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
          return { overflow: document.documentElement.scrollWidth > width, outside };
        });
        const bad = layout.overflow || layout.outside.length > 0;
        if (bad) problems += 1;
        console.log(`${bad ? '✗' : '✓'} ${story.id} ${viewport.name} ${theme}${bad ? ` overflow=${layout.overflow} outside=${layout.outside.join(', ')}` : ''}`);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\n${stories.length} stories × ${VIEWPORTS.length} viewports × ${THEMES.length} themes in ${out}; ${problems} with overflow`);
process.exit(problems === 0 ? 0 : 1);
