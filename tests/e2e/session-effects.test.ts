/**
 * The React package's background picker in Chromium, on a real meeting client: choosing Blur
 * really blurs the room in the preview (measured on the fake camera's person-in-a-room picture),
 * the choice is applied again on the next visit, the effects entry comes as a chunk of its own,
 * and missing effect files end in the calm error with the camera shown as it is.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyEffectAssets } from '@mentara/meetings-core/effects/assets';
import { simplePeerAliases } from '../../packages/core/build/simple-peer-aliases.mjs';
import { collectPageErrors, launchChromium, type PageErrors } from '../support/chromium';
import { makeEffectFixtures, type EffectFixtures } from '../support/effects-fixtures';
import { decodeFrame, sharpness, shrinkRegion } from '../support/effects-measure';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.css': 'text/css' };

let dir: string;
let fixtures: EffectFixtures;
let server: Server;
let origin: string;
let browser: Browser;
const files = new Map<string, Buffer>();
/** Paths this test's server answered, in order. */
const served: string[] = [];
/** Every URL the pages asked for. */
const requested: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  context.on('request', (request) => requested.push(request.url()));
  return context.newPage();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mentara-session-effects-'));
  fixtures = makeEffectFixtures(dir);
  await copyEffectAssets(join(dir, 'fx'));
  const out = await build({
    entryPoints: { page: fileURLToPath(new URL('./session-effects.page.tsx', import.meta.url)) },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: '/out',
    write: false,
    jsx: 'automatic',
    logLevel: 'error',
    conditions: ['@mentara/source'],
    alias: simplePeerAliases,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  for (const file of out.outputFiles) files.set(file.path.replace(/^\/out/, ''), Buffer.from(file.contents));
  files.set('/styles.css', readFileSync(fileURLToPath(new URL('../../packages/react/src/styles.css', import.meta.url))));
  files.set('/', Buffer.from('<!doctype html><title>session effects</title><link rel="stylesheet" href="/styles.css"><body><script type="module" src="/page.js"></script></body>'));
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    served.push(path);
    let body = files.get(path);
    if (!body && path.startsWith('/fx/') && !path.includes('..')) {
      try {
        body = readFileSync(join(dir, 'fx', path.slice(4)));
      } catch {
        body = undefined;
      }
    }
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path === '/' ? '.html' : extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium({ extraArgs: [`--use-file-for-fake-video-capture=${fixtures.y4m}`] });
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const processor = (page: Page) => page.evaluate(() => window.__session.processor());

describe('BackgroundEffectPicker in Chromium on a real client', () => {
  let page: Page;
  let errors: PageErrors;

  it('blurs the room in the preview when Blur is chosen, loading the effects as a chunk of their own', async () => {
    page = await newPage();
    errors = collectPageErrors(page);
    await page.goto(`${origin}/`);
    const blur = page.getByRole('radio', { name: 'Blur' });
    await blur.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('radio', { name: 'None' }).isChecked()).toBe(true);
    // The page's own bundle has no effects code; a chunk with it was fetched when the picker mounted.
    expect(files.get('/page.js')!.toString()).not.toMatch(/selfie_segmentation|rnnoise/);
    const chunks = served.filter((path) => path !== '/page.js' && path.endsWith('.js'));
    expect(chunks.filter((path) => /selfie_segmentation/.test(files.get(path)!.toString()))).toHaveLength(1);

    const { scene } = fixtures;
    const background = shrinkRegion(scene.person, scene.width, scene.height, 0, 16);
    const raw = decodeFrame(await page.evaluate(() => window.__session.grab()));
    expect([raw.width, raw.height]).toEqual([640, 480]);
    await blur.check();
    await page.waitForSelector('.mm-effects[data-state="on"]', { timeout: 60_000 });
    expect(await processor(page)).toBe('background');
    expect(await page.getAttribute('.mm-preview', 'data-processor')).toBe('background');
    // Let the model's first masks arrive, then measure what the person sees (and sends).
    await page.waitForTimeout(1500);
    const blurred = decodeFrame(await page.evaluate(() => window.__session.grab(20)));
    const figures = { raw: sharpness(raw, background), blurred: sharpness(blurred, background) };
    console.log('[session-effects] background detail, raw → blurred:', JSON.stringify(figures));
    expect(figures.blurred).toBeLessThan(figures.raw / 10);
    expect(errors.pageErrors).toEqual([]);
  });

  it('applies the remembered choice again on the next visit', async () => {
    await page.reload();
    await page.waitForSelector('.mm-effects[data-state="on"]', { timeout: 60_000 });
    expect(await page.getByRole('radio', { name: 'Blur' }).isChecked()).toBe(true);
    expect(await processor(page)).toBe('background');
    await page.getByRole('radio', { name: 'None' }).check();
    await page.waitForSelector('.mm-effects[data-state="off"]');
    await page.context().close();
  });

  it('says calmly when the effect cannot run, and sends the camera as it is', async () => {
    const broken = await newPage();
    await broken.goto(`${origin}/?assets=/missing/`);
    // It fails fast (the files are missing): the choice falls back to None at once, so click, not check.
    await broken.getByRole('radio', { name: 'Blur' }).click({ timeout: 30_000 });
    await broken.waitForSelector('.mm-effects[data-state="error"]', { timeout: 60_000 });
    expect(await broken.textContent('.mm-effects__status')).toBe('The background effect could not run on this device, so your camera is shown as it is.');
    expect(await broken.getByRole('radio', { name: 'None' }).isChecked()).toBe(true);
    expect(await processor(broken)).toBeNull();
    expect(await broken.evaluate(() => window.__session.error())).toBe('media-failed');
    // Not tried again on the next visit.
    await broken.reload();
    await broken.getByRole('radio', { name: 'None' }).waitFor({ timeout: 30_000 });
    await broken.waitForTimeout(500);
    expect(await broken.getByRole('radio', { name: 'None' }).isChecked()).toBe(true);
    await broken.context().close();
  });

  it('fetched nothing from anywhere but this server', () => {
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(served).toContain('/fx/selfie_segmentation.js');
  });
});
