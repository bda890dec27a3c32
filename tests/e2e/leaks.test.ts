/**
 * 50 join/leave cycles of the core client in Chromium leave nothing behind: one page stays in the
 * meeting, the other joins with camera and microphone, connects to it, and leaves — by `leave()`
 * then `destroy()`, or by `destroy()` alone — 50 times. Probes installed before any page script
 * (tests/support/leak-probes.ts) count peer connections, live tracks, WebSockets, pending timers
 * and window/document listeners.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachMeetings, type MeetingsServer } from '@mentara/meetings-server';
import { simplePeerAliases } from '../../packages/core/build/simple-peer-aliases.mjs';
import { collectPageErrors, launchChromium, type PageErrors } from '../support/chromium';
import { LEAK_PROBES_SCRIPT, readLeakCounts, readListeners, readPendingTimers, type LeakCounts } from '../support/leak-probes';

const CYCLES = 50;
const COMPARE_AFTER = 10;

let http: Server;
let meetings: MeetingsServer;
let origin: string;
let browser: Browser;
let pageJs: Buffer;

async function openPage(name: string): Promise<{ page: Page; errors: PageErrors }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.addInitScript(LEAK_PROBES_SCRIPT);
  await page.goto(`${origin}/?${name}`);
  await page.waitForFunction(() => '__meeting' in window, undefined, { timeout: 30_000 });
  return { page, errors };
}

/** Counts once the page had time to finish closing what it closed (bounded). */
async function settledCounts(page: Page, done: (c: LeakCounts) => boolean): Promise<LeakCounts> {
  const until = Date.now() + 10_000;
  let counts = await readLeakCounts(page);
  while (!done(counts) && Date.now() < until) {
    await page.waitForTimeout(200);
    counts = await readLeakCounts(page);
  }
  // Let callbacks queued by the closing (one-shot timers, late events) run out.
  await page.waitForTimeout(1_000);
  return readLeakCounts(page);
}

const closed = (c: LeakCounts) => c.openPeerConnections === 0 && c.liveTracks === 0 && c.openWebSockets === 0;

beforeAll(async () => {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./leaks.page.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    conditions: ['@mentara/source'],
    alias: simplePeerAliases,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  pageJs = Buffer.from(out.outputFiles[0]!.contents);
  http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (path === '/page.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(pageJs);
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>leaks</title><script type="module" src="/page.js"></script>');
    if (!path.startsWith('/socket.io')) res.writeHead(404).end();
  });
  meetings = attachMeetings(http, {
    allowAnonymous: true,
    waitingRoom: false,
    // One anonymous user joins 50 times from one address within a minute or two.
    limits: { joinsPerMinute: 600, joinsBurst: 100 },
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await meetings?.close();
  http?.closeAllConnections();
  http?.close();
});

describe('join/leave cycles in Chromium', () => {
  it(`leave no peer connection, track, socket, timer or listener behind after ${CYCLES} cycles`, async () => {
    const meetingId = `leaks-${Date.now().toString(36)}`;
    const stay = await openPage('stay');
    const cycle = await openPage('cycle');
    await stay.page.evaluate((id) => window.__meeting.join(id, 'Therapist', 0), meetingId);

    let afterFew: LeakCounts | undefined;
    for (let i = 1; i <= CYCLES; i += 1) {
      await cycle.page.evaluate((id) => window.__meeting.join(id, 'Client', 1), meetingId);
      await stay.page.evaluate(() => window.__meeting.peers(1));
      await cycle.page.evaluate((how) => window.__meeting.leave(how), (i % 2 === 0 ? 'leave' : 'destroy') as 'leave' | 'destroy');
      await stay.page.evaluate(() => window.__meeting.peers(0));
      if (i === COMPARE_AFTER) afterFew = await settledCounts(cycle.page, closed);
    }
    const after = await settledCounts(cycle.page, closed);
    const stayCounts = await readLeakCounts(stay.page);
    console.log(`[leaks] cycling page after ${COMPARE_AFTER}: ${JSON.stringify(afterFew)}`);
    console.log(`[leaks] cycling page after ${CYCLES}: ${JSON.stringify(after)}`);
    console.log(`[leaks] staying page: ${JSON.stringify(stayCounts)}`);
    console.log(`[leaks] listeners in the cycling page: ${JSON.stringify(await readListeners(cycle.page))}`);
    console.log(`[leaks] timers still pending in the cycling page:\n${(await readPendingTimers(cycle.page)).map((t) => `  ${t.ms} ms, set ${t.ageMs} ms ago: ${t.stack}`).join('\n')}`);

    expect(after.peerConnectionsCreated).toBeGreaterThanOrEqual(CYCLES);
    expect(after.tracksCreated).toBeGreaterThanOrEqual(2 * CYCLES);
    expect(after.webSocketsCreated).toBeGreaterThanOrEqual(CYCLES);
    expect(after).toMatchObject({ openPeerConnections: 0, liveTracks: 0, openWebSockets: 0 });
    // With no client left, none of its timers is pending either (a peer's 5 s ICE timer was).
    expect(after).toMatchObject({ pendingTimeouts: 0, activeIntervals: 0 });
    // Listeners (the libraries' one-off page listeners aside) do not grow with the number of cycles.
    for (const key of ['pendingTimeouts', 'activeIntervals', 'windowListeners', 'documentListeners'] as const) {
      expect(after[key], key).toBeLessThanOrEqual(afterFew![key]);
    }
    // The page that stayed closed its connection to every client that left.
    expect(stayCounts.peerConnectionsCreated).toBeGreaterThanOrEqual(CYCLES);
    expect(stayCounts.openPeerConnections).toBe(0);
    expect(stayCounts.openWebSockets).toBe(1);
    expect(cycle.errors.pageErrors).toEqual([]);
    expect(stay.errors.pageErrors).toEqual([]);
  }, 600_000);
});
