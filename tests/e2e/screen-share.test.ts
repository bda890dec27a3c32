import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectVideoAdvancing, launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import {
  REMOTE_SCREEN_VIDEO_SELECTOR,
  REMOTE_VIDEO_SELECTOR,
  describeTabs,
  openMeetingTab,
  type MeetingTab,
} from '../support/meeting-page';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

describe('quickstart: screen share in real Chromium', () => {
  let server: QuickstartProcess;
  let browser: Browser;
  const tabs: MeetingTab[] = [];

  beforeAll(async () => {
    server = await startQuickstart();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the shared screen to the other participant beside the camera, and removes it on stop', async () => {
    const response = await fetch(`${server.origin}/api/meetings`, { method: 'POST' });
    const { url, hostUrl } = (await response.json()) as { url: string; hostUrl: string };
    tabs.push(await openMeetingTab(browser, hostUrl, 'Therapist'));
    tabs.push(await openMeetingTab(browser, url, 'Client', { admitBy: tabs[0] }));
    const [therapist, clientTab] = tabs as [MeetingTab, MeetingTab];

    try {
      await Promise.all([
        waitForRemoteVideoFrame(therapist.page, REMOTE_VIDEO_SELECTOR),
        waitForRemoteVideoFrame(clientTab.page, REMOTE_VIDEO_SELECTOR),
      ]);

      // A real click: getDisplayMedia needs user activation. The fake UI picks the 1280×720 fake screen.
      const shareButton = therapist.page.locator('.mm-controls button[data-source="screen"]');
      await shareButton.click();
      await therapist.page.locator('.mm-controls button[data-source="screen"][data-state="on"]').waitFor({ timeout: 10_000 });

      const screen = await waitForRemoteVideoFrame(clientTab.page, REMOTE_SCREEN_VIDEO_SELECTOR, 20_000);
      expect(screen.videoWidth).toBeGreaterThan(0);
      // The camera keeps flowing next to the screen.
      await expectVideoAdvancing(clientTab.page, REMOTE_VIDEO_SELECTOR);

      await shareButton.click();
      await clientTab.page.locator(REMOTE_SCREEN_VIDEO_SELECTOR).waitFor({ state: 'detached', timeout: 10_000 });
      await expectVideoAdvancing(clientTab.page, REMOTE_VIDEO_SELECTOR);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    expect(therapist.errors.pageErrors).toEqual([]);
    expect(clientTab.errors.pageErrors).toEqual([]);
  });
});
