/**
 * The effects entry in Chromium: background blur/replacement on a fake camera playing a
 * generated person-in-a-room picture, and RNNoise on a fake microphone playing generated speech
 * plus noise. Every file the page loads comes from this test's loopback server.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyEffectAssets } from '@mentara/meetings-core/effects/assets';
import { collectPageErrors, launchChromium, type PageErrors } from '../support/chromium';
import { makeEffectFixtures, type EffectFixtures } from '../support/effects-fixtures';
import { decodeFrame, meanAbsDiff, noiseReport, sharpness, shrinkRegion, type Frame } from '../support/effects-measure';
import { encodePng } from '../support/png';

/** `EFFECTS_SNAPSHOT_DIR=/some/dir` keeps the measured frames as PNGs, to look at. */
function snapshot(name: string, frame: Frame): void {
  const target = process.env.EFFECTS_SNAPSHOT_DIR;
  if (!target) return;
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, `${name}.png`), encodePng(frame.width, frame.height, frame.rgba));
}

const RECORDER_WORKLET = `registerProcessor('recorder', class extends AudioWorkletProcessor {
  constructor() { super(); this.on = true; this.port.onmessage = () => { this.on = false; }; }
  process(inputs) { const ch = inputs[0] && inputs[0][0]; if (this.on && ch) this.port.postMessage(ch.slice(0)); return this.on; }
});`;
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.png': 'image/png', '.html': 'text/html' };

let dir: string;
let fixtures: EffectFixtures;
let server: Server;
let origin: string;
let browser: Browser;
let page: Page;
let errors: PageErrors;
let proxy: Server;
/** URLs the page asked for (page, fetch, scripts, workers). */
const requests: string[] = [];
/** Paths this test's server answered, worklet modules included. */
const served: string[] = [];
/**
 * Requests for any other origin: Chromium runs with this server as its proxy (loopback is never
 * proxied), so whatever it tries to fetch elsewhere — from the page, a worker or a worklet —
 * lands here instead of leaving the machine.
 */
const elsewhere: string[] = [];
/**
 * Chromium's own component-update and clock checks, which its browser process makes with or
 * without any page (seen on about:blank with the same flags), and from Chromium 150 its
 * push-messaging check-in (GCM, `android.clients.google.com`), which no page of ours uses: not the
 * page's requests.
 */
const BROWSER_OWN = /^(CONNECT |GET http:\/\/|POST http:\/\/)(update\.googleapis\.com|clients2\.google\.com|optimizationguide-pa\.googleapis\.com|android\.clients\.google\.com)[:/]/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mentara-effects-'));
  fixtures = makeEffectFixtures(dir);
  // The same helper an app would use to put the files in its static folder.
  await copyEffectAssets(join(dir, 'fx'));
  const entry = fileURLToPath(new URL('./effects.page.ts', import.meta.url));
  const bundled = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error', conditions: ['@mentara/source'] });
  const files: Record<string, Buffer> = {
    '/': Buffer.from('<!doctype html><title>effects</title><body><script type="module" src="/page.js"></script></body>'),
    '/page.js': Buffer.from(bundled.outputFiles[0]!.contents),
    '/recorder-worklet.js': Buffer.from(RECORDER_WORKLET),
    '/background.png': readFileSync(fixtures.backgroundPng),
  };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    served.push(path);
    let body = files[path];
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
  proxy = createServer((req, res) => {
    elsewhere.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, socket) => {
    elsewhere.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  browser = await launchChromium({
    extraArgs: [
      `--proxy-server=http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      `--use-file-for-fake-video-capture=${fixtures.y4m}`,
      `--use-file-for-fake-audio-capture=${fixtures.micWav}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  page = await browser.newPage();
  errors = collectPageErrors(page);
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${origin}/`);
  await page.waitForFunction('window.__fxReady === true', undefined, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  for (const s of [server, proxy]) {
    s?.closeAllConnections();
    s?.close();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs a scenario exposed by effects.page.ts. */
const scenario = <T>(name: string, ...args: unknown[]) => page.evaluate(`window.__fx.${name}(...${JSON.stringify(args)})`) as Promise<T>;

type Grab = { width: number; height: number; rgba: string };
type BackgroundResult = Record<'raw' | 'blur' | 'none' | 'blurAgain' | 'image', Grab> & {
  pipeline: string;
  sameOutput: boolean;
  outputLive: string;
  outputAfterStop: string;
  rawAfterStop: string;
  state: string;
  framesAfterNone: number;
  framesAfterBlur: number;
  stats: { frames: number; segmentations: number; segmentationMs: number; compositeMs: number };
};

/** Checks one background run against the picture's ground truth; returns the figures. */
function checkBackground(result: BackgroundResult, label: string) {
  const { scene } = fixtures;
  // 16 px away from the drawn outline on both sides: the model's soft edge is not judged.
  const person = shrinkRegion(scene.person, scene.width, scene.height, 1, 16);
  const background = shrinkRegion(scene.person, scene.width, scene.height, 0, 16);
  const names = ['raw', 'blur', 'none', 'blurAgain', 'image'] as const;
  const [raw, blur, none, blurAgain, image] = names.map((k) => decodeFrame(result[k]));
  names.forEach((k, i) => snapshot(`${label}-${k}`, [raw, blur, none, blurAgain, image][i]!));
  for (const frame of [blur, none, blurAgain, image]) expect([frame!.width, frame!.height]).toEqual([raw!.width, raw!.height]);
  expect([raw!.width, raw!.height]).toEqual([640, 480]);
  const figures = {
    rawBackgroundSharpness: sharpness(raw!, background),
    blurBackgroundSharpness: sharpness(blur!, background),
    blurAgainBackgroundSharpness: sharpness(blurAgain!, background),
    noneBackgroundSharpness: sharpness(none!, background),
    blurPersonDiff: meanAbsDiff(blur!, raw!, person),
    blurBackgroundDiff: meanAbsDiff(blur!, raw!, background),
    noneDiff: meanAbsDiff(none!, raw!, background),
    imageBackgroundDiff: meanAbsDiff(image!, fixtures.background, background),
    imagePersonDiff: meanAbsDiff(image!, raw!, person),
    rawToImageDiff: meanAbsDiff(raw!, fixtures.background, background),
  };
  // Blur: the room loses at least 90 % of its fine detail; the person stays within 8 levels.
  expect(figures.blurBackgroundSharpness).toBeLessThan(figures.rawBackgroundSharpness / 10);
  expect(figures.blurAgainBackgroundSharpness).toBeLessThan(figures.rawBackgroundSharpness / 10);
  expect(figures.blurBackgroundDiff).toBeGreaterThan(10);
  expect(figures.blurPersonDiff).toBeLessThan(8);
  // Off: the camera as it is, on the same output track.
  expect(figures.noneDiff).toBeLessThan(4);
  expect(figures.noneBackgroundSharpness).toBeGreaterThan(figures.rawBackgroundSharpness * 0.8);
  // Image: the background is the replacement picture (within 6 levels), the person is kept.
  expect(figures.imageBackgroundDiff).toBeLessThan(6);
  expect(figures.rawToImageDiff).toBeGreaterThan(40);
  expect(figures.imagePersonDiff).toBeLessThan(8);
  expect(result.sameOutput).toBe(true);
  expect(result.outputLive).toBe('live');
  expect(result.framesAfterNone).toBeGreaterThanOrEqual(10);
  expect(result.framesAfterBlur).toBeGreaterThanOrEqual(10);
  expect(result.outputAfterStop).toBe('ended');
  expect(result.rawAfterStop).toBe('live');
  expect(result.state).toBe('stopped');
  return figures;
}

describe('effects entry in Chromium', () => {
  it('blurs or replaces the background and keeps the person (insertable streams), switching on the same output track', async () => {
    const result = await scenario<BackgroundResult>('background', 'auto');
    expect(result.pipeline).toBe('insertable-streams');
    console.log('[effects] insertable streams:', JSON.stringify({ ...checkBackground(result, result.pipeline), stats: result.stats }));
  });

  it('does the same through canvas capture (the Firefox/Safari pipeline)', async () => {
    const result = await scenario<BackgroundResult>('background', 'canvas');
    expect(result.pipeline).toBe('canvas');
    console.log('[effects] canvas capture:', JSON.stringify({ ...checkBackground(result, result.pipeline), stats: result.stats }));
  });

  it('keeps the canvas pipeline\'s picture moving without video-frame callbacks (a hidden tab)', async () => {
    const result = await scenario<{ pipeline: string; framesPerSecond: number; segmentations: number }>('hiddenCanvas');
    console.log('[effects] canvas capture without video-frame callbacks:', JSON.stringify(result));
    expect(result.pipeline).toBe('canvas');
    // A frame every 250 ms at most: still a moving picture, never a frozen one.
    expect(result.framesPerSecond).toBeGreaterThanOrEqual(2);
  });

  it('falls back to the raw track when a processor cannot start or fails mid-call', async () => {
    const result = await scenario<{ changes: Array<string | null>; errors: string[]; afterBroken: boolean; brokenState: string; workingState: string; afterLoss: boolean; lostState: string; afterRemove: boolean; processedEnded: string; contexts: number }>('fallback');
    // Assets missing: start rejects, the raw camera stays on the senders.
    expect(result.afterBroken).toBe(true);
    expect(result.brokenState).toBe('failed');
    expect(result.errors[0]).toMatch(/^media-failed: .*\/missing\//);
    // A working processor takes over; then its GPU context is lost: back to raw, with the error.
    expect(result.workingState).toBe('running');
    expect(result.contexts).toBeGreaterThan(0);
    expect(result.afterLoss).toBe(true);
    expect(result.lostState).toBe('failed');
    expect(result.processedEnded).toBe('ended');
    expect(result.errors).toHaveLength(2);
    expect(result.errors[1]).toMatch(/^media-failed: .*GPU context was lost/);
    expect(result.changes).toEqual(['raw', 'processed', 'raw']);
    expect(result.afterRemove).toBe(true);
  });

  it('releases its GL contexts: 10 start/stop cycles (20 contexts) never hit the browser limit of 16', async () => {
    await scenario('cycles', 10);
    expect(errors.log.filter((line) => /too many active webgl contexts/i.test(line))).toEqual([]);
  });

  it('suppresses noise between words by a clear margin and keeps the speech level, switchable on the same track', async () => {
    const result = await scenario<{ active: string; activeAfterOff: string; sameOutput: boolean; outputAfterStop: string; rawAfterStop: string; state: string } & Record<'rawOn' | 'processedOn' | 'rawOff' | 'processedOff', string>>('noise', 8);
    const floats = (b64: string) => new Float32Array(new Uint8Array(Buffer.from(b64, 'base64')).buffer);
    const mixture = new Float32Array(fixtures.speech.length);
    for (let i = 0; i < mixture.length; i++) mixture[i] = fixtures.speech[i]! + fixtures.noise[i]!;
    const on = noiseReport(floats(result.rawOn), floats(result.processedOn), mixture, fixtures.speech);
    const off = noiseReport(floats(result.rawOff), floats(result.processedOff), mixture, fixtures.speech);
    console.log('[effects] noise suppression:', JSON.stringify({ on, off }));
    expect(result.active).toBe('rnnoise');
    expect(on.gapFrames).toBeGreaterThan(50);
    expect(on.speechFrames).toBeGreaterThan(50);
    // RNNoise on: the noise between words drops by at least 15 dB; speech stays within 4 dB.
    expect(on.noiseReductionDb).toBeGreaterThan(15);
    expect(Math.abs(on.speechChangeDb)).toBeLessThan(4);
    // Off, same output track: the noise is back (within 2 dB of the raw microphone).
    expect(result.activeAfterOff).toBe('off');
    expect(Math.abs(off.noiseReductionDb)).toBeLessThan(2);
    expect(result.sameOutput).toBe(true);
    expect(result.outputAfterStop).toBe('ended');
    expect(result.rawAfterStop).toBe('live');
    expect(result.state).toBe('stopped');
  });

  it('loaded everything from its own origin: no request went anywhere else', async () => {
    const fromPage = () => elsewhere.filter((line) => !BROWSER_OWN.test(line));
    expect(fromPage()).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    // Canary: a fetch and a worklet module for another origin do reach the proxy, so the empty
    // list above means the page really asked nothing elsewhere (worklet fetches included, which
    // neither Playwright's request events nor CDP's Network domain report).
    await scenario('canary');
    expect(fromPage()).toEqual(['GET http://cdn.invalid.test/probe.wasm', 'GET http://cdn.invalid.test/worklet.js']);
    // The model, the runtime and the worklet really were fetched, from here.
    for (const file of ['selfie_segmentation.js', 'selfie_segmentation.binarypb', 'selfie_segmentation.tflite', 'selfie_segmentation_solution_simd_wasm_bin.js', 'selfie_segmentation_solution_simd_wasm_bin.wasm', 'rnnoise-worklet.js', 'rnnoise_simd.wasm']) {
      expect(served).toContain(`/fx/${file}`);
    }
    console.log('[effects] files served:', JSON.stringify([...new Set(served)]));
    expect(errors.pageErrors).toEqual([]);
  });
});
