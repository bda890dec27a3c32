import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import {
  REMOTE_TILE_SELECTOR,
  REMOTE_VIDEO_SELECTOR,
  createMeetingFromLanding,
  describeTabs,
  openMeetingTab,
  type MeetingTab,
} from '../support/meeting-page';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

describe('quickstart: two-party call in real Chromium', () => {
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

  it('creates a meeting link, connects two tabs with video both ways, and shows a leave', async () => {
    const meetingUrl = await createMeetingFromLanding(browser, server.origin);
    const port = new URL(server.origin).port;
    // FRONTEND_URL defaults to http://localhost:$PORT; the link follows the deployment guide's format.
    expect(meetingUrl).toMatch(new RegExp(`^http://localhost:${port}/meeting/[0-9a-f-]{36}$`));

    tabs.push(await openMeetingTab(browser, meetingUrl, 'Ada'));
    tabs.push(await openMeetingTab(browser, meetingUrl, 'Grace'));
    const [ada, grace] = tabs as [MeetingTab, MeetingTab];

    try {
      const frames = await Promise.all([
        waitForRemoteVideoFrame(ada.page, REMOTE_VIDEO_SELECTOR),
        waitForRemoteVideoFrame(grace.page, REMOTE_VIDEO_SELECTOR),
      ]);
      for (const frame of frames) expect(frame.videoWidth).toBeGreaterThan(0);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    // A working call shows no error to either person (e.g. ICE settings that failed to load).
    await expect(ada.page.locator('.mm-room .mm-error').allTextContents()).resolves.toEqual([]);
    await expect(grace.page.locator('.mm-room .mm-error').allTextContents()).resolves.toEqual([]);
    // Each tab's remote tile is the other person.
    await expect(ada.page.locator(REMOTE_TILE_SELECTOR).getAttribute('aria-label')).resolves.toBe('Grace');
    await expect(grace.page.locator(REMOTE_TILE_SELECTOR).getAttribute('aria-label')).resolves.toBe('Ada');

    await grace.page.getByRole('button', { name: 'Leave' }).click();
    await grace.page.locator('.mm-room[data-state="left"]').waitFor({ timeout: 10_000 });
    // The one who stays sees the tile go (the participant-left event removed them).
    await ada.page.locator(REMOTE_TILE_SELECTOR).waitFor({ state: 'detached', timeout: 10_000 });
    await expect(ada.page.locator('.mm-tile').count()).resolves.toBe(1);
    // …and screen readers hear it.
    await ada.page.locator('.mm-root [aria-live="polite"]', { hasText: 'Grace left' }).waitFor({ state: 'attached', timeout: 5_000 });

    expect(ada.errors.pageErrors).toEqual([]);
    expect(grace.errors.pageErrors).toEqual([]);
  });
});
