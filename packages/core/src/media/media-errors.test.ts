import { describe, expect, it } from 'vitest';
import { MeetingError } from '../errors/meeting-error';
import { toMediaError } from './media-errors';

const dom = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });

describe('toMediaError', () => {
  it.each([
    ['NotAllowedError', 'permission-denied'],
    ['NotReadableError', 'device-in-use'],
    ['NotFoundError', 'device-not-found'],
    ['OverconstrainedError', 'constraints-not-satisfiable'],
    ['SomethingElse', 'media-failed'],
  ])('%s → %s, with the hint', (name, code) => {
    const e = toMediaError(dom(name));
    expect(e).toBeInstanceOf(MeetingError);
    expect(e.code).toBe(code);
    expect(e.hint.length).toBeGreaterThan(10);
  });
  it('an unknown device id is "device-not-found"', () => {
    expect(toMediaError(dom('OverconstrainedError', { constraint: 'deviceId' })).code).toBe('device-not-found');
  });
});
