import type { JWTPayload } from 'jose';

/** The longest token lifetime accepted by default: 24 hours, the lifetime of a meeting room token. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** Why a token's times were refused. */
export type TokenLifetimeRefusal = 'issued-in-the-future' | 'lifetime-too-long';

/**
 * Checks the times of a verified token beyond `exp` itself: `iat` may not lie in the future
 * (beyond the clock tolerance), and the token may not live longer than `maxLifetimeSeconds` —
 * from `iat` to `exp`, or from now to `exp` when it has no `iat`. A token valid until 2100 is
 * refused: a leaked long-lived token would otherwise open meetings for decades.
 */
export function checkTokenLifetime(
  claims: Pick<JWTPayload, 'exp' | 'iat'>,
  nowSeconds: number,
  maxLifetimeSeconds: number,
  toleranceSeconds: number,
): TokenLifetimeRefusal | null {
  const { exp, iat } = claims;
  if (typeof iat === 'number' && iat > nowSeconds + toleranceSeconds) return 'issued-in-the-future';
  if (typeof exp !== 'number') return null;
  const from = typeof iat === 'number' ? iat : nowSeconds;
  return exp - from > maxLifetimeSeconds + toleranceSeconds ? 'lifetime-too-long' : null;
}
