import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startQuickstartServer, type QuickstartServer } from '../../examples/quickstart/src/server/create-quickstart-server';
import { launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import { REMOTE_TILE_SELECTOR, createMeetingFromLanding, describeTabs, openMeetingTab, type MeetingTab } from '../support/meeting-page';
import { measureCall, tabStopsTo, type PageMeasure } from '../support/call-ui-probes';
import { REPO_ROOT } from '../support/quickstart';

/**
 * The call as people see it, measured on the page rather than read from the markup: at desktop
 * and phone sizes, with two and four people, chat open and closed — how much of each remote
 * picture is cut (from `videoWidth/videoHeight`, the element's box and `object-fit`), how much of
 * the stage your own view covers, sideways scrolling, controls outside the window, Tab stops to
 * the controls, labels that follow each toggle, the unread chat count, and no console errors.
 * Screenshots of every case go to `test-results/call-ui/`; figures to `measures.json` there.
 */

const OUT = join(REPO_ROOT, 'test-results', 'call-ui');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** The others' tabs are small: they only send video, and every pixel costs the shared CPU. */
const SMALL = { width: 640, height: 400 };
const MIC = '.mm-controls button[data-source="microphone"]';
const MAX_CROP = 0.1;
const MAX_SELF_SHARE = 0.25;

interface CaseFigures {
  name: string;
  people: number;
  viewport: string;
  chat: 'open' | 'closed';
  layout: string | null;
  crops: Record<string, number>;
  selfViewShare: number | null;
}

describe('call UI in Chromium against the quickstart: layout, states, chat, keyboard', () => {
  let server: QuickstartServer;
  let browser: Browser;
  let meetingUrl: string;
  let hostUrl: string;
  const tabs: MeetingTab[] = [];
  const figures: CaseFigures[] = [];
  const tabStops: Record<string, number | null> = {};
  const me = () => tabs[0]!.page;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startQuickstartServer({ port: 0, host: '127.0.0.1', env: {} });
    browser = await launchChromium();
    ({ url: meetingUrl, hostUrl } = await createMeetingFromLanding(browser, server.origin));
  });

  afterAll(async () => {
    writeFileSync(join(OUT, 'measures.json'), `${JSON.stringify({ figures, tabStops }, null, 2)}\n`);
    console.log(
      ['case                                   layout     crops (max)  self view', ...figures.map((f) =>
        `${f.name.padEnd(38)} ${String(f.layout).padEnd(10)} ${Math.max(0, ...Object.values(f.crops)).toFixed(3).padEnd(12)} ${f.selfViewShare === null ? '—' : f.selfViewShare.toFixed(3)}`,
      ), `tab stops to the microphone: ${JSON.stringify(tabStops)}`].join('\n'),
    );
    await browser?.close();
    await server?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });

  /** Waits until every remote tile of `page` shows frames and the layout has stopped moving. */
  async function settled(page: Page, remotes: number): Promise<PageMeasure> {
    await page.locator(REMOTE_TILE_SELECTOR).nth(remotes - 1).waitFor({ timeout: 30_000 });
    const names = await page.locator(REMOTE_TILE_SELECTOR).evaluateAll((tiles) => tiles.map((t) => t.getAttribute('aria-label') ?? ''));
    try {
      await Promise.all(names.map((name) => waitForRemoteVideoFrame(page, `${REMOTE_TILE_SELECTOR}[aria-label="${name}"] video`, 45_000)));
    } catch (error) {
      const tiles = await page.locator('.mm-tile').evaluateAll((all) =>
        all.map((t) => `${t.getAttribute('aria-label')}: peer ${t.getAttribute('data-state')}, video ${t.getAttribute('data-video')}`),
      );
      throw new Error(`${(error as Error).message}\n${tiles.join('\n')}`);
    }
    let previous = '';
    for (let attempt = 0; attempt < 40; attempt++) {
      const measure = await measureCall(page);
      const shape = JSON.stringify([measure.layout, measure.pictures.map((p) => p.box), measure.selfViewShare]);
      if (measure.pictures.length === remotes && shape === previous) return measure;
      previous = shape;
      await page.waitForTimeout(250);
    }
    throw new Error(`the layout did not settle with ${remotes} remote pictures:\n${JSON.stringify(await measureCall(page))}`);
  }

  /**
   * Opens or closes the chat as a person would: the Chat button opens it, its own close button
   * closes it (on a phone the sheet covers the controls, so that is the only way there).
   */
  async function setChat(page: Page, open: boolean): Promise<void> {
    const toggle = page.locator('.mm-controls button[data-panel="chat"]');
    if ((await toggle.getAttribute('aria-pressed')) !== String(open)) {
      if (open) await toggle.click();
      else await page.locator('.mm-room__panel[data-panel="chat"]').getByRole('button', { name: 'Close Chat' }).click();
    }
    await page.locator('.mm-room__panel[data-panel="chat"]').waitFor({ state: open ? 'visible' : 'detached' });
  }

  /** Waits for the CSS transitions running now (not the endless animations, such as a pulse); a cancelled one counts as done. */
  const transitionsDone = (page: Page) =>
    page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));

  /** One case: window size, chat state, then measure, screenshot and check. */
  async function measureCase(people: number, viewport: { width: number; height: number }, chat: 'open' | 'closed') {
    const page = me();
    await page.setViewportSize(viewport);
    await setChat(page, chat === 'open');
    const measure = await settled(page, people - 1);
    const name = `${people}-people-${viewport.width}x${viewport.height}-chat-${chat}`;
    await shot(page, name);
    // The same moment in the dark theme (the room follows the system's colour scheme).
    await page.emulateMedia({ colorScheme: 'dark' });
    // Controls fade their colours (160 ms): shoot the theme, not the middle of the change.
    await transitionsDone(page);
    await shot(page, `${name}-dark`);
    await page.emulateMedia({ colorScheme: 'light' });
    await transitionsDone(page);
    figures.push({
      name,
      people,
      viewport: `${viewport.width}x${viewport.height}`,
      chat,
      layout: measure.layout,
      crops: Object.fromEntries(measure.pictures.map((p) => [p.label, Number(p.crop.toFixed(4))])),
      selfViewShare: measure.selfViewShare === null ? null : Number(measure.selfViewShare.toFixed(4)),
    });
    const context = `${name}: ${JSON.stringify(measure)}`;
    for (const picture of measure.pictures) expect(picture.crop, context).toBeLessThan(MAX_CROP);
    if (people === 2) expect(measure.selfViewShare ?? 1, context).toBeLessThan(MAX_SELF_SHARE);
    expect(measure.horizontalScroll, context).toEqual([]);
    expect(measure.controlsOutside, context).toEqual([]);
    if (chat === 'closed') await setChat(page, false);
  }

  it('shows a calm "waiting for others" card with the link while you are alone', async () => {
    tabs.push(await openMeetingTab(browser, hostUrl, 'Therapist', { viewport: DESKTOP }));
    const page = me();
    const card = page.getByRole('region', { name: 'Waiting for others to join' });
    await card.waitFor();
    await card.getByText(meetingUrl).waitFor();
    await expect(page.locator('.mm-tile__action').count()).resolves.toBe(0);
    await shot(page, 'alone-1280x800');
    tabStops.alone = await tabStopsTo(page, MIC);
    expect(tabStops.alone).toBeLessThanOrEqual(3);
  });

  it('two people: the other person large, you small in a corner, at desktop and phone sizes', async () => {
    tabs.push(await openMeetingTab(browser, meetingUrl, 'Alex (client)', { viewport: SMALL, admitBy: tabs[0] }));
    try {
      await settled(me(), 1);
      for (const viewport of [DESKTOP, PHONE]) for (const chat of ['closed', 'open'] as const) await measureCase(2, viewport, chat);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    expect(figures.filter((f) => f.people === 2).map((f) => f.layout)).toEqual(['spotlight', 'spotlight', 'spotlight', 'spotlight']);
    await me().setViewportSize(DESKTOP);
    await setChat(me(), false);
    tabStops.twoPeople = await tabStopsTo(me(), MIC);
    expect(tabStops.twoPeople).toBeLessThanOrEqual(3);
    // The initials of a name with a note in brackets (the other tab with its camera off).
    const other = tabs[1]!.page;
    await other.locator('.mm-controls button[data-source="camera"]').click();
    await me().locator(`${REMOTE_TILE_SELECTOR}[data-camera="off"] .mm-tile__initials`).waitFor();
    await expect(me().locator(`${REMOTE_TILE_SELECTOR} .mm-tile__initials`).textContent()).resolves.toBe('A');
    await shot(me(), 'camera-off-initials');
    await other.locator('.mm-controls button[data-source="camera"]').click();
    await me().locator(`${REMOTE_TILE_SELECTOR}[data-camera="on"]`).waitFor();
  });

  it('controls say what pressing them does, and follow the state', async () => {
    const page = me();
    const mic = page.locator(MIC);
    const camera = page.locator('.mm-controls button[data-source="camera"]');
    const share = page.locator('.mm-controls button[data-source="screen"]');
    const expectButton = async (button: typeof mic, label: string, pressed: boolean) => {
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe(String(pressed));
      await expect(button.textContent()).resolves.toBe(label);
      await expect(button.getAttribute('data-state')).resolves.toBe(pressed ? 'on' : 'off');
    };
    await expectButton(mic, 'Mute', true);
    await mic.click();
    await expectButton(mic, 'Unmute', false);
    // The other side sees the muted badge, and no speaking ring.
    await tabs[1]!.page.locator(`${REMOTE_TILE_SELECTOR}[data-microphone="off"][data-speaking="false"]`).waitFor();
    await shot(page, 'muted-1280x800');
    await mic.click();
    await expectButton(mic, 'Mute', true);
    await camera.click();
    await expectButton(camera, 'Start camera', false);
    await camera.click();
    await expectButton(camera, 'Stop camera', true);
    await share.click();
    await expectButton(share, 'Stop sharing', true);
    // The presenter sees a banner, not their own screen; the other side sees the screen whole.
    await page.getByRole('status').filter({ hasText: 'You are presenting' }).waitFor();
    await expect(page.locator('.mm-tile[data-local="true"][data-source="screen"]').count()).resolves.toBe(0);
    const other = tabs[1]!.page;
    await waitForRemoteVideoFrame(other, '.mm-tile[data-source="screen"] video', 20_000);
    await other.setViewportSize(DESKTOP);
    await expect.poll(async () => (await other.locator('.mm-grid').getAttribute('data-layout')) ?? '').toBe('focus');
    await expect(other.locator('.mm-tile[data-source="screen"] video').evaluate((v) => getComputedStyle(v).objectFit)).resolves.toBe('contain');
    await shot(page, 'presenting-1280x800');
    await shot(other, 'screen-share-viewer-1280x800');
    await other.setViewportSize(SMALL);
    await page.getByRole('button', { name: 'Stop presenting' }).click();
    await expectButton(share, 'Share screen', false);
  });

  it('counts chat messages that arrive while the chat is closed, and clears the count on opening', async () => {
    const page = me();
    await setChat(page, false);
    const other = tabs[1]!.page;
    await setChat(other, true);
    await other.getByRole('textbox', { name: 'Message' }).fill('Can you hear me?');
    await other.getByRole('button', { name: 'Send' }).click();
    const toggle = page.locator('.mm-controls button[data-panel="chat"]');
    await expect.poll(() => toggle.getAttribute('data-unread')).toBe('1');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.getByRole('button', { name: 'Chat, 1 unread' }).count()).resolves.toBe(1);
    await page.locator('[aria-live="polite"]', { hasText: 'Can you hear me?' }).waitFor({ state: 'attached' });
    await shot(page, 'chat-unread-1280x800');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('data-unread')).toBe('0');
    await page.locator('.mm-chat__text', { hasText: 'Can you hear me?' }).waitFor();
    await page.setViewportSize(PHONE);
    await shot(page, 'chat-sheet-390x844');
    await setChat(page, false);
    await setChat(other, false);
    await page.setViewportSize(DESKTOP);
  });

  it('asks before leaving', async () => {
    const page = me();
    await page.locator('.mm-controls button[data-action="leave"]').click();
    const dialog = page.getByRole('dialog', { name: 'Leave the meeting?' });
    await dialog.waitFor();
    await shot(page, 'leave-confirmation-1280x800');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.locator('.mm-room').getAttribute('data-state')).resolves.toBe('joined');
  });

  it('four people: a grid sized to the window, nothing cut, at desktop and phone sizes', async () => {
    tabs.push(await openMeetingTab(browser, meetingUrl, 'Interpreter', { viewport: SMALL, joinTimeout: 45_000, admitBy: tabs[0] }));
    tabs.push(await openMeetingTab(browser, meetingUrl, 'Family member', { viewport: SMALL, joinTimeout: 45_000, admitBy: tabs[0] }));
    try {
      await settled(me(), 3);
      for (const viewport of [DESKTOP, PHONE]) for (const chat of ['closed', 'open'] as const) await measureCase(4, viewport, chat);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    expect(figures.filter((f) => f.people === 4).every((f) => f.layout === 'grid')).toBe(true);
    await me().setViewportSize(DESKTOP);
    await setChat(me(), false);
    tabStops.fourPeople = await tabStopsTo(me(), MIC);
    expect(tabStops.fourPeople).toBeLessThanOrEqual(3);
    await me().setViewportSize(PHONE);
    tabStops.fourPeoplePhone = await tabStopsTo(me(), MIC);
    expect(tabStops.fourPeoplePhone).toBeLessThanOrEqual(3);
  }, 420_000);

  it('logged no console errors and no page errors in any tab', () => {
    for (const tab of tabs) {
      expect(tab.errors.pageErrors, tab.name).toEqual([]);
      expect(tab.errors.consoleErrors, tab.name).toEqual([]);
    }
  });
});
