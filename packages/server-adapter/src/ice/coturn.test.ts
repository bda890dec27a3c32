import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { coturnCredentials, createCoturnSecretProvider } from './coturn';

describe('coturn shared-secret credentials', () => {
  it('builds <expiry>:<userId> and base64(HMAC-SHA1(secret, username))', () => {
    const { username, credential } = coturnCredentials('s3cret', 'user:42', 3600, 1_700_000_000_000);
    expect(username).toBe('1700003600:user_42');
    expect(credential).toBe(createHmac('sha1', 's3cret').update(username).digest('base64'));
  });

  it('provider answers the configured URLs with fresh credentials', async () => {
    const provider = createCoturnSecretProvider({ urls: ['turn:127.0.0.1:3478'], secret: 'k', ttlSeconds: 60, now: () => 0 });
    expect(await provider.getIceServers('u')).toEqual([{ urls: ['turn:127.0.0.1:3478'], username: '60:u', credential: expect.any(String) }]);
  });
});
