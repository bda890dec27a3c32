import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueMeetingToken } from './issue-token';
import { createTokenVerifier, userFromClaims } from './jwt-verifier';

const secret = 'jwt-verifier-test-secret-0123456789abcdef';
const key = new TextEncoder().encode(secret);
const sign = (claims: Record<string, unknown>, alg = 'HS256') =>
  new SignJWT(claims).setProtectedHeader({ alg }).setSubject('u1').setIssuedAt();

describe('createTokenVerifier', () => {
  it('accepts a token from issueMeetingToken and maps its claims', async () => {
    const verify = createTokenVerifier({ secret });
    const token = await issueMeetingToken({ secret, userId: 'u1', displayName: 'Interpreter', meetingId: 'm1', role: 'host', endsAt: 1_900_000_000_000 });
    expect(await verify(token)).toEqual({
      userId: 'u1',
      displayName: 'Interpreter',
      role: 'host',
      meetings: ['m1'],
      endsAt: 1_900_000_000_000,
      expiresAt: expect.closeTo(Date.now() + 24 * 3600_000, -4),
    });
  });

  it('maps the session flow claims: startsAt (seconds), waitingRoom, chatHistory', async () => {
    const verify = createTokenVerifier({ secret });
    const token = await issueMeetingToken({
      secret,
      userId: 'u2',
      meetingId: 'm1',
      startsAt: 1_900_000_000_000,
      endsAt: 1_900_003_600_000,
      waitingRoom: false,
      chatHistory: 'all',
    });
    expect(await verify(token)).toEqual({
      userId: 'u2',
      role: 'participant',
      meetings: ['m1'],
      startsAt: 1_900_000_000_000,
      endsAt: 1_900_003_600_000,
      waitingRoom: false,
      chatHistory: 'all',
      expiresAt: expect.any(Number),
    });
    expect(userFromClaims({ sub: 'u', startsAt: 'soon', waitingRoom: 'no', chatHistory: 'everything' })).toEqual({ userId: 'u', role: 'participant', meetings: [] });
  });

  it('issues tokens that expire after 24 hours by default', async () => {
    const token = await issueMeetingToken({ secret, userId: 'u1', meetingId: 'm1' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number; iat: number };
    expect(payload.exp - payload.iat).toBe(24 * 3600);
  });

  it('refuses tokens without exp, expired, wrongly signed, or with another algorithm', async () => {
    const verify = createTokenVerifier({ secret });
    expect(await verify(await sign({}).sign(key))).toBeNull();
    expect(await verify(await sign({}).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key))).toBeNull();
    expect(await verify(await sign({}).setExpirationTime('1h').sign(new TextEncoder().encode('other-secret-xxxxxxxxxxxxxxxx')))).toBeNull();
    expect(await verify(await sign({}, 'HS512').setExpirationTime('1h').sign(key))).toBeNull();
    expect(await verify('not.a.token')).toBeNull();
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u1', exp: 9e9 })).toString('base64url')}.`;
    expect(await verify(unsigned)).toBeNull();
  });

  it('refuses a token that lives longer than maxLifetimeSeconds (24 h by default) or was issued in the future', async () => {
    const verify = createTokenVerifier({ secret });
    const now = Math.floor(Date.now() / 1000);
    // The seed's room token: 24 hours.
    expect(await verify(await issueMeetingToken({ secret, userId: 'u1', meetingId: 'm1' }))).toMatchObject({ userId: 'u1' });
    expect(await verify(await sign({}).setExpirationTime(4_102_444_800).sign(key))).toBeNull(); // exp in 2100
    expect(await verify(await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setExpirationTime(4_102_444_800).sign(key))).toBeNull();
    expect(await verify(await sign({}).setIssuedAt(now + 3600).setExpirationTime(now + 7200).sign(key))).toBeNull();
    const shortLived = createTokenVerifier({ secret, maxLifetimeSeconds: 600 });
    expect(await shortLived(await issueMeetingToken({ secret, userId: 'u1', expiresIn: 600 }))).toMatchObject({ userId: 'u1' });
    expect(await shortLived(await issueMeetingToken({ secret, userId: 'u1', expiresIn: '2h' }))).toBeNull();
  });

  it('checks issuer and audience', async () => {
    const verify = createTokenVerifier({ secret, issuer: 'https://api.example', audience: 'meetings' });
    const good = await sign({}).setExpirationTime('1h').setIssuer('https://api.example').setAudience('meetings').sign(key);
    const badIss = await sign({}).setExpirationTime('1h').setIssuer('https://evil').setAudience('meetings').sign(key);
    const badAud = await sign({}).setExpirationTime('1h').setIssuer('https://api.example').setAudience('other').sign(key);
    expect(await verify(good)).toMatchObject({ userId: 'u1' });
    expect(await verify(badIss)).toBeNull();
    expect(await verify(badAud)).toBeNull();
  });

  it('verifies RS256 with a PEM public key and refuses HS256 signed with that key text', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const verify = createTokenVerifier({ publicKey: pem, algorithms: ['RS256'] });
    expect(await verify(await sign({}, 'RS256').setExpirationTime('1h').sign(privateKey))).toMatchObject({ userId: 'u1' });
    const confused = await sign({}, 'HS256').setExpirationTime('1h').sign(new TextEncoder().encode(pem));
    expect(await verify(confused)).toBeNull();
  });

  it('verifies against a JWKS served over HTTP', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      const verify = createTokenVerifier({ jwksUrl: url, algorithms: ['ES256'] });
      const token = await new SignJWT({ meetings: ['a', 'b'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('u2')
        .setExpirationTime('1h')
        .sign(privateKey);
      expect(await verify(token)).toMatchObject({ userId: 'u2', meetings: ['a', 'b'], role: 'participant' });
    } finally {
      server.close();
    }
  });

  it('needs a key source', () => {
    expect(() => createTokenVerifier({})).toThrow(/secret, publicKey, jwksUrl/);
  });

  it('maps claims defensively', () => {
    expect(userFromClaims({ exp: 1 })).toBeNull();
    expect(userFromClaims({ sub: 'u', role: 'admin', meetings: ['a', 3], displayName: 'D' })).toEqual({
      userId: 'u',
      displayName: 'D',
      role: 'participant',
      meetings: ['a'],
    });
  });
});
