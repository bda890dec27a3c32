import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkServers, type LinkServers } from '../../bench/link/servers';
import type { LinkJoin } from '../../bench/link/page-types';
import { collectPageErrors, launchChromium, type PageErrors } from '../support/chromium';
import { LINK_PRESETS, type ShaperEndpoint } from '../support/link-shaper/index';

// Two Chromium pages in a call (the `bench:link` pages: our client bundled from the sources),
// each relay-only through coturn behind its own endpoint of the link shaper, which also carries
// the page's signalling. The home link is cut (100 % loss) and restored once the client starts
// recovering: the connection must come back through an ICE restart, not a rebuild. No timing is
// asserted; `npm run bench:recovery` prints the recovery times.

describe('link recovery in Chromium through the link shaper', () => {
  let servers: LinkServers;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    servers = await startLinkServers();
    browser = await launchChromium({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await servers?.close();
  });

  async function openPage(link: ShaperEndpoint, meetingId: string): Promise<{ page: Page; errors: PageErrors }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${link.origin}/ours.html`);
    await page.waitForFunction(() => typeof window.linkBench === 'object');
    const join: LinkJoin = { meetingId, turn: servers.turnServer(link.turnUrl) };
    await page.evaluate((j) => window.linkBench.join(j), join);
    return { page, errors };
  }

  it('a cut home link comes back through an ICE restart on the same connections', async () => {
    const meetingId = `link-recovery-${Date.now()}`;
    const links = await Promise.all(['therapist', 'client'].map((n) => servers.shaper.addEndpoint(`${meetingId}-${n}`, LINK_PRESETS.good)));
    const pages: Array<{ page: Page; errors: PageErrors }> = [];
    for (const link of links) pages.push(await openPage(link, meetingId));
    await Promise.all(pages.map(({ page }) => page.evaluate(() => window.linkBench.firstFrame())));
    const connections = () => Promise.all(pages.map(({ page }) => page.evaluate(() => window.linkMetrics.connections())));
    const before = await connections();
    expect(before).toEqual([1, 1]);
    // Both sides connected (data channel open too), not only decoding media.
    for (const { page } of pages) {
      await page.waitForFunction(() => window.linkBench.applied().peerStates.at(-1)?.endsWith(' connected') === true, undefined, { timeout: 30_000 });
    }
    const blocked = Date.now();

    for (const link of links) link.set({ loss: 1 });
    await pages[1]!.page.waitForFunction(
      () => window.linkBench.applied().peerStates.some((s) => s.endsWith(' reconnecting')),
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    const restored = Date.now();
    for (const link of links) link.set(LINK_PRESETS.good);

    for (const { page } of pages) {
      // A remote frame decoded after the restore, and the peer connected again.
      await page.waitForFunction((t) => window.linkMetrics.frameTimes().some((f) => f > t + 200), restored, { timeout: 60_000, polling: 200 });
      await page.waitForFunction(() => window.linkBench.applied().peerStates.at(-1)?.endsWith(' connected') === true, undefined, { timeout: 30_000 });
    }
    // The same RTCPeerConnection on each side: recovered without a rebuild.
    const states = await Promise.all(pages.map(({ page }) => page.evaluate(() => window.linkBench.applied().peerStates)));
    expect(await connections(), `blocked at ${blocked}, restored at ${restored}; peer states: ${JSON.stringify(states)}`).toEqual(before);
    for (const { errors } of pages) expect(errors.pageErrors).toEqual([]);
  }, 180_000);
});
