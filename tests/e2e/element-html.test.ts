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

// examples/html: a plain page with one <script type="module" src="/mentara-meeting.js"> and no
// build step, served from its own origin; signalling and the demo API passed on to the
// quickstart meeting server.
describe('<mentara-meeting> in a plain HTML page, in real Chromium', () => {
  let meetingServer: QuickstartProcess;
  let server: QuickstartProcess;
  let browser: Browser;
  const tabs: ElementTab[] = [];

  beforeAll(async () => {
    meetingServer = await startQuickstart();
    server = await startExampleServer('examples/html/src/main.ts', { MEETING_SERVER_URL: meetingServer.origin });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(tabs.map((tab) => tab.context.close()));
    await browser?.close();
    await server?.stop();
    await meetingServer?.stop();
  });

  it('connects two people with video both ways, themed by the page, and reports joined and left', async () => {
    const therapist = await openElementPage(browser, server.origin, 'Therapist');
    tabs.push(therapist);
    await therapist.page.waitForURL(/\?meeting=/);
    // The page that created the meeting is its host (the host key stays in its own address); the
    // invite it shows carries no key, so the client waits until the therapist lets them in.
    expect(new URL(therapist.page.url()).searchParams.get('host')).toBeTruthy();
    const meetingUrl = (await therapist.page.locator('header a[href*="?meeting="]').getAttribute('href'))!;
    expect(new URL(meetingUrl).searchParams.get('host')).toBeNull();

    // The page themes the room with a custom property on the element (styles.css is in the shadow root).
    const join = therapist.page.getByRole('button', { name: 'Join meeting' });
    await expect(join.evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.toBe('rgb(47, 102, 144)');
    // Nothing of the room is in the page's own DOM or stylesheets.
    await expect(therapist.page.evaluate(() => [document.styleSheets.length, document.querySelectorAll('[class*="mm-"]').length])).resolves.toEqual([1, 0]);

    await joinFromPreJoin(therapist);
    // Alone, the room offers the page's invite (`invite-url`), not its own address with the host key.
    await expect(therapist.page.locator('.mm-invite__link').textContent({ timeout: 10_000 })).resolves.toBe(meetingUrl);
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
    await expect(therapist.page.locator(REMOTE_TILE_SELECTOR).getAttribute('aria-label')).resolves.toBe('Client');
    await expect(client.page.locator(REMOTE_TILE_SELECTOR).getAttribute('aria-label')).resolves.toBe('Therapist');

    // Events: `joined` (with whoever was there), `participant-joined`; the page's own listener ran.
    const meetingId = new URL(meetingUrl).searchParams.get('meeting');
    const therapistJoined = await waitForElementEvent(therapist.page, 'joined');
    expect(therapistJoined).toMatchObject({ bubbles: true, composed: true, meetingId, names: [] });
    expect(await waitForElementEvent(client.page, 'joined')).toMatchObject({ meetingId, names: ['Therapist'] });
    expect(await waitForElementEvent(therapist.page, 'participant-joined')).toMatchObject({ names: ['Client'] });
    await expect(therapist.page.locator('header #status').textContent()).resolves.toBe('In the session.');

    // The ready script and the page's own script, nothing else: no further script, stylesheet or font, and nothing off this origin.
    const origin = new URL(server.origin).origin;
    for (const tab of tabs) {
      const paths = tab.requests.map((url) => new URL(url));
      expect(paths.filter((u) => u.origin !== origin)).toEqual([]);
      expect(paths.filter((u) => /\.(m?js|css|woff2?)$/.test(u.pathname)).map((u) => u.pathname)).toEqual(['/mentara-meeting.js', '/app.js']);
    }

    const layouts = await captureElementLayouts(therapist.page, 'html-call');
    for (const layout of layouts) {
      const where = `${layout.viewport.width}×${layout.viewport.height} ${layout.colorScheme}`;
      expect(layout.overflowsX, where).toBe(false);
      expect(layout.controlsInside, where).toBe(true);
      // The element fills the page below its header, edge to edge.
      expect(layout.element.width, where).toBe(layout.viewport.width);
      expect(layout.element.y + layout.element.height, where).toBeCloseTo(layout.viewport.height, 0);
    }
    // System dark mode reaches the room through the shadow root.
    const background = (scheme: string) => layouts.filter((l) => l.colorScheme === scheme).map((l) => l.roomBackground);
    expect(background('light')).toEqual(['rgb(246, 244, 239)', 'rgb(246, 244, 239)']);
    expect(background('dark')).toEqual(['rgb(23, 28, 27)', 'rgb(23, 28, 27)']);

    // Leaving: `left` on the one who left, `participant-left` on the one who stays.
    await client.page.getByRole('button', { name: 'Leave' }).click();
    await client.page.getByRole('dialog', { name: 'Leave the meeting?' }).getByRole('button', { name: 'Leave meeting' }).click();
    expect(await waitForElementEvent(client.page, 'left')).toMatchObject({ bubbles: true, meetingId });
    await expect(client.page.locator('header #status').textContent()).resolves.toBe('You left the session.');
    expect(await waitForElementEvent(therapist.page, 'participant-left')).toMatchObject({ participantId: expect.any(String) });
    await therapist.page.locator(REMOTE_TILE_SELECTOR).waitFor({ state: 'detached', timeout: 10_000 });

    for (const tab of tabs) {
      expect((await elementEvents(tab.page)).filter((e) => e.type === 'error'), tab.name).toEqual([]);
      expect(tab.errors.pageErrors, tab.name).toEqual([]);
    }
  });
});
