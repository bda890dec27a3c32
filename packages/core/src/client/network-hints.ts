import { getWindow } from '../env/globals';

/**
 * Listen to the browser's `online` / `offline` events (hints only: the socket and ICE decide).
 * Returns the disposer; outside browsers it does nothing.
 */
export function watchNetworkHints(handlers: { online: () => void; offline: () => void }): () => void {
  const w = getWindow();
  if (!w?.addEventListener) return () => {};
  w.addEventListener('online', handlers.online);
  w.addEventListener('offline', handlers.offline);
  return () => {
    w.removeEventListener('online', handlers.online);
    w.removeEventListener('offline', handlers.offline);
  };
}
