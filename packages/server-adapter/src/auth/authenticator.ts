import { randomUUID } from 'node:crypto';
import { createTokenVerifier } from './jwt-verifier';
import type { AuthContext, AuthenticatedUser, AuthSettings } from './types';

/** Turns a handshake or request into a user, or `null` when it must be refused. */
export type Authenticator = (context: AuthContext) => Promise<AuthenticatedUser | null>;

/** The bearer token of a handshake (`auth.token`) or request (`Authorization: Bearer …`). */
export function extractToken(context: AuthContext): string | undefined {
  const fromAuth = context.auth.token;
  if (typeof fromAuth === 'string' && fromAuth.length > 0) return fromAuth;
  const header = context.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

const anonymousUser = (context: AuthContext): AuthenticatedUser => {
  const { displayName, userId, role } = context.auth;
  return {
    userId: typeof userId === 'string' && /^[\w-]{1,128}$/.test(userId) ? userId : `anon-${randomUUID()}`,
    ...(typeof displayName === 'string' && displayName.trim() ? { displayName: displayName.trim().slice(0, 64) } : {}),
    role: role === 'host' ? 'host' : 'participant',
    meetings: '*',
  };
};

/**
 * Builds the authenticator from the settings. Precedence: `authenticate` hook, then JWT
 * (`auth`), then `allowAnonymous`. When a token is present it must be valid even in anonymous mode.
 *
 * @throws when no authentication method is configured.
 */
export function createAuthenticator(settings: AuthSettings): Authenticator {
  const { authenticate, auth, allowAnonymous } = settings;
  if (authenticate) {
    return async (context) => (await authenticate(context)) ?? null;
  }
  const verify = auth ? createTokenVerifier(auth) : undefined;
  if (!verify && !allowAnonymous) {
    throw new Error(
      'No authentication configured: set `auth` (JWT secret, publicKey or jwksUrl), `authenticate`, or `allowAnonymous: true` (development only)',
    );
  }
  return async (context) => {
    const token = extractToken(context);
    if (token && verify) return verify(token);
    if (allowAnonymous) return anonymousUser(context);
    return null;
  };
}
