import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import { REMOTE_TILE_SELECTOR, describeTabs, openMeetingTab, type MeetingTab } from '../support/meeting-page';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

const NAMES = ['Therapist', 'Client', 'Nurse', 'Assistant'] as const;

describe('quickstart: four-party mesh in real Chromium', () => {
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

  it('every tab decodes video from the three others', async () => {
    const response = await fetch(`${server.origin}/api/meetings`, { method: 'POST' });
    const { url, hostUrl } = (await response.json()) as { url: string; hostUrl: string };
    // The first person opens the host link and lets the others in from the waiting room.
    for (const name of NAMES) tabs.push(await openMeetingTab(browser, tabs[0] ? url : hostUrl, name, { admitBy: tabs[0] }));

    try {
      for (const tab of tabs) {
        const others = NAMES.filter((name) => name !== tab.name);
        await Promise.all(
          others.map((name) =>
            waitForRemoteVideoFrame(tab.page, `${REMOTE_TILE_SELECTOR}[aria-label="${name}"] video`, 30_000),
          ),
        );
        await expect(tab.page.locator(REMOTE_TILE_SELECTOR).count()).resolves.toBe(3);
      }
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    for (const tab of tabs) expect(tab.errors.pageErrors).toEqual([]);
  });
});
