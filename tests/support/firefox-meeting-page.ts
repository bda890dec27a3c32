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
 * Polls `expression`, a string evaluated in the page, until it is truthy. The tab is driven with
 * string expressions only: puppeteer's locators and `waitForSelector` run helpers it builds with
 * `Function()`, which Firefox 140 refuses under the page's Content-Security-Policy (no
 * `unsafe-eval`), so they time out and every attempt is reported as a page error.
 */
async function until(page: Page, expression: string, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An expression that clicks the first enabled element matching `selector` (with `text`, if given); truthy when it did. */
const clickExpression = (selector: string, text?: string): string => `(() => {
  const found = [...document.querySelectorAll(${JSON.stringify(selector)})].find((el) => !el.disabled && (${JSON.stringify(text ?? null)} === null || el.textContent.trim() === ${JSON.stringify(text ?? null)}));
  if (!found) return false;
  found.click();
  return true;
})()`;

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
    // The React input takes the value through the native setter and an input event, as typing does.
    const fill = `(() => {
      const input = document.querySelector('input[name="displayName"]');
      if (!input) return false;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(name)});
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return input.value === ${JSON.stringify(name)};
    })()`;
    await until(page, fill, 15_000, 'the name field');
    await until(page, clickExpression('form button[type="submit"]'), 5_000, 'the join button');
    await until(page, `document.querySelector('.mm-room[data-state="joined"]') !== null`, 20_000, 'the room');
  } catch (error) {
    throw new Error(`${name} (Firefox) could not join: ${(error as Error).message}\n${errors.log.join('\n')}`);
  }
  return { name, context, page, errors };
}

/** Presses the room's Leave button, confirms with "Leave meeting", and waits for the "left" screen. */
export async function leaveFromFirefox(tab: FirefoxMeetingTab): Promise<void> {
  await until(tab.page, clickExpression('.mm-room button[data-action="leave"]'), 5_000, 'the leave button');
  await until(tab.page, clickExpression('.mm-leave .mm-dialog__actions button', 'Leave meeting'), 5_000, 'the leave confirmation');
  await until(tab.page, `document.querySelector('.mm-room[data-state="left"]') !== null`, 10_000, 'the left screen');
}
