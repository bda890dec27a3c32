/**
 * Guarded access to browser globals. Nothing here runs at module scope, so importing the
 * SDK on a server (Next.js SSR, Node) never touches `window` or `navigator`.
 */

/** `window`, when running in a browser. */
export function getWindow(): Window | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

/** `navigator.mediaDevices`, when the browser exposes it (secure contexts only). */
export function getBrowserMediaDevices(): MediaDevices | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return navigator.mediaDevices ?? undefined;
}

/** Whether the page is a secure context (https or localhost); `true` outside browsers. */
export function isSecureContextNow(): boolean {
  const w = getWindow();
  return w ? w.isSecureContext !== false : true;
}

/** `navigator.onLine`, `true` when unknown. */
export function isOnlineNow(): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.onLine !== 'boolean') return true;
  return navigator.onLine;
}

/** The `MediaStream` constructor: from the given WebRTC implementation (Node) or the browser. */
export function getMediaStreamConstructor(wrtc?: { MediaStream?: unknown }): typeof MediaStream | undefined {
  const fromWrtc = wrtc?.MediaStream as typeof MediaStream | undefined;
  if (fromWrtc) return fromWrtc;
  return typeof MediaStream === 'undefined' ? undefined : MediaStream;
}
