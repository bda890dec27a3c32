import { useSyncExternalStore } from 'react';

/** The pages of the quickstart, parsed from `location.pathname`. */
export type Route = { page: 'home' } | { page: 'meeting'; meetingId: string } | { page: 'not-found' };

/** Parses a pathname: `/` and `/meeting/:meetingId`. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/meeting\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) return { page: 'meeting', meetingId: decodeURIComponent(match[1]) };
  return { page: 'not-found' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

/** The current route; re-renders on back/forward and on {@link navigate}. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
  return parseRoute(pathname);
}

/** Client-side navigation to `path` (same origin). */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
