/**
 * Instrumentation for browser leak checks, installed with `addInitScript` before any page script
 * runs: counts peer connections (created, still open), camera/microphone/screen tracks (from
 * getUserMedia/getDisplayMedia and their clones, still live), pending timers, listeners on
 * `window`/`document`, and WebSockets (still connecting or open). Read with {@link readLeakCounts}.
 */
import type { Page } from 'playwright-core';

/** What the probes count in a page. */
export interface LeakCounts {
  peerConnectionsCreated: number;
  openPeerConnections: number;
  tracksCreated: number;
  liveTracks: number;
  pendingTimeouts: number;
  activeIntervals: number;
  windowListeners: number;
  documentListeners: number;
  webSocketsCreated: number;
  openWebSockets: number;
}

/** The init script (a string, so it runs as it is, before the page's own code). */
export const LEAK_PROBES_SCRIPT = `(() => {
  const pcs = [];
  const tracks = [];
  const sockets = [];
  /** Pending one-shot timers: id → delay and where it was set (for failure messages). */
  const timeouts = new Map();
  const intervals = new Set();
  const listeners = { window: new Map(), document: new Map() };

  const NativePC = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePC {
    constructor(...args) { super(...args); pcs.push(this); }
  };

  const media = navigator.mediaDevices;
  for (const name of ['getUserMedia', 'getDisplayMedia']) {
    const native = media[name] && media[name].bind(media);
    if (!native) continue;
    media[name] = async (...args) => {
      const stream = await native(...args);
      tracks.push(...stream.getTracks());
      return stream;
    };
  }
  const nativeClone = MediaStreamTrack.prototype.clone;
  MediaStreamTrack.prototype.clone = function (...args) {
    const copy = nativeClone.apply(this, args);
    if (tracks.includes(this)) tracks.push(copy);
    return copy;
  };

  const nativeSetTimeout = window.setTimeout.bind(window);
  const nativeClearTimeout = window.clearTimeout.bind(window);
  const nativeSetInterval = window.setInterval.bind(window);
  const nativeClearInterval = window.clearInterval.bind(window);
  window.setTimeout = (fn, ms, ...rest) => {
    const id = nativeSetTimeout((...a) => { timeouts.delete(id); if (typeof fn === 'function') fn(...a); }, ms, ...rest);
    timeouts.set(id, { ms: Number(ms) || 0, at: performance.now(), stack: String(new Error().stack).split('\\n').slice(2, 6).join(' < ') });
    return id;
  };
  window.clearTimeout = (id) => { timeouts.delete(id); intervals.delete(id); nativeClearTimeout(id); };
  window.setInterval = (fn, ms, ...rest) => { const id = nativeSetInterval(fn, ms, ...rest); intervals.add(id); return id; };
  window.clearInterval = (id) => { intervals.delete(id); timeouts.delete(id); nativeClearInterval(id); };

  const keyOf = (type, listener, options) => type + '|' + (typeof options === 'boolean' ? options : Boolean(options && options.capture));
  const nativeAdd = EventTarget.prototype.addEventListener;
  const nativeRemove = EventTarget.prototype.removeEventListener;
  const tableOf = (target) => (target === window ? listeners.window : target === document ? listeners.document : null);
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const table = tableOf(this);
    if (table && listener) {
      const key = keyOf(type, listener, options);
      const set = table.get(key) || new Set();
      set.add(listener);
      table.set(key, set);
      if (options && typeof options === 'object' && options.signal) {
        options.signal.addEventListener('abort', () => set.delete(listener), { once: true });
      }
    }
    return nativeAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const table = tableOf(this);
    if (table) table.get(keyOf(type, listener, options))?.delete(listener);
    return nativeRemove.call(this, type, listener, options);
  };

  const NativeWS = window.WebSocket;
  window.WebSocket = class extends NativeWS {
    constructor(...args) { super(...args); sockets.push(this); }
  };

  const count = (table) => [...table.values()].reduce((n, set) => n + set.size, 0);
  window.__leakListeners = () => ({
    window: [...listeners.window].filter(([, set]) => set.size > 0).map(([key, set]) => key + ' ×' + set.size),
    document: [...listeners.document].filter(([, set]) => set.size > 0).map(([key, set]) => key + ' ×' + set.size),
  });
  window.__leakTimers = () => [...timeouts.values()].map((t) => ({ ms: t.ms, ageMs: Math.round(performance.now() - t.at), stack: t.stack }));
  window.__leakCounts = () => ({
    peerConnectionsCreated: pcs.length,
    openPeerConnections: pcs.filter((pc) => pc.signalingState !== 'closed').length,
    tracksCreated: tracks.length,
    liveTracks: tracks.filter((t) => t.readyState === 'live').length,
    pendingTimeouts: timeouts.size,
    activeIntervals: intervals.size,
    windowListeners: count(listeners.window),
    documentListeners: count(listeners.document),
    webSocketsCreated: sockets.length,
    openWebSockets: sockets.filter((s) => s.readyState === NativeWS.CONNECTING || s.readyState === NativeWS.OPEN).length,
  });
})();`;

/** The probes' counts in `page` now. */
export function readLeakCounts(page: Page): Promise<LeakCounts> {
  return page.evaluate(() => (window as unknown as { __leakCounts(): LeakCounts }).__leakCounts());
}

/** The one-shot timers still pending in `page`: delay, age and where each was set. */
export function readPendingTimers(page: Page): Promise<Array<{ ms: number; ageMs: number; stack: string }>> {
  return page.evaluate(() => (window as unknown as { __leakTimers(): Array<{ ms: number; ageMs: number; stack: string }> }).__leakTimers());
}

/** The listeners on `window` and `document` in `page`, as `type|capture ×count`. */
export function readListeners(page: Page): Promise<{ window: string[]; document: string[] }> {
  return page.evaluate(() => (window as unknown as { __leakListeners(): { window: string[]; document: string[] } }).__leakListeners());
}
