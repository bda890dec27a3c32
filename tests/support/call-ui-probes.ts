import type { Page } from 'playwright-core';

/** What one remote camera picture looks like on the page. */
export interface PictureMeasure {
  /** Name on the tile. */
  label: string;
  videoWidth: number;
  videoHeight: number;
  /** The `<video>` element's box, CSS pixels. */
  box: { x: number; y: number; width: number; height: number };
  objectFit: string;
  /**
   * Share (0–1) of the picture not visible: cut by `object-fit`, by any clipping ancestor or by
   * the window. Letterbox bars are not a crop.
   */
  crop: number;
}

/** Everything the call-UI suite measures on one page at one moment. */
export interface PageMeasure {
  viewport: { width: number; height: number };
  layout: string | null;
  pictures: PictureMeasure[];
  /** Share of the stage the floating self view covers, when there is one. */
  selfViewShare: number | null;
  /** Elements that scroll sideways (the document itself is `html`). */
  horizontalScroll: string[];
  /** Visible controls whose box is not entirely inside the window. */
  controlsOutside: string[];
}

/**
 * In-page measuring code, plain JavaScript source (a TypeScript loader would add helpers that do
 * not exist once serialised into the page).
 */
const MEASURE_SOURCE = `() => {
  const rect = (r) => ({ x: r.left, y: r.top, width: r.width, height: r.height });
  const intersect = (a, b) => {
    const left = Math.max(a.x, b.x), top = Math.max(a.y, b.y);
    const right = Math.min(a.x + a.width, b.x + b.width), bottom = Math.min(a.y + a.height, b.y + b.height);
    return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
  };
  const viewport = { x: 0, y: 0, width: innerWidth, height: innerHeight };
  const visible = (el) => {
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && r.width > 1 && r.height > 1 && style.clip !== 'rect(0px, 0px, 0px, 0px)';
  };
  const pictures = [];
  for (const video of document.querySelectorAll('.mm-tile[data-local="false"][data-source="camera"] video')) {
    const tile = video.closest('.mm-tile');
    if (!video.videoWidth || !video.videoHeight || !visible(video)) continue;
    const box = rect(video.getBoundingClientRect());
    const fit = getComputedStyle(video).objectFit;
    const sx = box.width / video.videoWidth, sy = box.height / video.videoHeight;
    const scale = fit === 'cover' ? Math.max(sx, sy) : fit === 'contain' ? Math.min(sx, sy)
      : fit === 'scale-down' ? Math.min(1, sx, sy) : fit === 'none' ? 1 : NaN;
    // 'fill' stretches instead of cutting: reported as a full crop so it can never pass unnoticed.
    let crop = 1;
    if (!Number.isNaN(scale)) {
      const drawn = { width: video.videoWidth * scale, height: video.videoHeight * scale };
      drawn.x = box.x + (box.width - drawn.width) / 2;
      drawn.y = box.y + (box.height - drawn.height) / 2;
      let shown = intersect(drawn, box);
      for (let el = video.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') shown = intersect(shown, rect(el.getBoundingClientRect()));
      }
      shown = intersect(shown, viewport);
      crop = 1 - (shown.width * shown.height) / (drawn.width * drawn.height);
    }
    pictures.push({ label: tile.getAttribute('aria-label'), videoWidth: video.videoWidth, videoHeight: video.videoHeight, box, objectFit: fit, crop });
  }
  const self = document.querySelector('.mm-selfview');
  const stage = document.querySelector('.mm-room__stage');
  let selfViewShare = null;
  if (self && stage && visible(self)) {
    const s = intersect(rect(self.getBoundingClientRect()), rect(stage.getBoundingClientRect()));
    const t = stage.getBoundingClientRect();
    selfViewShare = (s.width * s.height) / (t.width * t.height);
  }
  const horizontalScroll = [];
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) horizontalScroll.push('html');
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      horizontalScroll.push(el.className || el.tagName);
    }
  }
  const controlsOutside = [];
  for (const el of document.querySelectorAll('.mm-root button, .mm-root a[href], .mm-root input, .mm-root select')) {
    if (!visible(el) || el.closest('.mm-visually-hidden') || el.classList.contains('mm-skip-link')) continue;
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
      controlsOutside.push((el.getAttribute('aria-label') || el.textContent || el.tagName).trim() + ' @ ' + Math.round(r.left) + ',' + Math.round(r.top) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
    }
  }
  const grid = document.querySelector('.mm-grid');
  return { viewport: { width: innerWidth, height: innerHeight }, layout: grid && grid.getAttribute('data-layout'), pictures, selfViewShare, horizontalScroll, controlsOutside };
}`;

const measureInPage = new Function(`return ${MEASURE_SOURCE}`)() as () => PageMeasure;

/** Measures the call as it is drawn: picture crop, self-view share, sideways scrolling, controls in view. */
export function measureCall(page: Page): Promise<PageMeasure> {
  return page.evaluate(measureInPage);
}

/**
 * Presses Tab from the top of the page until `selector` has focus; answers how many presses
 * that took (`null` when it was not reached within `limit`).
 */
export async function tabStopsTo(page: Page, selector: string, limit = 25): Promise<number | null> {
  // A throwaway button before everything else: Tab from it is Tab from the top of the page.
  await page.evaluate(() => {
    const start = document.createElement('button');
    start.id = '__tab-start';
    start.setAttribute('style', 'position:fixed;left:0;top:0;opacity:0');
    document.body.prepend(start);
    start.focus();
  });
  try {
    for (let presses = 1; presses <= limit; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    }
    return null;
  } finally {
    await page.evaluate(() => document.getElementById('__tab-start')?.remove());
  }
}
