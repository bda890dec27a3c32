import { createPublicKey } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { ChatHistoryPolicy, ParticipantRole } from '@mentara/meetings-core/protocol';
import { checkTokenLifetime, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './token-lifetime';
import { hasApiScope } from './api-token';
import type { AuthenticatedUser, JwtAuthOptions } from './types';

/** Verifies a token and returns the user it names, or `null` when it is invalid in any way. */
export type TokenVerifier = (token: string) => Promise<AuthenticatedUser | null>;

const isRole = (value: unknown): value is ParticipantRole => value === 'host' || value === 'participant';
const isChatHistory = (value: unknown): value is ChatHistoryPolicy => value === 'none' || value === 'all';
const seconds = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined);

/**
 * Maps verified claims to a user: `sub`, `name`, `role` (`host` / `participant`), `meetingId` /
 * `meetings`, `startsAt` and `endsAt` (seconds), `waitingRoom` (`false`: skips it), `chatHistory`
 * (`none` / `all`), `exp` (as `expiresAt`, epoch ms). Claims of the wrong type are ignored. A server
 * token of the REST API (`scope: 'meetings:api'`) is not a participant: `null`.
 */
export function userFromClaims(claims: JWTPayload): AuthenticatedUser | null {
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) return null;
  if (hasApiScope(claims)) return null;
  const meetings: string[] = [];
  if (typeof claims.meetingId === 'string') meetings.push(claims.meetingId);
  if (Array.isArray(claims.meetings)) {
    for (const id of claims.meetings) if (typeof id === 'string') meetings.push(id);
  }
  const name = typeof claims.name === 'string' ? claims.name : claims.displayName;
  return {
    userId: claims.sub,
    ...(typeof name === 'string' ? { displayName: name } : {}),
    role: isRole(claims.role) ? claims.role : 'participant',
    meetings,
    ...(seconds(claims.startsAt) !== undefined ? { startsAt: seconds(claims.startsAt) } : {}),
    ...(seconds(claims.endsAt) !== undefined ? { endsAt: seconds(claims.endsAt) } : {}),
    ...(typeof claims.waitingRoom === 'boolean' ? { waitingRoom: claims.waitingRoom } : {}),
    ...(isChatHistory(claims.chatHistory) ? { chatHistory: claims.chatHistory } : {}),
    ...(seconds(claims.exp) !== undefined ? { expiresAt: seconds(claims.exp) } : {}),
  };
}

/**
 * Builds a JWT verifier with pinned algorithms, required `exp`, a bounded lifetime (no `iat` in
 * the future), and optional issuer/audience; `toUser` turns the verified claims into the identity
 * (participants by default).
 *
 * @throws when none of `secret`, `publicKey`, `jwksUrl` is set.
 */
export function createTokenVerifier(
  options: JwtAuthOptions,
  toUser: (claims: JWTPayload) => AuthenticatedUser | null = userFromClaims,
): TokenVerifier {
  let key: Parameters<typeof jwtVerify>[1];
  let defaultAlgorithms: string[];
  if (options.secret !== undefined) {
    key = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
    if ((key as Uint8Array).length === 0) throw new Error('auth.secret must not be empty');
    defaultAlgorithms = ['HS256'];
  } else if (options.publicKey !== undefined) {
    key = typeof options.publicKey === 'string' ? createPublicKey(options.publicKey) : options.publicKey;
    defaultAlgorithms = ['RS256', 'ES256'];
  } else if (options.jwksUrl !== undefined) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
    defaultAlgorithms = ['RS256', 'ES256'];
  } else {
    throw new Error('auth needs one of: secret, publicKey, jwksUrl');
  }
  const clockTolerance = options.clockToleranceSeconds ?? 5;
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (!(maxLifetime > 0)) throw new Error('auth.maxLifetimeSeconds must be a positive number');
  const verifyOptions = {
    algorithms: options.algorithms ?? defaultAlgorithms,
    requiredClaims: ['exp', 'sub'],
    clockTolerance,
    ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
    ...(options.audience !== undefined ? { audience: options.audience } : {}),
  };
  return async (token) => {
    try {
      // `key` is either a key or a JWKS getter; jose accepts both through the same overload set.
      const { payload } = await jwtVerify(token, key as never, verifyOptions);
      if (checkTokenLifetime(payload, Math.floor(Date.now() / 1000), maxLifetime, clockTolerance)) return null;
      return toUser(payload);
    } catch {
      return null;
    }
  };
}
