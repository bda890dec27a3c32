import { SignJWT, type JWTPayload } from 'jose';

/** The `scope` a server token for the meetings REST API carries; participant tokens never do. */
export const MEETINGS_API_SCOPE = 'meetings:api';

/** The audience a server token for the meetings REST API carries (unless configured otherwise). */
export const MEETINGS_API_AUDIENCE = 'mentara-meetings-api';

/** Whether verified claims grant the REST API (`scope` is a space-separated list, as in OAuth 2). */
export function hasApiScope(claims: JWTPayload): boolean {
  const { scope } = claims;
  return typeof scope === 'string' && scope.split(' ').includes(MEETINGS_API_SCOPE);
}

/** Options of {@link issueMeetingsApiToken}. */
export interface IssueMeetingsApiTokenOptions {
  /** HMAC secret the meetings server verifies tokens with (`JWT_SECRET`). */
  secret: string | Uint8Array;
  /** Who calls the API, e.g. `'billing-backend'` (the `sub` claim; logged, never trusted for anything else). */
  subject: string;
  /** Lifetime: seconds, or a `jose` time span such as `'5m'`. @default '5m' */
  expiresIn?: number | string;
  /** @default 'mentara-meetings-api' */
  audience?: string;
  issuer?: string;
  /** @default 'HS256' */
  algorithm?: 'HS256' | 'HS384' | 'HS512';
}

/**
 * Signs a short-lived server token for the meetings REST API: audience `mentara-meetings-api` and
 * `scope: 'meetings:api'`, which no participant token carries (and which the socket server refuses).
 *
 * @example
 * ```ts
 * const token = await issueMeetingsApiToken({ secret: process.env.JWT_SECRET!, subject: 'scheduling-backend' });
 * await fetch(`${api}/api/meetings`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
 * ```
 */
export async function issueMeetingsApiToken(options: IssueMeetingsApiTokenOptions): Promise<string> {
  const secret = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
  if (secret.length === 0) throw new Error('issueMeetingsApiToken: secret must not be empty');
  const expiresIn = options.expiresIn ?? '5m';
  let jwt = new SignJWT({ scope: MEETINGS_API_SCOPE })
    .setProtectedHeader({ alg: options.algorithm ?? 'HS256' })
    .setSubject(options.subject)
    .setAudience(options.audience ?? MEETINGS_API_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn);
  if (options.issuer !== undefined) jwt = jwt.setIssuer(options.issuer);
  return jwt.sign(secret);
}
