import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForRemoteVideoFrame, expectVideoAdvancing } from '../support/chromium';
import {
  captureElementLayouts,
  elementEvents,
  joinFromPreJoin,
  openElementPage,
  waitForElementEvent,
  type ElementTab,
} from '../support/element-page';
import { REMOTE_TILE_SELECTOR, REMOTE_VIDEO_SELECTOR, describeTabs } from '../support/meeting-page';
import { startExampleServer, startQuickstart, type QuickstartProcess } from '../support/quickstart';

// examples/vue: a Vue 3 app (Vue's browser build from node_modules, no build step) binding
// <mentara-meeting>'s attributes and properties and listening to its DOM events; served from its
// own origin, signalling and the demo API passed on to the quickstart meeting server.
describe('<mentara-meeting> in a Vue 3 app, in real Chromium', () => {
  let meetingServer: QuickstartProcess;
  let server: QuickstartProcess;
  let browser: Browser;
  const tabs: ElementTab[] = [];

  beforeAll(async () => {
    meetingServer = await startQuickstart();
    server = await startExampleServer('examples/vue/src/main.ts', { MEETING_SERVER_URL: meetingServer.origin });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(tabs.map((tab) => tab.context.close()));
    await browser?.close();
    await server?.stop();
    await meetingServer?.stop();
  });

  it('connects two people with video both ways, themed and bound by Vue, and reports joined and left', async () => {
    const therapist = await openElementPage(browser, server.origin, 'Therapist');
    tabs.push(therapist);
    await therapist.page.waitForURL(/\?meeting=/);
    // The page that created the meeting is its host (the host key stays in its own address); the
    // invite it shows carries no key, so the client waits until the therapist lets them in.
    expect(new URL(therapist.page.url()).searchParams.get('host')).toBeTruthy();
    const meetingUrl = (await therapist.page.locator('header a[href*="?meeting="]').getAttribute('href'))!;
    expect(new URL(meetingUrl).searchParams.get('host')).toBeNull();
    const status = (tab: ElementTab) => tab.page.locator('header [role="status"]');

    // The page's custom property reaches the shadow root; Vue's `:theme` binding switches it.
    const join = therapist.page.getByRole('button', { name: 'Join meeting' });
    const accent = () => join.evaluate((b) => getComputedStyle(b).backgroundColor);
    await expect(accent()).resolves.toBe('rgb(61, 107, 79)');
    await therapist.page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(therapist.page.locator('mentara-meeting').getAttribute('theme')).resolves.toBe('dark');
    await expect.poll(accent).toBe('rgb(159, 211, 176)');
    await therapist.page.getByRole('button', { name: 'Light theme' }).click();
    await expect.poll(accent).toBe('rgb(61, 107, 79)');

    await joinFromPreJoin(therapist);
    const client = await openElementPage(browser, meetingUrl, 'Client');
    tabs.push(client);
    await joinFromPreJoin(client, { admittedBy: therapist });

    try {
      const frames = await Promise.all(tabs.map((tab) => waitForRemoteVideoFrame(tab.page, REMOTE_VIDEO_SELECTOR, 30_000)));
      for (const frame of frames) expect(frame.videoWidth).toBeGreaterThan(0);
      await Promise.all(tabs.map((tab) => expectVideoAdvancing(tab.page, REMOTE_VIDEO_SELECTOR)));
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    // Each token was minted for the name typed on the pre-join screen.
    await expect(therapist.page.locator(REMOTE_TILE_SELECTOR).getAttribute('aria-label')).resolves.toBe('Client');
    await expect(client.page.locator(REMOTE_TILE_SELECTOR).getAttribute('aria-label')).resolves.toBe('Therapist');

    // The DOM events, and Vue's own listeners (`@joined`, `@participant-joined`) updating its state.
    const meetingId = new URL(meetingUrl).searchParams.get('meeting');
    expect(await waitForElementEvent(therapist.page, 'joined')).toMatchObject({ bubbles: true, composed: true, meetingId, names: [] });
    expect(await waitForElementEvent(client.page, 'joined')).toMatchObject({ meetingId, names: ['Therapist'] });
    expect(await waitForElementEvent(therapist.page, 'participant-joined')).toMatchObject({ names: ['Client'] });
    await expect.poll(() => status(therapist).textContent()).toBe('In the session. With: Client.');
    await expect.poll(() => status(client).textContent()).toBe('In the session. With: Therapist.');

    // Everything from this origin: the page, app.js, Vue's browser build and the ready script.
    const origin = new URL(server.origin).origin;
    for (const tab of tabs) {
      const urls = tab.requests.map((url) => new URL(url));
      expect(urls.filter((u) => u.origin !== origin)).toEqual([]);
      expect(urls.filter((u) => /\.(m?js|css|woff2?)$/.test(u.pathname)).map((u) => u.pathname).sort()).toEqual([
        '/app.js',
        '/mentara-meeting.js',
        '/vendor/vue.esm-browser.prod.js',
      ]);
    }

    const layouts = await captureElementLayouts(client.page, 'vue-call');
    for (const layout of layouts) {
      const where = `${layout.viewport.width}×${layout.viewport.height} ${layout.colorScheme}`;
      expect(layout.overflowsX, where).toBe(false);
      expect(layout.controlsInside, where).toBe(true);
      expect(layout.element.width, where).toBe(layout.viewport.width);
      expect(layout.element.y + layout.element.height, where).toBeCloseTo(layout.viewport.height, 0);
    }

    // Leaving: `left` on the one who left, `participant-left` on the one who stays (Vue drops the name).
    await client.page.getByRole('button', { name: 'Leave' }).click();
    await client.page.getByRole('dialog', { name: 'Leave the meeting?' }).getByRole('button', { name: 'Leave meeting' }).click();
    expect(await waitForElementEvent(client.page, 'left')).toMatchObject({ bubbles: true, meetingId });
    await expect.poll(() => status(client).textContent()).toBe('You left the session.');
    expect(await waitForElementEvent(therapist.page, 'participant-left')).toMatchObject({ participantId: expect.any(String) });
    await expect.poll(() => status(therapist).textContent()).toBe('In the session.');
    await therapist.page.locator(REMOTE_TILE_SELECTOR).waitFor({ state: 'detached', timeout: 10_000 });

    for (const tab of tabs) {
      expect((await elementEvents(tab.page)).filter((e) => e.type === 'error'), tab.name).toEqual([]);
      expect(tab.errors.pageErrors, tab.name).toEqual([]);
    }
  });
});
