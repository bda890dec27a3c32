import type { IceServer } from './types';

/** An ICE server entry as third-party APIs return it (`url` is the legacy field). */
export interface RawIceEntry {
  url?: string;
  urls?: string | string[];
  username?: string;
  credential?: string;
}

const isTurn = (url: string): boolean => /^turns?:/i.test(url);

/**
 * Keeps the TURN URLs of third-party entries (STUN is configured separately, so tests and
 * local setups never get an external STUN address smuggled in) and drops empty entries.
 */
export function turnEntries(entries: readonly RawIceEntry[]): IceServer[] {
  const servers: IceServer[] = [];
  for (const entry of entries) {
    const raw = entry.urls ?? entry.url;
    const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(isTurn);
    if (list.length === 0) continue;
    servers.push({
      urls: list.length === 1 ? (list[0] as string) : list,
      ...(entry.username ? { username: entry.username } : {}),
      ...(entry.credential ? { credential: entry.credential } : {}),
    });
  }
  return servers;
}
