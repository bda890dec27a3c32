import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { PageErrors } from './chromium';
import type { OpenMeetingTabOptions } from './meeting-page';

/** One Firefox tab in a meeting (puppeteer-core over WebDriver BiDi). */
export interface FirefoxMeetingTab {
  name: string;
  context: BrowserContext;
  page: Page;
  errors: PageErrors;
}

/**
 * What Firefox itself reports when a WebSocket attempt fails (a busy server, a page closing): a
 * network notice, which Socket.IO answers by retrying — not an exception of the page's code.
 */
const WEBSOCKET_NOTICE = /^(Error: )?(Firefox can.t establish a connection to the server at ws|The connection to ws:\S+ was interrupted while the page was loading)/;

/** Starts collecting a Firefox page's uncaught errors and console lines. */
export function collectFirefoxPageErrors(page: Page): PageErrors {
  const collected: PageErrors = { pageErrors: [], consoleErrors: [], log: [] };
  page.on('pageerror', (error) => {
    const text = error instanceof Error ? String(error.stack ?? error.message) : String(error);
    if (WEBSOCKET_NOTICE.test(text)) {
      collected.log.push(`[network] ${text}`);
      return;
    }
    collected.pageErrors.push(text);
    collected.log.push(`[pageerror] ${text}`);
  });
  page.on('console', (message) => {
    collected.log.push(`[${message.type()}] ${message.text()}`);
    if (message.type() === 'error') collected.consoleErrors.push(message.text());
  });
  return collected;
}

/**
 * Opens `meetingUrl` in a fresh Firefox browser context (its own storage, like another person's
 * browser), types `name` on the pre-join screen and joins — the Firefox twin of `openMeetingTab`.
 */
export async function openFirefoxMeetingTab(
  browser: Browser,
  meetingUrl: string,
  name: string,
  options: OpenMeetingTabOptions = {},
): Promise<FirefoxMeetingTab> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = collectFirefoxPageErrors(page);
  if (options.initScript) await page.evaluateOnNewDocument(options.initScript);
  try {
    await page.goto(options.query ? `${meetingUrl}?${options.query}` : meetingUrl);
    await page.locator('input[name="displayName"]').setTimeout(15_000).fill(name);
    await page.locator('form button[type="submit"]').setTimeout(5_000).click();
    await page.waitForSelector('.mm-room[data-state="joined"]', { timeout: 20_000 });
  } catch (error) {
    throw new Error(`${name} (Firefox) could not join: ${(error as Error).message}\n${errors.log.join('\n')}`);
  }
  return { name, context, page, errors };
}

/** Presses the room's Leave button, confirms with "Leave meeting", and waits for the "left" screen. */
export async function leaveFromFirefox(tab: FirefoxMeetingTab): Promise<void> {
  await tab.page.locator('.mm-room button[data-action="leave"]').setTimeout(5_000).click();
  await tab.page.locator('.mm-leave .mm-dialog__actions button::-p-text(Leave meeting)').setTimeout(5_000).click();
  await tab.page.waitForSelector('.mm-room[data-state="left"]', { timeout: 10_000 });
}
