/** Browser families whose permission settings look alike. */
export type BrowserFamily = 'chromium' | 'firefox' | 'safari' | 'other';

/** The browser family of a user-agent string (Chrome, Edge, Opera, Brave… are `chromium`). Internal. */
export function browserFamily(userAgent: string): BrowserFamily {
  if (/Firefox\/|FxiOS/.test(userAgent)) return 'firefox';
  if (/Edg\/|OPR\/|Chrome\/|Chromium\/|CriOS/.test(userAgent)) return 'chromium';
  if (/Safari\//.test(userAgent)) return 'safari';
  return 'other';
}
