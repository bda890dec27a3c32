import { describe, expect, it } from 'vitest';
import { iceServersFromEnv } from './ice-servers-from-env';

describe('iceServersFromEnv', () => {
  it('builds the NEXT_PUBLIC_TURN_* fallback', () => {
    expect(iceServersFromEnv({ url: 'turn:t.example.com:3478', username: 'u', password: 'p' })).toEqual([
      { urls: ['turn:t.example.com:3478'], username: 'u', credential: 'p' },
    ]);
    expect(iceServersFromEnv({})).toEqual([]);
  });
});
