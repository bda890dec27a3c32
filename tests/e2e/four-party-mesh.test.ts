import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import { REMOTE_TILE_SELECTOR, describeTabs, openMeetingTab, type MeetingTab } from '../support/meeting-page';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

const NAMES = ['Therapist', 'Client', 'Nurse', 'Assistant'] as const;

/** What the therapist's page shows of the client's tile: its elements, marked so a new one shows. */
interface ClientTileMedia {
  layout: string | undefined;
  sameVideo: boolean;
  sameAudio: boolean;
  videoPaused: boolean;
  audioPaused: boolean;
  /** The video's clock: a new element starts again from 0. */
  videoTime: number;
  playing: boolean;
}

const CLIENT_TILE = `${REMOTE_TILE_SELECTOR}[aria-label="Client"]`;

describe('quickstart: three and four people in real Chromium', () => {
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
    await Promise.all(tabs.map((tab) => tab.context.close()));
  });

  it("moves the client's tile when an interpreter joins without a new video or audio element", async () => {
    const response = await fetch(`${server.origin}/api/meetings`, { method: 'POST' });
    const { url, hostUrl } = (await response.json()) as { url: string; hostUrl: string };
    const therapist = await openMeetingTab(browser, hostUrl, 'Therapist');
    const people = [therapist, await openMeetingTab(browser, url, 'Client', { admitBy: therapist })];
    try {
      await waitForRemoteVideoFrame(therapist.page, `${CLIENT_TILE} video`, 30_000);
      // Two people: the client fills the stage. Mark the elements playing them.
      const read = (mark: boolean) =>
        therapist.page.evaluate(
          ({ selector, mark }) => {
            type Marked = HTMLMediaElement & { mmMark?: true };
            const tile = document.querySelector(selector) as HTMLElement | null;
            const video = tile?.querySelector('video') as (HTMLVideoElement & Marked) | null;
            const audio = tile?.querySelector('audio') as Marked | null;
            if (mark && video && audio) {
              video.mmMark = true;
              audio.mmMark = true;
            }
            return {
              layout: (tile?.closest('.mm-grid') as HTMLElement | null)?.dataset.layout,
              sameVideo: video?.mmMark === true,
              sameAudio: audio?.mmMark === true,
              videoPaused: video?.paused ?? true,
              audioPaused: audio?.paused ?? true,
              videoTime: video?.currentTime ?? 0,
              playing: tile?.dataset.video === 'playing',
            };
          },
          { selector: CLIENT_TILE, mark },
        ) as Promise<ClientTileMedia>;
      const before = await read(true);
      expect(before).toMatchObject({ layout: 'spotlight', sameVideo: true, sameAudio: true, videoPaused: false, audioPaused: false, playing: true });

      // A third person: the stage becomes a grid, and the client's tile is made again there.
      people.push(await openMeetingTab(browser, url, 'Interpreter', { admitBy: therapist }));
      await therapist.page.waitForFunction((selector) => (document.querySelector(selector)?.closest('.mm-grid') as HTMLElement | null)?.dataset.layout === 'grid', CLIENT_TILE, {
        timeout: 30_000,
      });
      // Moving an element within the page may pause it for a moment (the browser pauses media taken
      // out of the document); the tile plays it again at once.
      await therapist.page.waitForFunction(
        (selector) => {
          const tile = document.querySelector(selector) as HTMLElement | null;
          const playing = (media: HTMLMediaElement | null | undefined) => media !== null && media !== undefined && !media.paused;
          return tile?.dataset.video === 'playing' && playing(tile.querySelector('video')) && playing(tile.querySelector('audio'));
        },
        CLIENT_TILE,
        { timeout: 10_000 },
      );
      const after = await read(false);
      expect(after).toMatchObject({ layout: 'grid', sameVideo: true, sameAudio: true, videoPaused: false, audioPaused: false, playing: true });
      expect(after.videoTime).toBeGreaterThanOrEqual(before.videoTime);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(people)}`);
    }
    for (const tab of people) expect(tab.errors.pageErrors).toEqual([]);
    await Promise.all(people.map((tab) => tab.context.close()));
  });
});

