import { createHmac } from 'node:crypto';
import type { IceProvider, IceServer } from './types';

/** Options of coturn's TURN REST API credentials (`use-auth-secret` + `static-auth-secret`). */
export interface CoturnSecretOptions {
  /** `turn:` / `turns:` URLs of the coturn server(s). */
  urls: string[];
  /** The `static-auth-secret` configured in coturn. */
  secret: string;
  /** Credential lifetime in seconds. @default 86400 (a meeting room token's lifetime) */
  ttlSeconds?: number;
  now?: () => number;
}

/** Options of plain long-term coturn credentials (`user=username:password`). */
export interface CoturnStaticOptions {
  urls: string[];
  username: string;
  password: string;
}

/**
 * Time-limited coturn credentials: username `<expiry-unix-seconds>:<userId>`, credential
 * `base64(HMAC-SHA1(secret, username))`. coturn refuses them once the expiry has passed.
 */
export function coturnCredentials(
  secret: string,
  userId: string,
  ttlSeconds: number,
  now: number = Date.now(),
): { username: string; credential: string } {
  const expiry = Math.floor(now / 1000) + ttlSeconds;
  // coturn splits the username on ':'; keep the user part free of it.
  const username = `${expiry}:${userId.replace(/:/g, '_')}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential };
}

/** coturn with a shared secret: fresh time-limited credentials per request. */
export function createCoturnSecretProvider(options: CoturnSecretOptions): IceProvider {
  if (!options.secret) throw new Error('coturn: secret must not be empty');
  const ttl = options.ttlSeconds ?? 86_400;
  const now = options.now ?? Date.now;
  return {
    name: 'coturn-secret',
    async getIceServers(userId: string): Promise<IceServer[]> {
      return [{ urls: options.urls, ...coturnCredentials(options.secret, userId, ttl, now()) }];
    },
  };
}

/** Static TURN credentials (the deployment guide's TURN_SERVER_URL / TURN_USERNAME / TURN_PASSWORD). */
export function createStaticTurnProvider(name: string, options: CoturnStaticOptions): IceProvider {
  const server: IceServer = { urls: options.urls, username: options.username, credential: options.password };
  return {
    name,
    async getIceServers(): Promise<IceServer[]> {
      return [{ ...server }];
    },
  };
}
