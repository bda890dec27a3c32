import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, type PageErrors } from './chromium';

/** A remote participant's camera tile in `<MeetingRoom/>`. */
export const REMOTE_TILE_SELECTOR = '.mm-tile[data-local="false"][data-source="camera"]';
/** The `<video>` of a remote participant's camera tile. */
export const REMOTE_VIDEO_SELECTOR = `${REMOTE_TILE_SELECTOR} video`;
/** The `<video>` of a remote participant's screen-share tile. */
export const REMOTE_SCREEN_VIDEO_SELECTOR = '.mm-tile[data-local="false"][data-source="screen"] video';

/** One browser tab in a meeting. */
export interface MeetingTab {
  name: string;
  context: BrowserContext;
  page: Page;
  errors: PageErrors;
}

/** Options of {@link openMeetingTab}. */
export interface OpenMeetingTabOptions {
  /** Query string appended to the meeting URL, e.g. `relay=1`. */
  query?: string;
  /** Runs in the page before any of its scripts (instrumentation). */
  initScript?: string;
  /** How long joining may take, ms (a busy machine with several tabs sending video is slower). @default 20000 */
  joinTimeout?: number;
  /** Window size of the tab. @default 1280 × 720 (Playwright's default) */
  viewport?: { width: number; height: number };
}

/**
 * Opens `meetingUrl` in a fresh browser context (separate storage, like another person's
 * browser), types `name` on the pre-join screen and joins.
 */
export async function openMeetingTab(
  browser: Browser,
  meetingUrl: string,
  name: string,
  options: OpenMeetingTabOptions = {},
): Promise<MeetingTab> {
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  if (options.initScript) await page.addInitScript(options.initScript);
  try {
    await page.goto(options.query ? `${meetingUrl}?${options.query}` : meetingUrl);
    await page.getByLabel('Your name').fill(name, { timeout: 15_000 });
    await page.getByRole('button', { name: 'Join meeting' }).click();
    await page.locator('.mm-room[data-state="joined"]').waitFor({ timeout: options.joinTimeout ?? 20_000 });
  } catch (error) {
    // What the person sees instead: the room's state and any message on screen.
    const seen = await page
      .evaluate(() => `room ${document.querySelector('.mm-room')?.getAttribute('data-state') ?? 'none'}: ${document.body.innerText.slice(0, 600)}`)
      .catch(() => '');
    throw new Error(`${name} could not join: ${(error as Error).message}\n${seen}\n${errors.log.join('\n')}`);
  }
  return { name, context, page, errors };
}

/** Creates a meeting the way a person does: the landing page's button, then reads the link. */
export async function createMeetingFromLanding(browser: Browser, origin: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto(origin);
      await page.getByRole('button', { name: 'Create a meeting' }).click({ timeout: 15_000 });
      const link = page.getByTestId('meeting-url');
      await link.waitFor({ timeout: 10_000 });
      return (await link.getAttribute('href')) ?? '';
    } catch (error) {
      throw new Error(`the landing page failed: ${(error as Error).message}\n${errors.log.join('\n')}`);
    }
  } finally {
    await context.close();
  }
}

/** A diagnostic dump of the tabs' console logs, for failure messages. */
export function describeTabs(tabs: readonly Pick<MeetingTab, 'name' | 'errors'>[]): string {
  return tabs.map((tab) => `--- ${tab.name}\n${tab.errors.log.slice(-40).join('\n')}`).join('\n');
}

/**
 * Starts recording every `data-state` the room's connection status takes
 * (`connected` → `reconnecting` → …); read them with {@link readConnectionStates}.
 */
export async function recordConnectionStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const target = document.querySelector('.mm-room .mm-status');
    if (!target) throw new Error('no .mm-status element in the room');
    const states: string[] = [target.getAttribute('data-state') ?? ''];
    (window as unknown as { __connectionStates: string[] }).__connectionStates = states;
    new MutationObserver(() => {
      const state = target.getAttribute('data-state') ?? '';
      if (states[states.length - 1] !== state) states.push(state);
    }).observe(target, { attributes: true, attributeFilter: ['data-state'] });
  });
}

/** The connection states recorded since {@link recordConnectionStates}, oldest first. */
export function readConnectionStates(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __connectionStates?: string[] }).__connectionStates ?? []);
}
