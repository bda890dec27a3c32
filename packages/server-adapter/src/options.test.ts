import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options';

describe('resolveOptions', () => {
  it('has a waiting room by default, but not in anonymous development mode (nobody could let anyone in)', () => {
    expect(resolveOptions({ auth: { secret: 's' } }).waitingRoom).toBe(true);
    expect(resolveOptions({ allowAnonymous: true }).waitingRoom).toBe(false);
    expect(resolveOptions({ allowAnonymous: true, waitingRoom: true }).waitingRoom).toBe(true);
    expect(resolveOptions({ auth: { secret: 's' }, waitingRoom: false }).waitingRoom).toBe(false);
  });

  it('refuses nonsensical limits at attach time', () => {
    expect(() => resolveOptions({ allowAnonymous: true, limits: { maxParticipants: 0 } })).toThrow(/maxParticipants/);
  });
});
