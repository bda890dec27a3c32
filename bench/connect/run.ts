// `npm run bench:connect` — time from "the room is full" to a decoded remote frame on every
// page, in Chromium on loopback, for our client and for a raw RTCPeerConnection baseline in
// the same run. Prints medians and the ratio ours / raw (target ≤ 1.15).
//
// Method: N pages load (ours or raw), acquire nothing yet, and are told to join the same
// meeting at the same instant t0 — from then on the room is full. Each page records when it
// decodes the first frame of every remote. A page is "connected" at its last first-frame;
// the mesh is connected when every page is. Both variants use the same Socket.IO signalling,
// the same fake camera and no ICE servers (host candidates on loopback).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { Server } from 'socket.io';
import type { Browser } from 'playwright-core';
import { attachMeetings } from '@mentara/meetings-server';
import { launchChromium } from '../../tests/support/chromium';

const here = new URL('.', import.meta.url).pathname;
const quick = process.argv.includes('--quick');
const trace = process.argv.includes('--trace');
const scenarios = [
  { peers: 2, rounds: quick ? 3 : 9 },
  { peers: 4, rounds: quick ? 2 : 5 },
];
const variants = ['ours', 'raw'] as const;
type Variant = (typeof variants)[number];
const ROUND_TIMEOUT_MS = 30_000;

execFileSync('npm', ['run', 'build', '-w', '@mentara/meetings-core'], { stdio: ['ignore', 'ignore', 'inherit'] });
const bundles: Record<string, string> = {};
for (const variant of variants) {
  const out = await build({
    entryPoints: [`${here}page-${variant}.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'error',
  });
  bundles[`/${variant}.js`] = out.outputFiles[0]!.text;
}

const http = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0]!;
  if (bundles[path]) {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles[path]);
  } else if (path.endsWith('.html')) {
    const script = path.replace('.html', '.js');
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>bench</title><script type="module" src="${script}"></script>`);
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
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

async function round(browser: Browser, variant: Variant, peers: number, index: number) {
  const contexts = await Promise.all(Array.from({ length: peers }, () => browser.newContext()));
  try {
    const pages = await Promise.all(contexts.map(async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/${variant}.html`);
      await page.waitForFunction(() => typeof window.bench === 'object');
      return page;
    }));
    const meetingId = `bench-${variant}-${peers}-${index}-${Date.now()}`;
    const t0 = Date.now();
    await Promise.all(pages.map((page) => page.evaluate((id) => window.bench.join(id), meetingId)));
    const deadline = t0 + ROUND_TIMEOUT_MS;
    for (;;) {
      const frames = await Promise.all(pages.map((page) => page.evaluate(() => window.bench.frames())));
      if (frames.every((f) => Object.keys(f).length >= peers - 1)) {
        const perPage = frames.map((f) => Math.max(...Object.values(f)) - t0);
        if (trace) {
          const marks = await Promise.all(pages.map((page) => page.evaluate(() => window.bench.marks())));
          marks.forEach((m, i) => {
            const phases = Object.entries(m).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} +${v - t0}`);
            console.log(`${variant} ×${peers} #${index} page ${i}: ${phases.join(', ')}, all frames +${perPage[i]}`);
          });
        }
        return { mesh: Math.max(...perPage), perPage };
      }
      if (Date.now() > deadline) throw new Error(`${variant} ×${peers}: no frame from every remote within ${ROUND_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
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
let worst = 0;
try {
  // One warm-up round per variant so the first measured round does not pay for cold caches.
  for (const variant of variants) await round(browser, variant, 2, -1);
  for (const { peers, rounds } of scenarios) {
    const results: Record<Variant, { mesh: number[]; page: number[] }> = { ours: { mesh: [], page: [] }, raw: { mesh: [], page: [] } };
    for (let i = 0; i < rounds; i++) {
      // Alternate the order so neither variant always runs on a warmer machine.
      for (const variant of i % 2 ? [...variants].reverse() : variants) {
        const r = await round(browser, variant, peers, i);
        results[variant].mesh.push(r.mesh);
        results[variant].page.push(...r.perPage);
      }
    }
    const ratio = median(results.ours.mesh) / median(results.raw.mesh);
    worst = Math.max(worst, ratio);
    rows.push(
      `| ${peers} | ${rounds} | ${median(results.ours.page).toFixed(0)} | ${median(results.raw.page).toFixed(0)} | ` +
        `${median(results.ours.mesh).toFixed(0)} | ${median(results.raw.mesh).toFixed(0)} | ${ratio.toFixed(2)} |`,
    );
  }
} finally {
  await browser.close();
  await meetings.close();
  io.close();
}

console.log('\nConnect time, room full → first decoded remote frame (ms, medians; Chromium, loopback)\n');
console.log('| peers | rounds | ours per page | raw per page | ours mesh | raw mesh | ours / raw (mesh) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log(`\nworst ratio ${worst.toFixed(2)} (target ≤ 1.15)`);
