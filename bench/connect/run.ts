// `npm run bench:connect` — two figures per page, in Chromium on loopback, for our client and
// for a raw RTCPeerConnection baseline in the same run, 2 and 4 people, with the load average:
// - Join click → a decoded frame from every remote (target ours / raw ≤ 1.15);
// - link → the same, from the page's navigation start (page load and pre-join included;
//   target ≤ 1.3).
//
// Method: N pages load (ours or raw) in parallel. Ours does what the pre-join screen of
// `<MeetingRoom/>` does while it shows: it opens and authenticates its socket (`prepare()`) and
// starts the camera and microphone for the preview (`ours-cold`: nothing before the click); the
// raw page starts everything at the click. Once every page is loaded, all are told to join the
// same meeting at the same instant t0 (the click) — from then on the room is full. Each page
// records when it decodes the first frame of every remote. A page is "connected" at its last
// first-frame; the mesh is connected when every page is. Both variants use the same Socket.IO options
// (websocket only, a new connection per client), the same capture constraints, the same fake
// camera and no ICE servers (host candidates on loopback).
//
// Flags: --quick (fewer rounds), --rounds2=N / --rounds4=N, --trace (per-phase medians of the
// WebRTC milestones logged by rtc-trace.ts, plus a JSON dump of every page's events),
// --variants=ours,raw[,ours-cold,raw-default,raw-vga,raw-dc,patched], --camera-delay=ms (cameras that
// take that long to open), --no-build (reuse the core dist). $BENCH_OURS_SRC / $BENCH_CORE_SRC
// bundle `ours` / `patched` from a copy of packages/core/src instead (see FINDINGS.md).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { Server } from 'socket.io';
import type { Browser } from 'playwright-core';
import { attachMeetings } from '@mentara/meetings-server';
import { launchChromium } from '../../tests/support/chromium';
import type { TraceEvent } from './rtc-trace';
import { collect, emptySamples, report, type TraceSamples } from './trace-report';

const here = new URL('.', import.meta.url).pathname;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const trace = args.includes('--trace');
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const scenarios = [
  // Enough rounds for a median on a shared 2-core host, where single rounds vary by ±300 ms.
  { peers: 2, rounds: Number(flag('rounds2') ?? (quick ? 5 : 19)) },
  { peers: 4, rounds: Number(flag('rounds4') ?? (quick ? 3 : 9)) },
].filter((s) => s.rounds > 0);
// A variant is a page bundle plus query flags. `ours` and `raw` are the measured pair; the
// others are diagnostics (`--variants=ours,raw,raw-default,patched`):
// - raw: same Socket.IO options and capture constraints as the client (the fair baseline);
// - raw-default: Socket.IO defaults (polling, then upgrade) and `getUserMedia({audio:true,video:true})`;
// - raw-vga: only the capture differs from `raw` (the browser's default 640×480);
// - raw-dc: `raw` plus a data channel in the first offer (what simple-peer adds);
// - patched / patched2: page-ours bundled against the core sources in $BENCH_CORE_SRC /
//   $BENCH_CORE_SRC2 (patched copies, to compare candidate fixes in the same run).
const VARIANTS: Record<string, { page: 'ours' | 'raw'; query: string }> = {
  ours: { page: 'ours', query: '' },
  'ours-cold': { page: 'ours', query: '?prejoin=0' },
  raw: { page: 'raw', query: '' },
  'raw-default': { page: 'raw', query: '?capture=default&socket=default' },
  'raw-vga': { page: 'raw', query: '?capture=default' },
  'raw-dc': { page: 'raw', query: '?datachannel=1' },
  patched: { page: 'ours', query: '' },
  patched2: { page: 'ours', query: '' },
};
const variants = (flag('variants') ?? 'ours,raw').split(',');
for (const v of variants) if (!VARIANTS[v]) throw new Error(`unknown variant ${v}; known: ${Object.keys(VARIANTS).join(', ')}`);
if (!variants.includes('ours') || !variants.includes('raw')) throw new Error('--variants must include ours and raw');
const patchedSrc: Record<string, string | undefined> = { patched: process.env.BENCH_CORE_SRC, patched2: process.env.BENCH_CORE_SRC2 };
for (const v of ['patched', 'patched2']) {
  if (variants.includes(v) && !patchedSrc[v]) throw new Error(`variant ${v} needs $BENCH_CORE_SRC${v === 'patched2' ? '2' : ''}=<a patched copy of packages/core/src>`);
}
type Variant = string;
const ROUND_TIMEOUT_MS = 30_000;

// `--no-build` reuses the current dist (e.g. while core sources are mid-edit).
if (!args.includes('--no-build')) {
  execFileSync('npm', ['run', 'build', '-w', '@mentara/meetings-core'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
/**
 * esbuild aliases that bundle the client from a copy of `packages/core/src` (with its sibling
 * `build/` shims for simple-peer, exactly as tsup bundles the published dist).
 */
const fromSources = async (src: string): Promise<Record<string, string>> => {
  const { simplePeerAliases } = (await import(`${src}/../build/simple-peer-aliases.mjs`)) as { simplePeerAliases: Record<string, string> };
  return { ...simplePeerAliases, '@mentara/meetings-core': `${src}/index.ts` };
};
const bundle = async (entry: string, format: 'esm' | 'iife', alias?: Record<string, string>) => {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'error',
    ...(alias ? { alias, nodePaths: [`${here}../../node_modules`], conditions: ['module', 'browser', 'import', 'default'] } : {}),
  });
  return out.outputFiles[0]!.text;
};
const bundles: Record<string, string> = {
  '/trace.js': await bundle(`${here}rtc-trace.ts`, 'iife'),
  // $BENCH_OURS_SRC: bundle ours from a copy of the core sources instead of the built dist.
  '/ours.js': await bundle(`${here}page-ours.ts`, 'esm', process.env.BENCH_OURS_SRC ? await fromSources(process.env.BENCH_OURS_SRC) : undefined),
  '/raw.js': await bundle(`${here}page-raw.ts`, 'esm'),
};
for (const v of ['patched', 'patched2']) {
  if (variants.includes(v)) bundles[`/${v}.js`] = await bundle(`${here}page-ours.ts`, 'esm', await fromSources(patchedSrc[v]!));
}
// `--camera-delay=ms`: every page's camera takes that long to open (real cameras: 0.2–1.5 s).
const cameraDelay = Number(flag('camera-delay') ?? 0);
const query = (variant: Variant) => {
  const q = new URLSearchParams(VARIANTS[variant]!.query);
  if (cameraDelay > 0) q.set('cameraDelay', String(cameraDelay));
  return q.size ? `?${q}` : '';
};
const pageOf = (variant: Variant) => (variant.startsWith('patched') ? variant : VARIANTS[variant]!.page);

const http = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0]!;
  if (bundles[path]) {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles[path]);
  } else if (path.endsWith('.html')) {
    const script = path.replace('.html', '.js');
    // The trace wrappers must be in place before the bundle captures WebSocket / RTCPeerConnection.
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><title>bench</title><script src="/trace.js"></script><script type="module" src="${script}"></script>`);
  } else {
    res.writeHead(404).end();
  }
});
const io = new Server(http, { maxHttpBufferSize: 1e6 });
const meetings = attachMeetings(io, { allowAnonymous: true, limits: { eventsPerSecond: 500 } });
// The bare relay the raw pages use: join a room, forward signals to one socket.
io.of('/raw').on('connection', (socket) => {
  socket.on('join', async (room: string, ack: (ids: string[]) => void) => {
    const ids = (await io.of('/raw').in(room).fetchSockets()).map((s) => s.id);
    await socket.join(room);
    ack(ids);
  });
  socket.on('signal', ({ to, data }: { to: string; data: unknown }) => {
    io.of('/raw').to(to).emit('signal', { from: socket.id, data });
  });
});
// `--trace`: the server side of the same story — when each packet arrived and left.
const serverLog: Array<[number, string, string]> = [];
if (trace) {
  for (const name of ['/meetings', '/raw']) {
    io.of(name).on('connection', (socket) => {
      serverLog.push([Date.now(), socket.id, `${name} connection`]);
      socket.onAny((event: string) => serverLog.push([Date.now(), socket.id, `in ${event}`]));
      socket.onAnyOutgoing((event: string) => serverLog.push([Date.now(), socket.id, `out ${event}`]));
    });
  }
}
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

async function round(browser: Browser, variant: Variant, peers: number, index: number) {
  const contexts = await Promise.all(Array.from({ length: peers }, () => browser.newContext()));
  try {
    const pages = await Promise.all(contexts.map(async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/${pageOf(variant)}.html${query(variant)}`);
      await page.waitForFunction(() => typeof window.bench === 'object');
      return page;
    }));
    // Epoch ms each page started navigating: the link was opened then.
    const opened = await Promise.all(pages.map((page) => page.evaluate(() => performance.timeOrigin)));
    const meetingId = `bench-${variant}-${peers}-${index}-${Date.now()}`;
    const t0 = Date.now();
    await Promise.all(pages.map((page) => page.evaluate((id) => window.bench.join(id), meetingId)));
    // Each page resolves when it has a frame from every remote: no CDP polling while the
    // pages connect (it would compete for the same two cores).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frames = await Promise.race([
      Promise.all(pages.map((page) => page.evaluate((n) => window.bench.whenFrames(n), peers - 1))),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${variant} ×${peers}: no frame from every remote within ${ROUND_TIMEOUT_MS} ms`)), ROUND_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    const perPage = frames.map((f) => Math.max(...Object.values(f)) - t0);
    const linkPerPage = frames.map((f, i) => Math.max(...Object.values(f)) - opened[i]!);
    let logs: TraceEvent[][] = [];
    if (trace) {
      const marks = await Promise.all(pages.map((page) => page.evaluate(() => window.bench.marks())));
      marks.forEach((m, i) => {
        const phases = Object.entries(m).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} +${v - t0}`);
        console.log(`${variant} ×${peers} #${index} page ${i}: ${phases.join(', ')}, all frames +${perPage[i]}`);
      });
      // Let in-flight events (data channel open, late candidates) land before reading the logs.
      await new Promise((r) => setTimeout(r, 300));
      logs = await Promise.all(pages.map((page) => page.evaluate(() => window.benchTrace.read())));
    }
    return { mesh: Math.max(...perPage), perPage, link: Math.max(...linkPerPage), linkPerPage, t0, logs };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const browser = await launchChromium();
const rows: string[] = [];
const traces: string[] = [];
const dump: unknown[] = [];
let worst = 0;
let worstLink = 0;
const started = Date.now();
try {
  // One warm-up round per variant so the first measured round does not pay for cold caches.
  for (const variant of variants) await round(browser, variant, 2, -1);
  for (const { peers, rounds } of scenarios) {
    const results: Record<Variant, { mesh: number[]; page: number[]; link: number[]; linkPage: number[] }> = {};
    const loads: number[] = [];
    const samples: Record<Variant, TraceSamples> = {};
    for (const v of variants) {
      results[v] = { mesh: [], page: [], link: [], linkPage: [] };
      samples[v] = emptySamples();
    }
    for (let i = 0; i < rounds; i++) {
      // Rotate the order so no variant always runs on a warmer (or busier) machine.
      const order = variants.map((_, k) => variants[(k + i) % variants.length]!);
      for (const variant of order) {
        const r = await round(browser, variant, peers, i);
        results[variant]!.mesh.push(r.mesh);
        results[variant]!.page.push(...r.perPage);
        results[variant]!.link.push(r.link);
        results[variant]!.linkPage.push(...r.linkPerPage);
        loads.push(os.loadavg()[0]!);
        for (const log of r.logs) collect(samples[variant]!, log, r.t0);
        if (trace) dump.push({ variant, peers, round: i, t0: r.t0, perPage: r.perPage, logs: r.logs, server: serverLog.splice(0).filter(([t]) => t >= r.t0) });
      }
    }
    const ratio = median(results.ours!.mesh) / median(results.raw!.mesh);
    worst = Math.max(worst, ratio);
    worstLink = Math.max(worstLink, median(results.ours!.link) / median(results.raw!.link));
    const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
    for (const v of variants) {
      const r = results[v]!;
      rows.push(
        `| ${peers} | ${rounds} | ${v} | ${median(r.page).toFixed(0)} | ${median(r.mesh).toFixed(0)} | ` +
          `${(median(r.mesh) / median(results.raw!.mesh)).toFixed(2)} | ${median(r.linkPage).toFixed(0)} | ${median(r.link).toFixed(0)} | ` +
          `${(median(r.link) / median(results.raw!.link)).toFixed(2)} | ${load} | ${r.mesh.join(' ')} |`,
      );
    }
    if (trace) traces.push(report(`${peers} peers`, samples));
  }
} finally {
  await browser.close();
  await meetings.close();
  io.close();
}

console.log('\nConnect time to a decoded frame from every remote (ms, medians; Chromium, loopback), from the Join');
console.log('click (all pages at once, the room full from then on) and from the link (the page\'s navigation start)\n');
console.log('| peers | rounds | variant | click → frame, per page | click → frame, mesh | mesh / raw | link → frame, per page | link → frame, mesh | mesh / raw | load average | click → frame mesh samples |');
console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
for (const row of rows) console.log(row);
for (const t of traces) console.log(t);
if (trace) {
  const file = `/tmp/bench-connect-trace-${Date.now()}.json`;
  writeFileSync(file, JSON.stringify(dump));
  console.log(`\nfull per-page event logs: ${file}`);
}
console.log(
  `\nworst ratio ours / raw: click → frame ${worst.toFixed(2)} (target ≤ 1.15), link → frame ${worstLink.toFixed(2)} (target ≤ 1.3); ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s, ${os.cpus().length} cores, load average at the end ${os.loadavg()[0]!.toFixed(1)}`,
);
