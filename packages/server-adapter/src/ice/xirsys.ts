import { cachedUntil } from './cached';
import { turnEntries, type RawIceEntry } from './normalize';
import type { FetchLike, IceProvider } from './types';

/** Options of the Xirsys REST provider (dynamic credentials). */
export interface XirsysOptions {
  /** Xirsys account ident (basic-auth user). */
  ident: string;
  /** Xirsys API secret (basic-auth password). */
  secret: string;
  /** Channel name, as created in the Xirsys dashboard. */
  channel: string;
  /** API base URL (overridable for tests). @default 'https://global.xirsys.net' */
  apiBaseUrl?: string;
  /** How long fetched credentials are reused. @default 30 */
  cacheSeconds?: number;
  fetch?: FetchLike;
  now?: () => number;
}

interface XirsysResponse {
  s?: string;
  v?: { iceServers?: RawIceEntry | RawIceEntry[] } | string;
}

/**
 * TURN credentials from the Xirsys API: `PUT /_turn/<channel>` with HTTP basic auth and
 * `{"format":"urls"}`. Accepts both answer shapes (`iceServers` as one object with a `urls`
 * list, or as an array of entries).
 */
export function createXirsysProvider(options: XirsysOptions): IceProvider {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const base = (options.apiBaseUrl ?? 'https://global.xirsys.net').replace(/\/+$/, '');
  const url = `${base}/_turn/${encodeURIComponent(options.channel)}`;
  const auth = Buffer.from(`${options.ident}:${options.secret}`).toString('base64');
  const cacheMs = (options.cacheSeconds ?? 30) * 1000;

  const load = cachedUntil(async () => {
    const res = await doFetch(url, {
      method: 'PUT',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'urls' }),
    });
    if (!res.ok) throw new Error(`Xirsys request failed: HTTP ${res.status}`);
    const body = (await res.json()) as XirsysResponse;
    if (body.s !== 'ok' || typeof body.v !== 'object' || !body.v.iceServers) {
      throw new Error(`Xirsys answered with an error: ${typeof body.v === 'string' ? body.v : 'no iceServers'}`);
    }
    const entries = Array.isArray(body.v.iceServers) ? body.v.iceServers : [body.v.iceServers];
    const servers = turnEntries(entries);
    if (servers.length === 0) throw new Error('Xirsys answer had no TURN servers');
    return { value: servers, expiresAt: now() + cacheMs };
  }, now);

  return {
    name: 'xirsys',
    getIceServers: async () => (await load()).map((s) => ({ ...s })),
  };
}
