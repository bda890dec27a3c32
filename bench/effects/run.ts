// `npm run bench:effects` — the effects on this machine, in Chromium (SwiftShader WebGL, no GPU):
// the background pipeline's frame rate and CPU per frame at 640×480, and the noise suppressor's
// CPU per second of audio, each beside a raw passthrough baseline measured in the same run, with
// the 1-minute load average at each step. The camera is the tests' generated person-in-a-room
// picture (30 fps), the microphone their speech-plus-noise file.
//
// CPU is the user+system time of every Chromium process (browser, renderer, GPU, audio) from
// /proc, over the measuring window; "main ms/frame" is the processor's own segmentation +
// compositing time on the page's thread. Flags: --quick (4 s windows instead of 10 s).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { copyEffectAssets } from '@mentara/meetings-core/effects/assets';
import { launchChromium } from '../../tests/support/chromium';
import { makeEffectFixtures } from '../../tests/support/effects-fixtures';

const quick = process.argv.includes('--quick');
const WINDOW_S = quick ? 4 : 10;
const WARMUP_S = 2;
const TICKS = 100; // clock ticks per second of /proc/<pid>/stat on Linux

/** CPU seconds so far of every descendant process of `root` (the Chromium tree), by pid. */
function treeCpu(root: number): Map<number, number> {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return { pid: Number(pid), ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS };
      } catch {
        return null;
      }
    })
    .filter((s): s is { pid: number; ppid: number; cpu: number } => s !== null);
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) if (!inTree.has(s.pid) && inTree.has(s.ppid)) [grew] = [true, inTree.add(s.pid)];
  }
  return new Map(stats.filter((s) => s.pid !== root && inTree.has(s.pid)).map((s) => [s.pid, s.cpu]));
}

/** CPU seconds the tree used between two samples (processes that started meanwhile count from 0). */
function cpuBetween(start: Map<number, number>, end: Map<number, number>): number {
  let sum = 0;
  for (const [pid, cpu] of end) sum += cpu - (start.get(pid) ?? 0);
  return sum;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-effects-'));
const fixtures = makeEffectFixtures(dir);
await copyEffectAssets(join(dir, 'fx'));
const bundled = await build({ entryPoints: [new URL('./page.ts', import.meta.url).pathname], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error', conditions: ['@mentara/source'], minify: true });
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://local').pathname;
  let body: Buffer | string | undefined;
  if (path === '/') body = '<!doctype html><body><script type="module" src="/page.js"></script></body>';
  else if (path === '/page.js') body = Buffer.from(bundled.outputFiles[0]!.contents);
  else if (path === '/background.png') body = readFileSync(fixtures.backgroundPng);
  else if (path.startsWith('/fx/') && !path.includes('..')) body = readFileSync(join(dir, 'fx', path.slice(4)), { flag: 'r' });
  if (body === undefined) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': path === '/' ? 'text/html' : (TYPES[extname(path)] ?? 'application/octet-stream') }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await launchChromium({
  extraArgs: [`--use-file-for-fake-video-capture=${fixtures.y4m}`, `--use-file-for-fake-audio-capture=${fixtures.micWav}`, '--autoplay-policy=no-user-gesture-required'],
});
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
await page.waitForFunction('window.__benchReady === true');
const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

type VideoResult = { frames: number; seconds: number; width: number; height: number; stats?: { frames: number; segmentations: number; segmentationMs: number; compositeMs: number } };
const rows: string[] = [];
const load = () => loadavg()[0]!.toFixed(2);

try {
  console.log(`effects benchmark: ${WINDOW_S} s per step after ${WARMUP_S} s warm-up; CPU = all Chromium processes; load = 1-min load average (2 cores)`);
  for (const variant of ['raw', 'passthrough', 'blur', 'image', 'blur-canvas'] as const) {
    await page.evaluate(`window.__bench.startVideo(${JSON.stringify(variant)})`);
    await sleep(WARMUP_S);
    await page.evaluate('window.__bench.mark()');
    const cpuStart = treeCpu(process.pid);
    await sleep(WINDOW_S);
    const cpuUsed = cpuBetween(cpuStart, treeCpu(process.pid));
    const r = (await page.evaluate('window.__bench.stop()')) as VideoResult;
    const fps = r.frames / r.seconds;
    const cpuPerFrame = (cpuUsed * 1000) / Math.max(1, r.frames);
    const main = r.stats && r.stats.frames ? ((r.stats.segmentations * r.stats.segmentationMs + r.stats.frames * r.stats.compositeMs) / r.stats.frames).toFixed(1) : '—';
    const seg = r.stats?.frames ? `${r.stats.segmentations}/${r.stats.frames} frames segmented, ${r.stats.segmentationMs.toFixed(1)} ms each` : '';
    rows.push(`video ${variant.padEnd(12)} ${r.width}×${r.height}  ${fps.toFixed(1).padStart(5)} fps  CPU ${cpuPerFrame.toFixed(1).padStart(6)} ms/frame (${((cpuUsed / r.seconds) * 100).toFixed(0)} % of a core)  main ${main} ms/frame  ${seg}  load ${load()}`);
    console.log(rows.at(-1));
  }
  for (const mode of ['off', 'rnnoise'] as const) {
    await page.evaluate(`window.__bench.startAudio(${JSON.stringify(mode)})`);
    await sleep(WARMUP_S);
    await page.evaluate('window.__bench.mark()');
    const cpuStart = treeCpu(process.pid);
    await sleep(WINDOW_S);
    const cpuUsed = cpuBetween(cpuStart, treeCpu(process.pid));
    const r = (await page.evaluate('window.__bench.stop()')) as { seconds: number; active: string };
    const perSecond = (cpuUsed * 1000) / r.seconds;
    rows.push(`audio ${(mode === 'off' ? 'passthrough' : 'rnnoise').padEnd(12)} 48 kHz mono  CPU ${perSecond.toFixed(1).padStart(6)} ms per second of audio (${(perSecond / 10).toFixed(1)} % of a core)  active=${r.active}  load ${load()}`);
    console.log(rows.at(-1));
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
