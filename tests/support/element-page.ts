import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors } from './chromium';
import type { MeetingTab } from './meeting-page';
import { REPO_ROOT } from './quickstart';

/** Where the element tests save their screenshots (git-ignored). */
export const ELEMENT_SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'element');

/** The DOM events of `<mentara-meeting>`. */
const ELEMENT_EVENTS = ['joined', 'left', 'ended', 'error', 'participant-joined', 'participant-left'];

/** One event of the element as the page saw it (its detail summarised). */
export interface RecordedElementEvent {
  type: string;
  bubbles: boolean;
  composed: boolean;
  meetingId?: string;
  participantId?: string;
  code?: string;
  /** Display names in the detail: `participants` of `joined`, the `participant` of `participant-joined`. */
  names: string[];
}

// Runs before the page's scripts. A capturing listener on the document sees every event of the
// element, the non-bubbling `error` too. Plain JavaScript: it is serialised into the page.
const RECORD_EVENTS = `(() => {
  const events = [];
  window.__elementEvents = events;
  for (const type of ${JSON.stringify(ELEMENT_EVENTS)}) {
    document.addEventListener(type, (event) => {
      if (!event.target || event.target.localName !== 'mentara-meeting') return;
      const d = event.detail || {};
      const people = d.participants || (d.participant ? [d.participant] : []);
      events.push({ type, bubbles: event.bubbles, composed: event.composed, meetingId: d.meetingId,
        participantId: d.participantId, code: d.code, names: people.map((p) => p.displayName) });
    }, true);
  }
})()`;

/** A browser tab on an example page, with the element's events and the page's requests recorded. */
export interface ElementTab extends MeetingTab {
  /** Every URL the page requested, in order. */
  requests: string[];
}

/** Opens `url` in a fresh browser context and waits for the element's pre-join screen. */
export async function openElementPage(browser: Browser, url: string, name: string): Promise<ElementTab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(RECORD_EVENTS);
  await page.goto(url);
  await page.getByLabel('Your name').waitFor({ timeout: 20_000 });
  return { name, context, page, errors, requests };
}

/** Types the tab's name on the pre-join screen (inside the element's shadow root) and joins. */
export async function joinFromPreJoin(tab: ElementTab, options: { admittedBy?: ElementTab } = {}): Promise<void> {
  try {
    await tab.page.getByLabel('Your name').fill(tab.name);
    await tab.page.getByRole('button', { name: 'Join meeting' }).click();
    // A meeting with a waiting room: the host lets them in from the prompt in their room.
    if (options.admittedBy) await options.admittedBy.page.getByRole('button', { name: `Admit ${tab.name}` }).click({ timeout: 20_000 });
    await tab.page.locator('.mm-room[data-state="joined"]').waitFor({ timeout: 20_000 });
  } catch (error) {
    throw new Error(`${tab.name} could not join: ${(error as Error).message}\n${tab.errors.log.join('\n')}`);
  }
}

/** The element's events the page saw so far, oldest first. */
export function elementEvents(page: Page): Promise<RecordedElementEvent[]> {
  return page.evaluate(() => (window as unknown as { __elementEvents?: RecordedElementEvent[] }).__elementEvents ?? []);
}

/** Waits until the page saw an element event of `type`. */
export async function waitForElementEvent(page: Page, type: string, timeoutMs = 15_000): Promise<RecordedElementEvent> {
  await page.waitForFunction(
    (wanted) => ((window as unknown as { __elementEvents?: Array<{ type: string }> }).__elementEvents ?? []).some((e) => e.type === wanted),
    type,
    { timeout: timeoutMs },
  );
  const found = (await elementEvents(page)).find((e) => e.type === type);
  if (!found) throw new Error(`no ${type} event`);
  return found;
}

/** What one layout of the page measured. */
export interface ElementLayout {
  file: string;
  viewport: { width: number; height: number };
  colorScheme: 'light' | 'dark';
  /** The element's box. */
  element: { x: number; y: number; width: number; height: number };
  /** Page wider than the window (a horizontal scrollbar). */
  overflowsX: boolean;
  /** Every control of the room's control bar lies inside the window. */
  controlsInside: boolean;
  /** Computed background of the room root. */
  roomBackground: string;
}

/** Screenshots `page` at 1280×800 and 390×844, light and dark, and measures each layout. */
export async function captureElementLayouts(page: Page, prefix: string): Promise<ElementLayout[]> {
  mkdirSync(ELEMENT_SCREENSHOT_DIR, { recursive: true });
  const layouts: ElementLayout[] = [];
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      // Layout and a few video frames at the new size.
      await page.waitForTimeout(800);
      const file = join(ELEMENT_SCREENSHOT_DIR, `${prefix}-${viewport.width}x${viewport.height}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      const measured = await page.evaluate(() => {
        const host = document.querySelector('mentara-meeting');
        const root = host?.shadowRoot;
        if (!host || !root) throw new Error('no <mentara-meeting> with a shadow root');
        const box = host.getBoundingClientRect();
        const inside = (r: DOMRect) => r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth + 0.5 && r.bottom <= window.innerHeight + 0.5;
        const controls = [...root.querySelectorAll('.mm-controls button')].filter((b) => (b as HTMLElement).offsetParent !== null);
        const room = root.querySelector('.mm-root');
        return {
          element: { x: box.x, y: box.y, width: box.width, height: box.height },
          overflowsX: document.documentElement.scrollWidth > window.innerWidth,
          controlsInside: controls.length > 0 && controls.every((b) => inside(b.getBoundingClientRect())),
          roomBackground: room ? getComputedStyle(room).backgroundColor : '',
        };
      });
      layouts.push({ file, viewport, colorScheme, ...measured });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  return layouts;
}
