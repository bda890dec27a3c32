import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrecallStatus } from '../../packages/core/src/precall/index';
import { collectPageErrors, launchChromium } from '../support/chromium';
import { startCoturn, type CoturnInstance } from '../support/coturn';
import { LINK_PRESETS, createLinkShaper, type LinkShaper, type ShaperEndpoint } from '../support/link-shaper/index';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

// Records every track and peer connection the page creates, to prove the check stops them all.
const RECORD_CREATED = `(() => {
  const created = { tracks: [], connections: [] };
  Object.defineProperty(window, '__created', { value: created });
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args) { super(...args); created.connections.push(this); }
  };
  const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (c) => {
    const stream = await gum(c);
    created.tracks.push(...stream.getTracks());
    return stream;
  };
})();`;

describe('pre-call check in Chromium against the quickstart server and coturn', () => {
  let turn: CoturnInstance;
  let shaper: LinkShaper;
  let poorLink: ShaperEndpoint;
  let direct: QuickstartProcess;
  let shaped: QuickstartProcess;
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    const secret = randomBytes(24).toString('base64url');
    turn = await startCoturn({ secret });
    shaper = createLinkShaper({ udpTarget: turn.port });
    // The check loops device → TURN → device, so a home link's shape applies on the way up and down.
    poorLink = await shaper.addEndpoint('home', LINK_PRESETS.poor);
    [direct, shaped] = await Promise.all([
      startQuickstart({ TURN_SERVER_URL: turn.url, TURN_SECRET: secret }),
      startQuickstart({ TURN_SERVER_URL: poorLink.turnUrl, TURN_SECRET: secret }),
    ]);
    const out = await build({
      entryPoints: [fileURLToPath(new URL('./precall-page.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      logLevel: 'error',
    });
    bundle = out.outputFiles[0]!.text;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([direct?.stop(), shaped?.stop()]);
    await shaper?.close();
    await turn?.stop();
  });

  /**
   * Run the check on a page of `origin`: started by a real click (`gesture`), by a script click
   * (no user activation: WebAudio stays suspended), or cancelled once the network test runs.
   */
  async function runCheck(
    origin: string,
    options: { relayMs?: number; start?: 'gesture' | 'script' | 'cancel-during-network' } = {},
  ): Promise<{ result: PrecallStatus; statuses: PrecallStatus[]; page: Page; log: string[] }> {
    const { start = 'gesture', ...setup } = options;
    const created = await fetch(`${origin}/api/meetings`, { method: 'POST' });
    const { meetingId } = (await created.json()) as { meetingId: string };
    const session = await fetch(`${origin}/api/demo/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meetingId, displayName: 'Client' }),
    });
    const { token } = (await session.json()) as { token: string };
    // The test injects its harness bundle inline into the served app, which the app's
    // Content-Security-Policy (script-src 'self') rightly refuses: this context bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.addInitScript(RECORD_CREATED);
    await page.goto(`${origin}/`);
    await page.addScriptTag({ content: bundle });
    await page.evaluate((o) => window.precallSetup(o), { token, ...setup });
    if (start === 'gesture') await page.click('#precall-start');
    else await page.evaluate(() => document.getElementById('precall-start')!.click());
    if (start === 'cancel-during-network') {
      await page.waitForFunction(() => window.precallRun.statuses.at(-1)?.steps.network.status === 'running', undefined, { timeout: 30_000 });
      await page.evaluate(() => window.precallRun.check!.cancel());
    }
    await page.waitForFunction(() => window.precallRun.result !== null, undefined, { timeout: 60_000 });
    const { result, statuses } = await page.evaluate(() => ({ result: window.precallRun.result!, statuses: window.precallRun.statuses }));
    // Everything the check created is stopped and closed.
    const leftovers = await page.evaluate(() => ({
      liveTracks: window.__created.tracks.filter((t) => t.readyState !== 'ended').length,
      openConnections: window.__created.connections.filter((c) => c.connectionState !== 'closed').length,
      tracks: window.__created.tracks.length,
      connections: window.__created.connections.length,
    }));
    expect(leftovers).toMatchObject({ liveTracks: 0, openConnections: 0 });
    expect(leftovers.tracks).toBeGreaterThan(0);
    expect(errors.pageErrors).toEqual([]);
    await context.close();
    return { result, statuses, page, log: errors.log };
  }

  it('passes on a clean loopback link: devices, signalling, relay and the relay-path test', async () => {
    const { result, statuses } = await runCheck(direct.origin);
    const { steps } = result;
    console.log('[precall] clean link:', JSON.stringify(Object.fromEntries(Object.values(steps).map((s) => [s.name, [s.verdict, s.reason, s.figures]]))));
    expect(result.state).toBe('done');
    expect(steps.camera).toMatchObject({ status: 'done', verdict: 'good' });
    expect(steps.camera.figures.frameRate).toBeGreaterThan(0);
    expect(steps.microphone.status).toBe('done');
    expect(steps.microphone.figures.microphoneLevel).toBeGreaterThan(0);
    expect(steps.signalling).toMatchObject({ status: 'done', verdict: 'good' });
    expect(steps.relay).toMatchObject({ status: 'done', verdict: 'good' });
    expect(steps.network.status).toBe('done');
    expect(steps.network.verdict).not.toBe('failed');
    expect(steps.network.figures).toMatchObject({ rttMs: expect.any(Number), packetLoss: expect.any(Number), availableBitrate: expect.any(Number) });
    expect(steps.network.figures.packetLoss).toBeLessThan(0.02);
    // Progress was observable step by step.
    expect(statuses.some((s) => s.steps.relay.status === 'running')).toBe(true);
    expect(statuses.some((s) => s.steps.network.status === 'running')).toBe(true);
  });

  it('through a poor home link (400 kbit/s, 80 ms, 3 % loss each way) reports a poor or fair network with the figures', async () => {
    const before = poorLink.stats();
    const { result } = await runCheck(shaped.origin);
    const { network, relay } = result.steps;
    console.log('[precall] poor link:', JSON.stringify(network));
    expect(relay.verdict).toBe('good');
    expect(['poor', 'fair']).toContain(network.verdict);
    expect(network.figures.rttMs).toBeGreaterThanOrEqual(300); // the loop crosses the 80 ms link four times
    expect(network.figures.packetLoss).toBeGreaterThan(0);
    expect(network.figures.availableBitrate).toBeLessThan(600_000);
    expect(['poor', 'fair']).toContain(result.overall);
    expect(network.advice.length).toBeGreaterThan(0);
    // The media really crossed the shaper.
    expect(poorLink.stats().up.delivered - before.up.delivered).toBeGreaterThan(100);
  });

  it('without a user gesture, measures the microphone through the relay instead of WebAudio', async () => {
    const { result } = await runCheck(direct.origin, { start: 'script' });
    expect(result.steps.microphone).toMatchObject({ status: 'done', verdict: 'good' });
    expect(result.steps.microphone.figures.microphoneLevel).toBeGreaterThan(0);
  });

  it('cancels at once and stops every track and connection it created', async () => {
    const { result } = await runCheck(direct.origin, { start: 'cancel-during-network' });
    expect(result.state).toBe('cancelled');
    expect(result.steps.network.status).toBe('running');
  });

  it('with TURN stopped, reports the relay step failed with a clear reason and skips the network test', async () => {
    await turn.stop();
    const { result } = await runCheck(direct.origin, { relayMs: 8_000 });
    const { relay, network, signalling } = result.steps;
    console.log('[precall] TURN stopped:', JSON.stringify(relay));
    expect(signalling.verdict).toBe('good');
    expect(relay).toMatchObject({ status: 'done', verdict: 'failed' });
    expect(['no-relay-candidates', 'timeout', 'ice-failed']).toContain(relay.reason);
    expect(relay.advice).toContain('network-blocks-relay');
    expect(network.status).toBe('skipped');
    expect(result.overall).toBe('failed');
  });
});
