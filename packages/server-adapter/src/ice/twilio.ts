import { cachedUntil } from './cached';
import { turnEntries, type RawIceEntry } from './normalize';
import type { FetchLike, IceProvider, IceServer } from './types';

/** Options of the Twilio Network Traversal Service provider. */
export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** When set, used as the TURN URL with the token's credentials instead of the URLs Twilio returns. */
  turnServerUrl?: string;
  /** Requested token lifetime in seconds. @default 86400 */
  ttlSeconds?: number;
  /** API base URL (overridable for tests). @default 'https://api.twilio.com' */
  apiBaseUrl?: string;
  fetch?: FetchLike;
  now?: () => number;
}

interface TwilioTokenResponse {
  username?: string;
  password?: string;
  ttl?: string | number;
  ice_servers?: RawIceEntry[];
}

/** Twilio tokens are reused until this close to their expiry (or 10% of their lifetime, if less). */
const REFRESH_MARGIN_MS = 60_000;

/**
 * TURN credentials from Twilio's Network Traversal Service:
 * `POST /2010-04-01/Accounts/{AccountSid}/Tokens.json` with HTTP basic auth. The token is
 * account-wide, so one is cached for everyone until shortly before its `ttl`.
 */
export function createTwilioProvider(options: TwilioOptions): IceProvider {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const base = (options.apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const ttl = options.ttlSeconds ?? 86_400;
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Tokens.json`;
  const auth = Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64');

  const getToken = cachedUntil(async () => {
    const res = await doFetch(url, {
      method: 'POST',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Ttl: String(ttl) }).toString(),
    });
    if (!res.ok) throw new Error(`Twilio token request failed: HTTP ${res.status}`);
    const body = (await res.json()) as TwilioTokenResponse;
    const lifetimeMs = Number(body.ttl ?? ttl) * 1000;
    return { value: body, expiresAt: now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs * 0.1) };
  }, now);

  return {
    name: 'twilio',
    async getIceServers(): Promise<IceServer[]> {
      const token = await getToken();
      if (options.turnServerUrl) {
        if (!token.username || !token.password) throw new Error('Twilio token without username/password');
        return [{ urls: options.turnServerUrl, username: token.username, credential: token.password }];
      }
      // STUN entries are configured separately (STUN_SERVER_URL); keep Twilio's TURN entries.
      const servers = turnEntries(token.ice_servers ?? []);
      if (servers.length === 0) throw new Error('Twilio token response had no TURN servers');
      return servers;
    },
  };
}
