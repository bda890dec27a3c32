import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hasApiScope, MEETINGS_API_AUDIENCE } from '../auth/api-token';
import { createTokenVerifier, type TokenVerifier } from '../auth/jwt-verifier';
import type { JwtAuthOptions } from '../auth/types';

/** Who called the API: an API key (by its position in the list, never its value) or a server token's subject. */
export type ApiCaller = { kind: 'api-key'; index: number } | { kind: 'server-token'; subject: string };

/** Settings of {@link createApiAuthenticator}. */
export interface ApiAuthSettings {
  apiKeys: readonly string[];
  /** JWT settings to verify server tokens with, or `undefined` for API keys only. */
  serverTokens: (JwtAuthOptions & { audience: string | string[] }) | undefined;
}

/** The shortest API key accepted: enough entropy that guessing is hopeless (`openssl rand -hex 32` gives 64). */
export const MIN_API_KEY_LENGTH = 24;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Authenticates a REST API request from `Authorization: Bearer <credential>`: an API key
 * (compared in constant time: every key is compared, over SHA-256 digests of equal length, so
 * neither which key nor its length leaks), else a server token (audience `mentara-meetings-api`
 * and `scope: meetings:api`). A participant's meeting token is neither: refused.
 */
export function createApiAuthenticator(settings: ApiAuthSettings): (req: IncomingMessage) => Promise<ApiCaller | null> {
  for (const key of settings.apiKeys) {
    if (key.length < MIN_API_KEY_LENGTH) throw new Error(`API keys must be at least ${MIN_API_KEY_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`);
  }
  const keys = settings.apiKeys.map(digest);
  const verifyServerToken: TokenVerifier | undefined = settings.serverTokens
    ? createTokenVerifier(settings.serverTokens, (claims) => (hasApiScope(claims) && typeof claims.sub === 'string' ? { userId: claims.sub } : null))
    : undefined;
  return async (req) => {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
    const credential = match?.[1];
    if (!credential) return null;
    const candidate = digest(credential);
    let index = -1;
    keys.forEach((key, i) => {
      if (timingSafeEqual(key, candidate)) index = i;
    });
    if (index >= 0) return { kind: 'api-key', index };
    const server = verifyServerToken ? await verifyServerToken(credential) : null;
    return server ? { kind: 'server-token', subject: server.userId } : null;
  };
}

/** The JWT settings server tokens are verified with: the server's own, with the API's audience. */
export const serverTokenSettings = (auth: JwtAuthOptions, audience: string = MEETINGS_API_AUDIENCE): JwtAuthOptions & { audience: string } => ({
  ...auth,
  audience,
});
