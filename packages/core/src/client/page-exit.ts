import { getWindow } from '../env/globals';

/**
 * Call `onExit` when the page goes away (`pagehide`: the tab closes, reloads or navigates).
 * Returns the disposer; outside browsers it does nothing.
 */
export function watchPageExit(onExit: () => void): () => void {
  const w = getWindow();
  if (!w?.addEventListener) return () => {};
  w.addEventListener('pagehide', onExit);
  return () => w.removeEventListener('pagehide', onExit);
}
